package org.lifecert.gateway;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A small real HTTP server standing in for enrollment-service's {@code POST /internal/v1/relatives}
 * (a test double of another service, answering as the real one does): surname 错 → 422 with
 * enrollment's NAME_MISMATCH problem, surname 宕 → 500, otherwise 201 with a PENDING link.
 * {@code GET /control/last} returns the last request body it received.
 */
public final class EnrollmentStub {

    private final HttpServer server;
    private final AtomicReference<String> last = new AtomicReference<>("");

    public EnrollmentStub() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/internal/v1/relatives", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            last.set(body);
            if (body.contains("\"surname\":\"错\"")) {
                respond(exchange, 422, "{\"type\":\"about:blank\",\"title\":\"Unprocessable Entity\",\"status\":422,"
                        + "\"detail\":\"name does not match the ID number\",\"code\":\"RELATIVE_NAME_MISMATCH\","
                        + "\"message\":\"亲属姓名与身份证号不符\",\"errors\":[]}");
            } else if (body.contains("\"surname\":\"宕\"")) {
                respond(exchange, 500, "{\"status\":500}");
            } else {
                respond(exchange, 201, "{\"linkId\":\"" + UUID.randomUUID() + "\",\"personId\":\"" + UUID.randomUUID()
                        + "\",\"name\":\"李*\",\"status\":\"PENDING\"}");
            }
        });
        server.createContext("/control/last", exchange -> respond(exchange, 200, last.get()));
        server.start();
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", status >= 400 ? "application/problem+json" : "application/json");
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
