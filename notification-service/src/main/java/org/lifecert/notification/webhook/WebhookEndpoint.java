package org.lifecert.notification.webhook;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A bureau's webhook: where to POST, the secret(s) that sign, whether it is on. */
public record WebhookEndpoint(String bureau, String url, String secret, String previousSecret,
        Instant previousValidUntil, boolean enabled, Instant updatedAt) {

    /** The secrets that sign now: the current one, plus the previous one during its grace period. */
    public List<String> signingSecrets(Instant now) {
        List<String> secrets = new ArrayList<>();
        secrets.add(secret);
        if (previousSecret != null && previousValidUntil != null && now.isBefore(previousValidUntil)) {
            secrets.add(previousSecret);
        }
        return secrets;
    }
}
