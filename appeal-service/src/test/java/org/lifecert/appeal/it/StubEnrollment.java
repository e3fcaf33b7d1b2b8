package org.lifecert.appeal.it;

import com.sun.net.httpserver.HttpExchange;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real HTTP server (JDK, random free port) standing in for enrollment-service's reference-photo API with its
 * contract: {@code GET /api/v1/persons/{personId}/reference-photos/current?index=n}, role reviewer (403 otherwise),
 * the person's bureau only (404 NOT_FOUND for another bureau's or an unknown person), 404 NO_REFERENCE_PHOTO with
 * its message for a person without photos, else the JPEG bytes with {@code X-Photo-Count}. It records what it got
 * and can be taken down and brought back on the same port.
 */
public class StubEnrollment implements QuarkusTestResourceLifecycleManager {

    public static final List<StubServices.Seen> SEEN = new CopyOnWriteArrayList<>();
    static final String NO_PHOTO = "该人员暂无参考照片（尚未上传或已超过保存期限）";
    private static final Map<UUID, String> BUREAUS = new ConcurrentHashMap<>();
    private static final Map<UUID, List<byte[]>> PHOTOS = new ConcurrentHashMap<>();
    private static final Pattern PATH = Pattern.compile("^/api/v1/persons/([0-9a-f-]{36})/reference-photos/current$");
    private static final Pattern INDEX = Pattern.compile("(?:^|&)index=(\\d+)");
    private static final StubServer SERVER = new StubServer(Map.of("/api/v1/persons/", StubEnrollment::photo));

    /** A person of {@code bureau} with these reference photos (none: enrolled without a photo). */
    public static void person(UUID personId, String bureau, byte[]... photos) {
        BUREAUS.put(personId, bureau);
        PHOTOS.put(personId, List.of(photos));
    }

    /** Real JPEG bytes of a small image in one colour. */
    public static byte[] jpeg(int rgb) {
        return StubServer.jpeg(rgb);
    }

    @Override
    public Map<String, String> start() {
        return Map.of("lifecert.services.enrollment-service.url", SERVER.start());
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

    private static void photo(HttpExchange x) throws IOException {
        String auth = x.getRequestHeaders().getFirst("Authorization");
        String path = x.getRequestURI().getPath();
        String query = x.getRequestURI().getQuery() == null ? "" : x.getRequestURI().getQuery();
        SEEN.add(new StubServices.Seen(x.getRequestMethod(), path + "?" + query, auth, x.getRequestHeaders().getFirst("Accept")));
        Matcher p = PATH.matcher(path);
        Matcher i = INDEX.matcher(query);
        String bureau = StubServer.bureauOf(auth);
        if (bureau == null) {
            StubServer.json(x, 401, "{\"status\":401}");
        } else if (!StubServer.reviewer(auth)) {
            StubServer.json(x, 403, "{\"status\":403,\"code\":\"FORBIDDEN\",\"message\":\"您没有权限进行此操作\"}");
        } else if (!p.find() || !bureau.equals(BUREAUS.get(UUID.fromString(p.group(1))))) {
            StubServer.json(x, 404, "{\"status\":404,\"code\":\"NOT_FOUND\",\"message\":\"未找到相关信息\"}");
        } else {
            List<byte[]> photos = PHOTOS.get(UUID.fromString(p.group(1)));
            int index = i.find() ? Integer.parseInt(i.group(1)) : 0;
            if (index >= photos.size()) {
                StubServer.json(x, 404, "{\"status\":404,\"code\":\"NO_REFERENCE_PHOTO\",\"message\":\"" + NO_PHOTO + "\"}");
                return;
            }
            x.getResponseHeaders().set("X-Photo-Count", String.valueOf(photos.size()));
            StubServer.send(x, 200, "image/jpeg", photos.get(index));
        }
    }
}
