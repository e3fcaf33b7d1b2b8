package org.lifecert.appeal.it;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;

/**
 * A real HTTP server (JDK, random free port) standing in for capture-gateway's evidence API with its
 * contract: {@code GET /api/v1/sessions/{id}/evidence}, role reviewer of the session's bureau (403 for other
 * roles, 404 for another bureau's or an unknown session), {@code {sessionId, frames:[{stepIndex, action,
 * sequence, capturedAt, jpegBase64}]}} with real JPEG bytes. It records what it got; it can be taken down
 * and brought back on the same port, so a test sees the proxy answer for a gateway that is not there.
 */
public class StubGateway implements QuarkusTestResourceLifecycleManager {

    public static final List<StubServices.Seen> SEEN = new CopyOnWriteArrayList<>();
    private static final Map<UUID, String> SESSIONS = new ConcurrentHashMap<>();
    private static final Pattern PATH = Pattern.compile("^/api/v1/sessions/([0-9a-f-]{36})/evidence$");
    private static final Pattern REVIEWER = Pattern.compile("\"roles\"\\s*:\\s*\\[[^\\]]*\"reviewer\"");
    private static final String JPEG = tinyJpeg();
    private static final java.util.concurrent.atomic.AtomicBoolean REFUSE_NEXT = new java.util.concurrent.atomic.AtomicBoolean();
    private static volatile HttpServer server;
    private static volatile int port;

    /** A session the gateway keeps frames of, for reviewers of {@code bureau}. */
    public static void keep(UUID sessionId, String bureau) {
        SESSIONS.put(sessionId, bureau);
    }

    /** The next request is refused with the gateway's own 403 (as when it judges the token's roles differently). */
    public static void refuseNext() {
        REFUSE_NEXT.set(true);
    }

    public static String jpegBase64() {
        return JPEG;
    }

    @Override
    public Map<String, String> start() {
        up(0);
        return Map.of("lifecert.appeal.capture-gateway-url", "http://127.0.0.1:" + port);
    }

    @Override
    public void stop() {
        down();
    }

    public static synchronized void down() {
        if (server != null) {
            server.stop(0);
            server = null;
        }
    }

    public static synchronized void up() {
        up(port);
    }

    private static synchronized void up(int onPort) {
        if (server != null) {
            return;
        }
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", onPort), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/api/v1/sessions/", StubGateway::evidence);
        server.start();
        port = server.getAddress().getPort();
    }

    private static void evidence(HttpExchange x) throws IOException {
        String auth = x.getRequestHeaders().getFirst("Authorization");
        String path = x.getRequestURI().getPath();
        SEEN.add(new StubServices.Seen(x.getRequestMethod(), path, auth, ""));
        Matcher p = PATH.matcher(path);
        String bureau = StubServices.bureauOf(auth);
        if (bureau == null) {
            send(x, 401, "{\"status\":401}");
        } else if (REFUSE_NEXT.getAndSet(false) || !REVIEWER.matcher(payload(auth)).find()) {
            send(x, 403, "{\"status\":403,\"code\":\"FORBIDDEN\",\"message\":\"您没有权限进行此操作\"}");
        } else if (!p.find() || !bureau.equals(SESSIONS.get(UUID.fromString(p.group(1))))) {
            send(x, 404, "{\"status\":404,\"code\":\"NOT_FOUND\",\"message\":\"未找到相关信息\"}");
        } else {
            String id = p.group(1);
            send(x, 200, "{\"sessionId\":\"" + id + "\",\"frames\":["
                    + "{\"stepIndex\":0,\"action\":\"BLINK\",\"sequence\":12,\"capturedAt\":\"2026-11-20T02:00:01Z\",\"jpegBase64\":\"" + JPEG + "\"},"
                    + "{\"stepIndex\":1,\"action\":\"TURN_LEFT\",\"sequence\":40,\"capturedAt\":\"2026-11-20T02:00:04Z\",\"jpegBase64\":\"" + JPEG + "\"}]}");
        }
    }

    private static String payload(String authorization) {
        String[] parts = authorization.substring(7).split("\\.");
        return new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
    }

    private static String tinyJpeg() {
        try {
            BufferedImage image = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, "jpg", out);
            return Base64.getEncoder().encodeToString(out.toByteArray());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
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
