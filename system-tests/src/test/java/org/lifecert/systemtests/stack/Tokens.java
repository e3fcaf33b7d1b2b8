package org.lifecert.systemtests.stack;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Staff tokens from the stack's Keycloak by the password grant of the console client (direct access
 * grants are enabled in the realm of deploy/local). Cached for 60 s; access tokens live 5 min.
 *
 * <p>One grant at a time per user: the realm keeps brute-force protection on, and Keycloak then refuses
 * concurrent logins of one user by default (the load generator's preparation threads all sign in as the
 * clerk; it saw "Invalid user credentials" for the right password, then user_temporarily_disabled).
 */
public final class Tokens {

    private record Cached(String token, long until) {
    }

    private static final Map<String, Cached> CACHE = new ConcurrentHashMap<>();
    private static final Map<String, Object> GRANTING = new ConcurrentHashMap<>();

    private Tokens() {
    }

    public static String accessToken(String user) {
        String token = cached(user);
        if (token != null) {
            return token;
        }
        synchronized (GRANTING.computeIfAbsent(user, u -> new Object())) {
            token = cached(user);
            return token != null ? token : grant(user);
        }
    }

    /** The user's cached token while it is fresh, else null. */
    private static String cached(String user) {
        Cached c = CACHE.get(user);
        return c != null && c.until > System.nanoTime() ? c.token : null;
    }

    private static String grant(String user) {
        SystemStack stack = SystemStack.get();
        String form = "grant_type=password&client_id=lifecert-console&client_secret=" + enc(stack.secret("oidc.console-secret"))
                + "&username=" + enc(user) + "&password=" + enc(stack.secret("demo.password"));
        Api.Response r = Api.at(stack.settings().oidcUrl()).postForm("/protocol/openid-connect/token", form).expect(200);
        String token = r.json().path("access_token").asText();
        CACHE.put(user, new Cached(token, System.nanoTime() + 60_000_000_000L));
        return token;
    }

    /** The claims of a JWT (no signature check: the services check it; tests only read claims). */
    public static JsonNode claims(String jwt) {
        String[] parts = jwt.split("\\.");
        try {
            return Api.JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String enc(String v) {
        return URLEncoder.encode(v, StandardCharsets.UTF_8);
    }
}
