package org.lifecert.local.mailbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;

/**
 * The mailbox over HTTP: {@code POST /sms} in the request format of notification-service's HTTP SMS gateway
 * ({@code {to, text, sender, reference}}), {@code GET /messages} as JSON and {@code GET /} as a page, newest first.
 */
final class MailboxHttp implements AutoCloseable {

    static final String SMS_PATH = "/sms";
    private static final int MAX_SMS_BYTES = 64 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.systemDefault());

    private final HttpServer server;
    private final LocalMailbox mailbox;

    private MailboxHttp(HttpServer server, LocalMailbox mailbox) {
        this.server = server;
        this.mailbox = mailbox;
    }

    static MailboxHttp start(int port, LocalMailbox mailbox) throws IOException {
        // Without TCP_NODELAY the JDK server sends the response body only once the client acknowledges the headers:
        // 40 ms of delayed ACK per SMS. Read once, when the first server of this JVM is created.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
        MailboxHttp http = new MailboxHttp(server, mailbox);
        server.createContext(SMS_PATH, http::sms);
        server.createContext("/messages", http::messagesJson);
        server.createContext("/", http::page);
        server.setExecutor(Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "local-mailbox-http");
            t.setDaemon(true);
            return t;
        }));
        server.start();
        return http;
    }

    int port() {
        return server.getAddress().getPort();
    }

    private void sms(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!exchange.getRequestMethod().equals("POST")) {
                send(exchange, 405, "application/json", error("POST a JSON object {to, text, sender, reference}"));
                return;
            }
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readNBytes(MAX_SMS_BYTES + 1);
            }
            if (body.length > MAX_SMS_BYTES) {
                send(exchange, 413, "application/json", error("an SMS request is at most " + MAX_SMS_BYTES + " bytes"));
                return;
            }
            JsonNode sms;
            try {
                sms = JSON.readTree(body);
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                send(exchange, 400, "application/json", error("the body is not JSON: " + e.getOriginalMessage()));
                return;
            }
            String to = sms == null ? "" : sms.path("to").asText("");
            String text = sms == null ? "" : sms.path("text").asText("");
            if (to.isBlank() || text.isBlank()) {
                send(exchange, 400, "application/json", error("to and text are required"));
                return;
            }
            mailbox.sms(to, text);
            send(exchange, 200, "application/json", JSON.writeValueAsBytes(Map.of("accepted", true,
                    "reference", sms.path("reference").asText(""))));
        }
    }

    private void messagesJson(HttpExchange exchange) throws IOException {
        try (exchange) {
            List<Map<String, Object>> messages = new ArrayList<>();
            for (LocalMailbox.Message m : mailbox.messages()) {
                Map<String, Object> json = new LinkedHashMap<>();
                json.put("number", m.number());
                json.put("received", m.received().toString());
                json.put("channel", m.channel());
                json.put("to", m.to());
                json.put("subject", m.subject());
                json.put("text", m.text());
                messages.add(json);
            }
            send(exchange, 200, "application/json", JSON.writeValueAsBytes(messages));
        }
    }

    private void page(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!exchange.getRequestURI().getPath().equals("/")) {
                send(exchange, 404, "text/plain; charset=utf-8", "not found\n".getBytes(StandardCharsets.UTF_8));
                return;
            }
            StringBuilder html = new StringBuilder("<!doctype html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\">"
                    + "<meta http-equiv=\"refresh\" content=\"10\"><title>LifeCert local mailbox</title>"
                    + "<style>body{font-family:sans-serif;margin:2em}td,th{border-bottom:1px solid #ddd;padding:.4em;"
                    + "vertical-align:top;text-align:left}pre{white-space:pre-wrap;margin:0}</style></head><body>"
                    + "<h1>LifeCert local mailbox</h1><p>E-mail and SMS the local stack's notification-service sent: ")
                    .append(mailbox.receivedCount()).append(" received, the last ").append(LocalMailbox.KEPT)
                    .append(" kept, newest first (JSON: <a href=\"/messages\">/messages</a>).</p>")
                    .append("<table><tr><th>#</th><th>received</th><th>channel</th><th>to</th><th>subject / text</th></tr>");
            for (LocalMailbox.Message m : mailbox.messages()) {
                html.append("<tr><td>").append(m.number()).append("</td><td>").append(TIME.format(m.received()))
                        .append("</td><td>").append(m.channel()).append("</td><td>").append(escape(m.to()))
                        .append("</td><td>").append(m.subject().isEmpty() ? "" : "<b>" + escape(m.subject()) + "</b>")
                        .append("<pre>").append(escape(m.text())).append("</pre></td></tr>");
            }
            html.append("</table></body></html>");
            send(exchange, 200, "text/html; charset=utf-8", html.toString().getBytes(StandardCharsets.UTF_8));
        }
    }

    private static byte[] error(String message) throws IOException {
        return JSON.writeValueAsBytes(Map.of("error", message));
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
