package org.lifecert.systemtests.clients;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.lifecert.systemtests.stack.Api;

/**
 * The bureau's webhook endpoint: an HTTP server in the test JVM on a free port, registered for
 * demo-bureau through notification-service's admin API. Every delivery is kept with whether its
 * signature is valid, checked as the notification README tells a bureau to: HMAC-SHA256(secret,
 * timestamp + "." + raw body), hex, in a {@code v1=} entry of X-LifeCert-Signature.
 */
public final class WebhookReceiver implements AutoCloseable {

    public record Delivery(String eventType, String deliveryId, String body, boolean signatureValid) {
    }

    private static WebhookReceiver demoBureau;

    private final HttpServer server;
    private final List<Delivery> deliveries = new CopyOnWriteArrayList<>();
    private volatile String secret;

    private WebhookReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/hook", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String ts = exchange.getRequestHeaders().getFirst("X-LifeCert-Timestamp");
            String sig = exchange.getRequestHeaders().getFirst("X-LifeCert-Signature");
            deliveries.add(new Delivery(exchange.getRequestHeaders().getFirst("X-LifeCert-Event-Type"),
                    exchange.getRequestHeaders().getFirst("X-LifeCert-Delivery"), new String(body, StandardCharsets.UTF_8),
                    valid(secret, ts, sig, body)));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.start();
    }

    /** The receiver registered for demo-bureau (once per run; PUT /api/v1/admin/webhooks/demo-bureau as admin). */
    public static synchronized WebhookReceiver forDemoBureau() {
        if (demoBureau == null) {
            WebhookReceiver r = new WebhookReceiver();
            Api.Response answer = Api.of("notification-service").as("admin").put("/api/v1/admin/webhooks/demo-bureau",
                    Map.of("url", "http://127.0.0.1:" + r.server.getAddress().getPort() + "/hook", "enabled", true));
            answer.expect(200, 201);
            String issued = answer.json().path("secret").asText(null);
            if (issued == null) {
                issued = Api.of("notification-service").as("admin").post("/api/v1/admin/webhooks/demo-bureau/rotate-secret", "{}")
                        .expect(200).json().path("secret").asText();
            }
            r.secret = issued;
            Runtime.getRuntime().addShutdownHook(new Thread(r::close));
            demoBureau = r;
        }
        return demoBureau;
    }

    public List<Delivery> deliveries() {
        return List.copyOf(deliveries);
    }

    static boolean valid(String secret, String timestamp, String signature, byte[] body) {
        if (secret == null || timestamp == null || signature == null) {
            return false;
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((timestamp.trim() + ".").getBytes(StandardCharsets.UTF_8));
            byte[] expected = mac.doFinal(body);
            for (String entry : signature.split(",")) {
                String e = entry.trim();
                if (e.startsWith("v1=") && MessageDigest.isEqual(expected, HexFormat.of().parseHex(e.substring(3)))) {
                    return true;
                }
            }
            return false;
        } catch (Exception e) {
            return false;
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
