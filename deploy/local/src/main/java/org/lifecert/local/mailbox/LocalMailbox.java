package org.lifecert.local.mailbox;

import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * Where the local stack's e-mail and SMS go when no real SMTP server or SMS gateway is configured: the demo bureau's
 * reminders and results become visible at {@code http://127.0.0.1:8026/} instead of failing and retrying until they
 * are dead-lettered. Keeps the last {@link #KEPT} messages in memory, nothing on disk; a stack restart empties it.
 */
public final class LocalMailbox implements AutoCloseable {

    /** One message as the page shows it. */
    public record Message(long number, Instant received, String channel, String to, String subject, String text) {
    }

    public static final int KEPT = 200;
    private static final Logger LOG = Logger.getLogger(LocalMailbox.class);
    private static final Session MAIL = Session.getInstance(new Properties());

    private final Deque<Message> messages = new ArrayDeque<>();
    private final AtomicLong received = new AtomicLong();
    private SmtpReceiver smtp;
    private MailboxHttp http;

    private LocalMailbox() {
    }

    /** SMTP on 127.0.0.1:{@code smtpPort}, the SMS endpoint and the page on 127.0.0.1:{@code httpPort} (0: any). */
    public static LocalMailbox start(int smtpPort, int httpPort) throws IOException {
        LocalMailbox mailbox = new LocalMailbox();
        try {
            mailbox.smtp = SmtpReceiver.start(smtpPort, mailbox::email);
            mailbox.http = MailboxHttp.start(httpPort, mailbox);
        } catch (IOException e) {
            mailbox.close();
            throw e;
        }
        return mailbox;
    }

    public int smtpPort() {
        return smtp.port();
    }

    public int httpPort() {
        return http.port();
    }

    /** What notification-service's {@code lifecert.notification.sms.endpoint} points at. */
    public String smsEndpoint() {
        return "http://127.0.0.1:" + httpPort() + MailboxHttp.SMS_PATH;
    }

    public String pageUrl() {
        return "http://127.0.0.1:" + httpPort() + "/";
    }

    /** Messages received since the start, kept or not. */
    public long receivedCount() {
        return received.get();
    }

    /** The kept messages, newest first. */
    public synchronized List<Message> messages() {
        return new ArrayList<>(messages);
    }

    void sms(String to, String text) {
        keep("SMS", to, "", text);
    }

    private void email(SmtpReceiver.Received mail) {
        String subject;
        String text;
        try {
            MimeMessage message = new MimeMessage(MAIL, new ByteArrayInputStream(mail.data()));
            subject = message.getSubject() == null ? "" : message.getSubject();
            text = textOf(message.getContent());
        } catch (Exception e) {
            LOG.warnf("unreadable e-mail to %s kept as it came: %s", mail.to(), e.getMessage());
            subject = "(unreadable: " + e.getMessage() + ")";
            text = new String(mail.data(), java.nio.charset.StandardCharsets.UTF_8);
        }
        keep("EMAIL", String.join(", ", mail.to()), subject, text);
    }

    /** The first text part: notification-service sends text, or text with an HTML alternative. */
    private static String textOf(Object content) throws Exception {
        if (content instanceof String s) {
            return s;
        }
        if (content instanceof Multipart multipart) {
            String html = null;
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart part = multipart.getBodyPart(i);
                if (part.isMimeType("text/plain")) {
                    return (String) part.getContent();
                }
                if (html == null && (part.isMimeType("text/html") || part.isMimeType("multipart/*"))) {
                    html = textOf(part.getContent());
                }
            }
            return html == null ? "" : html;
        }
        return "";
    }

    private synchronized void keep(String channel, String to, String subject, String text) {
        messages.addFirst(new Message(received.incrementAndGet(), Instant.now(), channel, to, subject, text));
        while (messages.size() > KEPT) {
            messages.removeLast();
        }
    }

    @Override
    public void close() {
        for (AutoCloseable part : new AutoCloseable[] {http, smtp}) {
            if (part != null) {
                try {
                    part.close();
                } catch (Exception e) {
                    LOG.warn("mailbox stop failed", e);
                }
            }
        }
    }
}
