package org.lifecert.appeal.it;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;

/**
 * The real HTTP server (JDK, 127.0.0.1) behind each stand-in service of these tests: started on a free port, taken
 * down and brought back on the same port (a service that is away), answering as the services do; the bearer token's
 * claims read without checking the signature (the real services check it).
 */
final class StubServer {

    private static final Pattern BUREAU = Pattern.compile("\"bureau\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern REVIEWER = Pattern.compile("\"roles\"\\s*:\\s*\\[[^\\]]*\"reviewer\"");

    private final Map<String, HttpHandler> contexts;
    private HttpServer server;
    private int port;

    StubServer(Map<String, HttpHandler> contexts) {
        this.contexts = contexts;
    }

    /** Starts on a free port; the base URL. */
    synchronized String start() {
        up(0);
        return "http://127.0.0.1:" + port;
    }

    synchronized void down() {
        if (server != null) {
            server.stop(0);
            server = null;
        }
    }

    /** Back on the port it had. */
    synchronized void up() {
        up(port);
    }

    private void up(int onPort) {
        if (server != null) {
            return;
        }
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", onPort), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        contexts.forEach(server::createContext);
        server.start();
        port = server.getAddress().getPort();
    }

    /** The bureau claim of a bearer JWT; null without a bearer token. */
    static String bureauOf(String authorization) {
        String claims = claims(authorization);
        if (claims == null) {
            return null;
        }
        Matcher m = BUREAU.matcher(claims);
        return m.find() ? m.group(1) : null;
    }

    /** Whether the bearer JWT carries the role reviewer. */
    static boolean reviewer(String authorization) {
        String claims = claims(authorization);
        return claims != null && REVIEWER.matcher(claims).find();
    }

    private static String claims(String authorization) {
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            return null;
        }
        String[] parts = authorization.substring(7).split("\\.");
        return parts.length < 2 ? null : new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
    }

    static void json(HttpExchange x, int status, String json) throws IOException {
        send(x, status, "application/json", json.getBytes(StandardCharsets.UTF_8));
    }

    static void send(HttpExchange x, int status, String contentType, byte[] body) throws IOException {
        x.getResponseHeaders().set("Content-Type", contentType);
        x.sendResponseHeaders(status, body.length);
        try (OutputStream out = x.getResponseBody()) {
            out.write(body);
        }
    }

    /** Real JPEG bytes of a small image in one colour. */
    static byte[] jpeg(int rgb) {
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
}
