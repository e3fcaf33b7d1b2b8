package org.lifecert.appeal.it;

import com.sun.net.httpserver.HttpExchange;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
    private static final String JPEG = Base64.getEncoder().encodeToString(StubServer.jpeg(0));
    private static final java.util.concurrent.atomic.AtomicBoolean REFUSE_NEXT = new java.util.concurrent.atomic.AtomicBoolean();
    private static final StubServer SERVER = new StubServer(Map.of("/api/v1/sessions/", StubGateway::evidence));

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
        return Map.of("lifecert.appeal.capture-gateway-url", SERVER.start());
    }

    @Override
    public void stop() {
        SERVER.down();
    }

    public static void down() {
        SERVER.down();
    }

    public static void up() {
        SERVER.up();
    }

    private static void evidence(HttpExchange x) throws IOException {
        String auth = x.getRequestHeaders().getFirst("Authorization");
        String path = x.getRequestURI().getPath();
        SEEN.add(new StubServices.Seen(x.getRequestMethod(), path, auth, ""));
        Matcher p = PATH.matcher(path);
        String bureau = StubServer.bureauOf(auth);
        if (bureau == null) {
            StubServer.json(x, 401, "{\"status\":401}");
        } else if (REFUSE_NEXT.getAndSet(false) || !StubServer.reviewer(auth)) {
            StubServer.json(x, 403, "{\"status\":403,\"code\":\"FORBIDDEN\",\"message\":\"您没有权限进行此操作\"}");
        } else if (!p.find() || !bureau.equals(SESSIONS.get(UUID.fromString(p.group(1))))) {
            StubServer.json(x, 404, "{\"status\":404,\"code\":\"NOT_FOUND\",\"message\":\"未找到相关信息\"}");
        } else {
            String id = p.group(1);
            StubServer.json(x, 200, "{\"sessionId\":\"" + id + "\",\"frames\":["
                    + "{\"stepIndex\":0,\"action\":\"BLINK\",\"sequence\":12,\"capturedAt\":\"2026-11-20T02:00:01Z\",\"jpegBase64\":\"" + JPEG + "\"},"
                    + "{\"stepIndex\":1,\"action\":\"TURN_LEFT\",\"sequence\":40,\"capturedAt\":\"2026-11-20T02:00:04Z\",\"jpegBase64\":\"" + JPEG + "\"}]}");
        }
    }
}
