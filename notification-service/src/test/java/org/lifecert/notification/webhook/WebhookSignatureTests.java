package org.lifecert.notification.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class WebhookSignatureTests {

    private static final byte[] BODY = "{\"type\":\"PersonCertified\"}".getBytes(StandardCharsets.UTF_8);
    private static final Instant NOW = Instant.parse("2026-03-01T08:00:00Z");
    private static final Duration WINDOW = Duration.ofMinutes(5);

    @Test
    void signatureIsHmacSha256OfTimestampDotBodyInHex() {
        // the README's worked example: printf '1772352000.%s' "$body" | openssl dgst -sha256 -hmac whsec_test
        // computed independently with openssl (see README)
        assertThat(WebhookSignature.header(1772352000L, BODY, List.of("whsec_test")))
                .isEqualTo("v1=20a513e111663816c255522651d3ec91d78df66b28bea7bb3fb3bdf9fbb9c915");
    }

    @Test
    void receiverAcceptsWithinTheWindowAndRejectsReplaysTamperingAndWrongSecrets() {
        long ts = NOW.getEpochSecond();
        String header = WebhookSignature.header(ts, BODY, List.of("s1"));
        assertThat(WebhookSignature.verify("s1", Long.toString(ts), header, BODY, NOW.plusSeconds(299), WINDOW)).isTrue();
        assertThat(WebhookSignature.verify("s1", Long.toString(ts), header, BODY, NOW.plusSeconds(301), WINDOW)).isFalse();
        assertThat(WebhookSignature.verify("s1", Long.toString(ts + 1), header, BODY, NOW, WINDOW)).isFalse();
        assertThat(WebhookSignature.verify("s2", Long.toString(ts), header, BODY, NOW, WINDOW)).isFalse();
        assertThat(WebhookSignature.verify("s1", Long.toString(ts), header, "{}".getBytes(StandardCharsets.UTF_8), NOW,
                WINDOW)).isFalse();
        assertThat(WebhookSignature.verify("s1", "yesterday", header, BODY, NOW, WINDOW)).isFalse();
    }

    @Test
    void duringRotationEitherSecretVerifies() {
        long ts = NOW.getEpochSecond();
        String header = WebhookSignature.header(ts, BODY, List.of("new", "old"));
        assertThat(header.split(",")).hasSize(2);
        assertThat(WebhookSignature.verify("new", Long.toString(ts), header, BODY, NOW, WINDOW)).isTrue();
        assertThat(WebhookSignature.verify("old", Long.toString(ts), header, BODY, NOW, WINDOW)).isTrue();
    }
}
