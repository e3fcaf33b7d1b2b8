package org.lifecert.gateway.login;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Short-lived recipient session tokens: {@code base64url(payload).base64url(HMAC-SHA256(payload))}.
 * The payload names the logged-in person (who acts, also in proxy mode), the bureau and the expiry.
 * Not an OIDC token: recipients have no account at the identity provider, they log in with their ID
 * number and a captcha as the seed describes.
 */
public final class SessionTokens {

    private static final String VERSION = "v1";
    private final SecretKeySpec key;
    private final Duration ttl;
    private final Clock clock;

    public SessionTokens(byte[] key, Duration ttl, Clock clock) {
        if (key.length < 32) {
            throw new IllegalArgumentException("the session-token signing key must be at least 32 bytes");
        }
        this.key = new SecretKeySpec(key, "HmacSHA256");
        this.ttl = ttl;
        this.clock = clock;
    }

    public record Claims(UUID personId, String bureau, Instant expiresAt) {
    }

    public String issue(UUID personId, String bureau) {
        Instant expires = clock.instant().plus(ttl);
        String payload = String.join("|", VERSION, personId.toString(), bureau, Long.toString(expires.getEpochSecond()),
                UUID.randomUUID().toString());
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        byte[] bytes = payload.getBytes(StandardCharsets.UTF_8);
        return b64.encodeToString(bytes) + "." + b64.encodeToString(sign(bytes));
    }

    /** The claims of a well-signed, unexpired token; empty otherwise. */
    public Optional<Claims> verify(String token) {
        if (token == null) {
            return Optional.empty();
        }
        int dot = token.indexOf('.');
        if (dot <= 0 || dot != token.lastIndexOf('.')) {
            return Optional.empty();
        }
        try {
            Base64.Decoder b64 = Base64.getUrlDecoder();
            byte[] payload = b64.decode(token.substring(0, dot));
            byte[] signature = b64.decode(token.substring(dot + 1));
            if (!MessageDigest.isEqual(signature, sign(payload))) {
                return Optional.empty();
            }
            String[] parts = new String(payload, StandardCharsets.UTF_8).split("\\|");
            if (parts.length != 5 || !VERSION.equals(parts[0])) {
                return Optional.empty();
            }
            Instant expires = Instant.ofEpochSecond(Long.parseLong(parts[3]));
            if (!clock.instant().isBefore(expires)) {
                return Optional.empty();
            }
            return Optional.of(new Claims(UUID.fromString(parts[1]), parts[2], expires));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private byte[] sign(byte[] payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(payload);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 unavailable", e);
        }
    }
}
