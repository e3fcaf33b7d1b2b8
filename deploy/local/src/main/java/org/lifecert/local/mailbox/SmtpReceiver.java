package org.lifecert.local.mailbox;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/**
 * The server side of SMTP (RFC 5321) as far as a trusted client on this machine needs it: HELO/EHLO, MAIL, RCPT,
 * DATA (dot-unstuffed), RSET, NOOP, QUIT. No AUTH, no STARTTLS, no relaying decisions: every message is accepted
 * and handed to the sink. Bound to 127.0.0.1 only; the local stack's notification-service is its one client.
 */
final class SmtpReceiver implements AutoCloseable {

    /** One accepted message: the envelope and the raw RFC 5322 bytes. */
    record Received(String from, List<String> to, byte[] data) {
    }

    static final int MAX_MESSAGE_BYTES = 10 * 1024 * 1024;
    private static final int MAX_LINE_BYTES = 64 * 1024;
    private static final Logger LOG = Logger.getLogger(SmtpReceiver.class);

    private final ServerSocket server;
    private final Consumer<Received> sink;
    private final ExecutorService connections = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "local-smtp");
        t.setDaemon(true);
        return t;
    });

    private SmtpReceiver(ServerSocket server, Consumer<Received> sink) {
        this.server = server;
        this.sink = sink;
    }

    /** Listens on 127.0.0.1:{@code port} (0: any free port). */
    static SmtpReceiver start(int port, Consumer<Received> sink) throws IOException {
        SmtpReceiver receiver = new SmtpReceiver(new ServerSocket(port, 50, InetAddress.getLoopbackAddress()), sink);
        Thread acceptor = new Thread(receiver::accept, "local-smtp-accept");
        acceptor.setDaemon(true);
        acceptor.start();
        return receiver;
    }

    int port() {
        return server.getLocalPort();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                connections.execute(() -> converse(socket));
            } catch (IOException e) {
                if (!server.isClosed()) {
                    LOG.warn("SMTP accept failed", e);
                }
            }
        }
    }

    private void converse(Socket socket) {
        try (socket; InputStream in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
                OutputStream out = socket.getOutputStream()) {
            socket.setSoTimeout(300_000);
            reply(out, "220 lifecert-local mailbox ESMTP");
            String from = null;
            List<String> to = new ArrayList<>();
            String line;
            while ((line = readLine(in)) != null) {
                String verb = (line.length() >= 4 ? line.substring(0, 4) : line).toUpperCase(Locale.ROOT);
                switch (verb) {
                    case "EHLO" -> reply(out, "250-lifecert-local\r\n250-8BITMIME\r\n250-SMTPUTF8\r\n250 SIZE " + MAX_MESSAGE_BYTES);
                    case "HELO" -> reply(out, "250 lifecert-local");
                    case "MAIL" -> {
                        from = address(line);
                        to.clear();
                        reply(out, "250 OK");
                    }
                    case "RCPT" -> {
                        if (from == null) {
                            reply(out, "503 MAIL first");
                        } else {
                            to.add(address(line));
                            reply(out, "250 OK");
                        }
                    }
                    case "DATA" -> {
                        if (from == null || to.isEmpty()) {
                            reply(out, "503 MAIL and RCPT first");
                            continue;
                        }
                        reply(out, "354 end with <CRLF>.<CRLF>");
                        byte[] data = readData(in);
                        if (data == null) {
                            reply(out, "552 message larger than " + MAX_MESSAGE_BYTES + " bytes");
                        } else {
                            sink.accept(new Received(from, List.copyOf(to), data));
                            reply(out, "250 OK");
                        }
                        from = null;
                        to.clear();
                    }
                    case "RSET" -> {
                        from = null;
                        to.clear();
                        reply(out, "250 OK");
                    }
                    case "NOOP" -> reply(out, "250 OK");
                    case "QUIT" -> {
                        reply(out, "221 bye");
                        return;
                    }
                    default -> reply(out, "502 command not implemented");
                }
            }
        } catch (SocketException e) {
            // the client went away
        } catch (IOException | RuntimeException e) {
            LOG.warn("SMTP conversation failed", e);
        }
    }

    /** The message up to the line holding a single dot; null when it exceeds the size limit (read to its end anyway). */
    private static byte[] readData(InputStream in) throws IOException {
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        boolean tooLarge = false;
        String line;
        while ((line = readLine(in)) != null && !line.equals(".")) {
            if (tooLarge) {
                continue;
            }
            byte[] bytes = (line.startsWith(".") ? line.substring(1) : line).getBytes(StandardCharsets.UTF_8);
            if (data.size() + bytes.length + 2 > MAX_MESSAGE_BYTES) {
                tooLarge = true;
                continue;
            }
            data.write(bytes);
            data.write('\r');
            data.write('\n');
        }
        return tooLarge ? null : data.toByteArray();
    }

    /** One line without its CR LF, or null at the end of the stream; longer lines are cut. */
    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(128);
        int b;
        while ((b = in.read()) != -1 && b != '\n') {
            if (line.size() < MAX_LINE_BYTES) {
                line.write(b);
            }
        }
        if (b == -1 && line.size() == 0) {
            return null;
        }
        String s = line.toString(StandardCharsets.UTF_8);
        return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
    }

    private static String address(String line) {
        int open = line.indexOf('<');
        int close = line.indexOf('>', open + 1);
        if (open >= 0 && close > open) {
            return line.substring(open + 1, close);
        }
        int colon = line.indexOf(':');
        return colon < 0 ? "" : line.substring(colon + 1).trim();
    }

    private static void reply(OutputStream out, String text) throws IOException {
        out.write((text + "\r\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        server.close();
        connections.shutdownNow();
    }
}
