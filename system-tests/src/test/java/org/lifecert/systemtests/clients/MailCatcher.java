package org.lifecert.systemtests.clients;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.List;

/**
 * The SMTP server notification-service sends to: GreenMail in the test JVM on
 * {@code lifecert.system-tests.smtp-port} (the pom gives the service JVMs LIFECERT_SMTP_HOST/PORT
 * through the inherited environment). Started before the stack.
 */
public final class MailCatcher {

    private static GreenMail server;
    private static String problem;

    private MailCatcher() {
    }

    public static synchronized void start() {
        if (server != null || problem != null) {
            return;
        }
        int port = Integer.getInteger("lifecert.system-tests.smtp-port", 20025);
        try {
            GreenMail g = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            g.start();
            server = g;
            Runtime.getRuntime().addShutdownHook(new Thread(g::stop));
        } catch (RuntimeException e) {
            problem = "SMTP server could not start on 127.0.0.1:" + port + ": " + e.getMessage();
            System.err.println(problem);
        }
    }

    /** The subjects (decoded) of the messages received so far for {@code address}. */
    public static List<String> subjectsTo(String address) {
        if (server == null) {
            throw new AssertionError(problem != null ? problem : "SMTP server not started");
        }
        List<String> out = new ArrayList<>();
        for (MimeMessage m : server.getReceivedMessages()) {
            try {
                boolean toAddress = false;
                for (var r : m.getAllRecipients()) {
                    toAddress |= r.toString().contains(address);
                }
                if (toAddress) {
                    out.add(m.getSubject());
                }
            } catch (Exception e) {
                out.add("unreadable message: " + e);
            }
        }
        return out;
    }
}
