package org.lifecert.gateway.login;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;
import java.util.Base64;
import org.lifecert.gateway.config.GatewayConfig;

/** Builds {@link SessionTokens} from the configured key, and refuses to start without one. */
@ApplicationScoped
public class TokenSigning {

    static final String PROPERTY = "lifecert.gateway.token.signing-key";

    @Produces
    @ApplicationScoped
    SessionTokens sessionTokens(GatewayConfig config) {
        return fromKey(config.token().signingKey(), config.token().ttl());
    }

    /** The token signer for {@code configuredKey}; a clear startup error when it is missing or weak. */
    public static SessionTokens fromKey(java.util.Optional<String> configuredKey, java.time.Duration ttl) {
        String key = configuredKey.filter(k -> !k.isBlank()).orElseThrow(() -> new IllegalStateException(
                PROPERTY + " is not set: recipient session tokens cannot be signed. Set LIFECERT_GATEWAY_TOKEN_SIGNING_KEY "
                        + "to a base64 key of at least 32 random bytes (e.g. `openssl rand -base64 32`); the local stack "
                        + "generates one, Kubernetes mounts it from a Secret."));
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(key.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(PROPERTY + " is not valid base64", e);
        }
        if (bytes.length < 32) {
            throw new IllegalStateException(PROPERTY + " must decode to at least 32 bytes, got " + bytes.length);
        }
        return new SessionTokens(bytes, ttl, Clock.systemUTC());
    }

    /** Fail at startup, not at the first login. */
    void check(@Observes StartupEvent event, SessionTokens tokens) {
        tokens.getClass();
    }
}
