package org.lifecert.notification;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.lifecert.testing.FreePorts;

/**
 * The real servers on the far side of the channels: GreenMail for SMTP, and one JDK HTTP server
 * that records every request to {@code /sms} (the SMS gateway) and {@code /hooks/<bureau>} (bureau
 * webhook receivers) and answers with a status the test chooses.
 */
public final class LocalChannels {

    public static final String SMS_USER = "lifecert-test";
    public static final String SMS_PASSWORD = "sms-secret-for-tests";
    private static final String SMTP_PORT = "notification-tests.smtp-port";
    private static final String HTTP_PORT = "notification-tests.http-port";
    private static final Duration SMTP_START = Duration.ofSeconds(20);

    public record Ports(int smtp, int http) {
    }

    /** One recorded HTTP request. */
    public record Received(String path, Map<String, List<String>> headers, byte[] body) {
        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }

        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private static LocalChannels instance;

    private final Ports ports;
    private volatile GreenMail smtp;
    private final HttpServer http;
    private final List<Received> requests = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicInteger> statusByPath = new ConcurrentHashMap<>();

    private LocalChannels(Ports ports) {
        this.ports = ports;
        startSmtp();
        try {
            http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), ports.http()), 50);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        http.createContext("/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String path = exchange.getRequestURI().getPath();
            requests.add(new Received(path, Map.copyOf(exchange.getRequestHeaders()), body));
            int status = statusFor(path);
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        http.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4));
        http.start();
    }

    /** Ports for this JVM, chosen once and shared through system properties. */
    public static Ports ports() {
        synchronized (System.getProperties()) {
            if (System.getProperty(SMTP_PORT) == null) {
                System.setProperty(SMTP_PORT, Integer.toString(FreePorts.pick()));
                System.setProperty(HTTP_PORT, Integer.toString(FreePorts.pick()));
            }
            return new Ports(Integer.parseInt(System.getProperty(SMTP_PORT)),
                    Integer.parseInt(System.getProperty(HTTP_PORT)));
        }
    }

    /** The servers, with SMTP running again if an earlier test left it down. */
    public static synchronized LocalChannels get() {
        if (instance == null) {
            instance = new LocalChannels(ports());
        }
        instance.startSmtp();
        return instance;
    }

    public String hookUrl(String bureau) {
        return "http://127.0.0.1:" + ports.http() + "/hooks/" + bureau;
    }

    /** Answer requests to {@code path} (e.g. /sms) with {@code status} from now on. */
    public void answer(String path, int status) {
        statusByPath.computeIfAbsent(path, p -> new AtomicInteger()).set(status);
    }

    private int statusFor(String path) {
        AtomicInteger status = statusByPath.get(path);
        return status == null ? 200 : status.get();
    }

    public List<Received> requests(String path) {
        List<Received> matching = new ArrayList<>();
        for (Received r : requests) {
            if (r.path().equals(path)) {
                matching.add(r);
            }
        }
        return matching;
    }

    /** SMS accepted or refused by the gateway for {@code phone}. */
    public List<Received> sms(String phone) {
        return requests("/sms").stream().filter(r -> r.text().contains("\"to\":\"" + phone + "\"")).toList();
    }

    public synchronized void stopSmtp() {
        if (smtp != null) {
            smtp.stop();
            smtp = null;
        }
    }

    /**
     * Starts GreenMail on the published port. Under a loaded machine a start can outlast GreenMail's default
     * two seconds, and one failed restart would leave every later mail test of the JVM without a server: it
     * waits longer, tries again for a while, and then says what holds the port.
     */
    public synchronized void startSmtp() {
        long deadline = System.nanoTime() + SMTP_START.toNanos();
        while (smtp == null) {
            ServerSetup setup = new ServerSetup(ports.smtp(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
            setup.setServerStartupTimeout(10_000);
            GreenMail server = new GreenMail(setup);
            try {
                server.start();
                smtp = server;
            } catch (IllegalStateException e) {
                server.stop();
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the test SMTP server did not start on port " + ports.smtp()
                            + " within " + SMTP_START.toSeconds() + " s: "
                            + FreePorts.bindFailure(ports.smtp()).orElse("the port is free now (a slow start)"), e);
                }
                sleep(Duration.ofMillis(250));
            }
        }
    }

    private static void sleep(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting the test SMTP server", e);
        }
    }

    /**
     * Replaces the SMTP server with one that accepts connections and never says a word (a hung mail relay); closing
     * the result drops those connections and starts the real server again.
     */
    public synchronized AutoCloseable stallSmtp() {
        stopSmtp();
        ServerSocket silent;
        try {
            silent = new ServerSocket(ports.smtp(), 50, InetAddress.getByName("127.0.0.1"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Socket> held = new CopyOnWriteArrayList<>();
        Thread acceptor = new Thread(() -> {
            while (!silent.isClosed()) {
                try {
                    held.add(silent.accept());
                } catch (IOException e) {
                    return; // closed
                }
            }
        }, "stalled-smtp");
        acceptor.setDaemon(true);
        acceptor.start();
        return () -> {
            silent.close();
            for (Socket s : held) {
                s.close();
            }
            startSmtp();
        };
    }

    /** Mails received (since the SMTP server last started) for {@code address}. */
    public List<MimeMessage> mailsTo(String address) {
        GreenMail server = smtp;
        if (server == null) {
            return List.of();
        }
        return Arrays.stream(server.getReceivedMessages()).filter(m -> {
            try {
                return Arrays.stream(m.getAllRecipients()).anyMatch(a -> a.toString().contains(address));
            } catch (Exception e) {
                return false;
            }
        }).toList();
    }

    public int mailCount() {
        GreenMail server = smtp;
        return server == null ? 0 : server.getReceivedMessages().length;
    }

    public static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static String content(MimeMessage m) {
        try {
            return m.getContent().toString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
