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
    private static final Pattern REVIEWER = Pattern.compile("\"roles\"\\s*:\\s*\\[[^\\]]*\"reviewer\"");
    private static volatile HttpServer server;
    private static volatile int port;

    /** A person of {@code bureau} with these reference photos (none: enrolled without a photo). */
    public static void person(UUID personId, String bureau, byte[]... photos) {
        BUREAUS.put(personId, bureau);
        PHOTOS.put(personId, List.of(photos));
    }

    /** Real JPEG bytes of a small image in one colour. */
    public static byte[] jpeg(int rgb) {
        try {
            BufferedImage image = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
            for (int x = 0; x < 8; x++) {
                for (int y = 0; y < 8; y++) {
                    image.setRGB(x, y, rgb);
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, "jpg", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public Map<String, String> start() {
        up(0);
        return Map.of("lifecert.services.enrollment-service.url", "http://127.0.0.1:" + port);
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
        server.createContext("/api/v1/persons/", StubEnrollment::photo);
        server.start();
        port = server.getAddress().getPort();
    }

    private static void photo(HttpExchange x) throws IOException {
        String auth = x.getRequestHeaders().getFirst("Authorization");
        String path = x.getRequestURI().getPath();
        String query = x.getRequestURI().getQuery() == null ? "" : x.getRequestURI().getQuery();
        SEEN.add(new StubServices.Seen(x.getRequestMethod(), path + "?" + query, auth, x.getRequestHeaders().getFirst("Accept")));
        Matcher p = PATH.matcher(path);
        Matcher i = INDEX.matcher(query);
        String bureau = StubServices.bureauOf(auth);
        if (bureau == null) {
            json(x, 401, "{\"status\":401}");
        } else if (!REVIEWER.matcher(payload(auth)).find()) {
            json(x, 403, "{\"status\":403,\"code\":\"FORBIDDEN\",\"message\":\"您没有权限进行此操作\"}");
        } else if (!p.find() || !bureau.equals(BUREAUS.get(UUID.fromString(p.group(1))))) {
            json(x, 404, "{\"status\":404,\"code\":\"NOT_FOUND\",\"message\":\"未找到相关信息\"}");
        } else {
            List<byte[]> photos = PHOTOS.get(UUID.fromString(p.group(1)));
            int index = i.find() ? Integer.parseInt(i.group(1)) : 0;
            if (index >= photos.size()) {
                json(x, 404, "{\"status\":404,\"code\":\"NO_REFERENCE_PHOTO\",\"message\":\"" + NO_PHOTO + "\"}");
                return;
            }
            byte[] bytes = photos.get(index);
            x.getResponseHeaders().set("Content-Type", "image/jpeg");
            x.getResponseHeaders().set("X-Photo-Count", String.valueOf(photos.size()));
            x.sendResponseHeaders(200, bytes.length);
            try (OutputStream out = x.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    private static String payload(String authorization) {
        String[] parts = authorization.substring(7).split("\\.");
        return new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
    }

    private static void json(HttpExchange x, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().set("Content-Type", "application/json");
        x.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = x.getResponseBody()) {
            out.write(bytes);
        }
    }
}
