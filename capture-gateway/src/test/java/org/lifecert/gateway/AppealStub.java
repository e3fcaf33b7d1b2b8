package org.lifecert.gateway;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A small real HTTP server standing in for appeal-service's
 * {@code GET /internal/v1/persons/{personId}/certification} (a test double of another service).
 * Tests set a person's state with {@code PUT /control/{personId}/{state}[?next=2027-01-01]}; unknown
 * persons answer 404 like the real service, unless a state was set for {@code default}.
 */
public final class AppealStub {

    private final HttpServer server;
    private final Map<String, String> bodies = new ConcurrentHashMap<>();

    public AppealStub() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/internal/v1/persons/", exchange -> {
            String[] parts = exchange.getRequestURI().getPath().split("/");
            String personId = parts.length > 4 ? parts[4] : "";
            String body = bodies.getOrDefault(personId, bodies.containsKey("default")
                    ? bodies.get("default").replace("\"default\"", "\"" + personId + "\"") : null);
            respond(exchange, body == null ? 404 : 200, body == null ? "{\"status\":404}" : body);
        });
        server.createContext("/control/", exchange -> {
            String[] parts = exchange.getRequestURI().getPath().split("/");
            String query = exchange.getRequestURI().getQuery();
            String next = query != null && query.startsWith("next=") ? "\"" + query.substring(5) + "\"" : "null";
            if ("ABSENT".equals(parts[3])) {
                bodies.remove(parts[2]);
            } else {
                bodies.put(parts[2], "{\"personId\":\"" + parts[2] + "\",\"bureau\":\"bureau-a\",\"period\":\"2026\",\"state\":\""
                        + parts[3] + "\",\"message\":null,\"nextPeriodStart\":" + next
                        + ",\"failedAttempts\":0,\"appeal\":null,\"extraField\":1}");
            }
            respond(exchange, 204, null);
        });
        server.start();
    }

    private static void respond(com.sun.net.httpserver.HttpExchange exchange, int status, String body) throws IOException {
        if (body == null) {
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
            return;
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public void stop() {
        server.stop(0);
    }
}
