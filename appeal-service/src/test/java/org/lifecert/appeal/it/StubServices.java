package org.lifecert.appeal.it;

import com.sun.net.httpserver.HttpExchange;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
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
    private static final Pattern THRESHOLD = Pattern.compile("\"threshold\"\\s*:\\s*(-?[0-9.]+)");
    private static final Pattern DAYS = Pattern.compile("\"days\"\\s*:\\s*\\[([^\\]]*)\\]");
    private StubServer server;

    @Override
    public Map<String, String> start() {
        server = new StubServer(Map.of("/console/api/match-threshold", this::threshold,
                "/api/v1/admin/bureaus/", this::offsets));
        String url = server.start();
        return Map.of("lifecert.services.face-match-service.url", url, "lifecert.services.notification-service.url", url);
    }

    @Override
    public void stop() {
        if (server != null) {
            server.down();
        }
    }

    private void threshold(HttpExchange x) throws IOException {
        String body = new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String auth = x.getRequestHeaders().getFirst("Authorization");
        SEEN.add(new Seen(x.getRequestMethod(), x.getRequestURI().getPath(), auth, body));
        String bureau = StubServer.bureauOf(auth);
        if (bureau == null) {
            StubServer.json(x, 401, "{\"status\":401}");
            return;
        }
        if ("PUT".equals(x.getRequestMethod())) {
            Matcher m = THRESHOLD.matcher(body);
            double t = m.find() ? Double.parseDouble(m.group(1)) : -1;
            if (t < 0.30 || t > 0.90) {
                StubServer.json(x, 400, "{\"status\":400,\"code\":\"VALIDATION_FAILED\",\"message\":\"比对阈值应在0.30到0.90之间\","
                        + "\"errors\":[{\"field\":\"threshold\",\"message\":\"比对阈值应在0.30到0.90之间\"}]}");
                return;
            }
            THRESHOLDS.put(bureau, t);
        }
        double t = THRESHOLDS.getOrDefault(bureau, 0.60);
        StubServer.json(x, 200, "{\"bureau\":\"" + bureau + "\",\"threshold\":" + t + ",\"falseAcceptRate\":" + far(t)
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
            StubServer.json(x, 404, "{\"status\":404}");
            return;
        }
        String bureau = p.group(1);
        if (!bureau.equals(StubServer.bureauOf(auth))) {
            StubServer.json(x, 404, "{\"status\":404}");
            return;
        }
        if ("PUT".equals(x.getRequestMethod())) {
            Matcher d = DAYS.matcher(body);
            OFFSETS.put(bureau, d.find() ? d.group(1).replace(" ", "") : "");
        }
        StubServer.json(x, 200, "{\"bureau\":\"" + bureau + "\",\"days\":[" + OFFSETS.getOrDefault(bureau, "14,7,1") + "],\"source\":\""
                + (OFFSETS.containsKey(bureau) ? "bureau" : "default") + "\"}");
    }

    private static double far(double t) {
        return t >= 0.90 ? 0.000001 : t >= 0.60 ? 0.0001 : 0.01;
    }
}
