package org.lifecert.appeal.it;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real HTTP server (JDK, random free port) standing in for face-match-service's match-threshold
 * API and notification-service's reminder-offsets API, with their documented contracts: it answers
 * for the bureau named in the forwarded token and records every request it got, so tests see what
 * the console's proxies really sent. The real services' own tests cover their side.
 */
public class StubServices implements QuarkusTestResourceLifecycleManager {

    public record Seen(String method, String path, String authorization, String body) {
    }

    public static final List<Seen> SEEN = new CopyOnWriteArrayList<>();
    private static final Map<String, Double> THRESHOLDS = new ConcurrentHashMap<>();
    private static final Map<String, String> OFFSETS = new ConcurrentHashMap<>();
    private static final Pattern BUREAU = Pattern.compile("\"bureau\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern THRESHOLD = Pattern.compile("\"threshold\"\\s*:\\s*(-?[0-9.]+)");
    private static final Pattern DAYS = Pattern.compile("\"days\"\\s*:\\s*\\[([^\\]]*)\\]");
    private HttpServer server;

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/console/api/match-threshold", this::threshold);
        server.createContext("/api/v1/admin/bureaus/", this::offsets);
        server.start();
        String url = "http://127.0.0.1:" + server.getAddress().getPort();
        return Map.of("lifecert.services.face-match-service.url", url, "lifecert.services.notification-service.url", url);
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    private void threshold(HttpExchange x) throws IOException {
        String body = new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String auth = x.getRequestHeaders().getFirst("Authorization");
        SEEN.add(new Seen(x.getRequestMethod(), x.getRequestURI().getPath(), auth, body));
        String bureau = bureauOf(auth);
        if (bureau == null) {
            send(x, 401, "{\"status\":401}");
            return;
        }
        if ("PUT".equals(x.getRequestMethod())) {
            Matcher m = THRESHOLD.matcher(body);
            double t = m.find() ? Double.parseDouble(m.group(1)) : -1;
            if (t < 0.30 || t > 0.90) {
                send(x, 400, "{\"status\":400,\"code\":\"VALIDATION_FAILED\",\"message\":\"比对阈值应在0.30到0.90之间\","
                        + "\"errors\":[{\"field\":\"threshold\",\"message\":\"比对阈值应在0.30到0.90之间\"}]}");
                return;
            }
            THRESHOLDS.put(bureau, t);
        }
        double t = THRESHOLDS.getOrDefault(bureau, 0.60);
        send(x, 200, "{\"bureau\":\"" + bureau + "\",\"threshold\":" + t + ",\"falseAcceptRate\":" + far(t)
                + ",\"min\":0.30,\"max\":0.90,\"calibration\":[{\"threshold\":0.30,\"falseAcceptRate\":0.01},"
                + "{\"threshold\":0.60,\"falseAcceptRate\":0.0001},{\"threshold\":0.90,\"falseAcceptRate\":0.000001}]}");
    }

    private void offsets(HttpExchange x) throws IOException {
        String body = new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String auth = x.getRequestHeaders().getFirst("Authorization");
        String path = x.getRequestURI().getPath();
        SEEN.add(new Seen(x.getRequestMethod(), path, auth, body));
        Matcher p = Pattern.compile("^/api/v1/admin/bureaus/([^/]+)/reminder-offsets$").matcher(path);
        if (!p.find()) {
            send(x, 404, "{\"status\":404}");
            return;
        }
        String bureau = p.group(1);
        if (!bureau.equals(bureauOf(auth))) {
            send(x, 404, "{\"status\":404}");
            return;
        }
        if ("PUT".equals(x.getRequestMethod())) {
            Matcher d = DAYS.matcher(body);
            OFFSETS.put(bureau, d.find() ? d.group(1).replace(" ", "") : "");
        }
        send(x, 200, "{\"bureau\":\"" + bureau + "\",\"days\":[" + OFFSETS.getOrDefault(bureau, "14,7,1") + "],\"source\":\""
                + (OFFSETS.containsKey(bureau) ? "bureau" : "default") + "\"}");
    }

    private static double far(double t) {
        return t >= 0.90 ? 0.000001 : t >= 0.60 ? 0.0001 : 0.01;
    }

    /** The bureau claim of a bearer JWT (signature not checked: the real services do that). */
    static String bureauOf(String authorization) {
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            return null;
        }
        String[] parts = authorization.substring(7).split("\\.");
        if (parts.length < 2) {
            return null;
        }
        Matcher m = BUREAU.matcher(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
        return m.find() ? m.group(1) : null;
    }

    private static void send(HttpExchange x, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().set("Content-Type", "application/json");
        x.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = x.getResponseBody()) {
            out.write(bytes);
        }
    }
}
