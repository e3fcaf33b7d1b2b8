package org.lifecert.gateway.load;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PlainHttpConnectionTests {

    private HttpServer server;
    private final List<String> received = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.US_ASCII);
            received.add(exchange.getRequestHeaders().getFirst("X-Session-Token") + " "
                    + exchange.getRequestHeaders().getFirst("Content-Type") + " " + body);
            byte[] answer = ("{\"length\":" + body.length() + "}").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(body.isEmpty() ? 400 : 200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void sendsThePartsInOrderAndReadsEachAnswerOnOneKeptAliveConnection() throws Exception {
        ByteBuffer frame = ByteBuffer.allocateDirect(100_000);
        while (frame.hasRemaining()) {
            frame.put((byte) 'A');
        }
        frame.flip();
        try (PlainHttpConnection connection = new PlainHttpConnection("127.0.0.1", server.getAddress().getPort())) {
            for (int i = 0; i < 3; i++) {
                PlainHttpConnection.Response r = connection.post("/batches", "application/json", "token-" + i,
                        List.of(ByteBuffer.wrap("{\"f\":\"".getBytes(StandardCharsets.US_ASCII)), frame.duplicate(),
                                ByteBuffer.wrap("\"}".getBytes(StandardCharsets.US_ASCII))));
                assertThat(r.status()).isEqualTo(200);
                assertThat(r.body()).isEqualTo("{\"length\":100008}");
            }
            assertThat(connection.post("/batches", "application/json", "t", List.of()).status()).isEqualTo(400);
        }
        assertThat(received).hasSize(4);
        assertThat(received.get(2)).startsWith("token-2 application/json {\"f\":\"AAAA").endsWith("AAAA\"}");
    }
}
