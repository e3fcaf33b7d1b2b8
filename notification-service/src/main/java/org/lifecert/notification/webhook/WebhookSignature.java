package org.lifecert.notification.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The webhook signature, documented in the README so bureaus can verify it:
 * <pre>
 *   X-LifeCert-Timestamp: &lt;unix seconds&gt;
 *   X-LifeCert-Signature: v1=&lt;hex HMAC-SHA256(secret, timestamp + "." + raw body)&gt;[,v1=&lt;previous secret&gt;]
 * </pre>
 * A receiver recomputes the HMAC over the exact bytes received, compares in constant time with any
 * {@code v1=} entry, and rejects timestamps outside its replay window (5 minutes suggested); the
 * {@code X-LifeCert-Delivery} id lets it drop a delivery it has already accepted.
 */
public final class WebhookSignature {

    public static final String TIMESTAMP_HEADER = "X-LifeCert-Timestamp";
    public static final String SIGNATURE_HEADER = "X-LifeCert-Signature";
    public static final String DELIVERY_HEADER = "X-LifeCert-Delivery";
    public static final String EVENT_TYPE_HEADER = "X-LifeCert-Event-Type";
    public static final String VERSION = "v1";

    private WebhookSignature() {
    }

    /** {@code v1=<hex>} for each secret, comma separated (current secret first). */
    public static String header(long timestamp, byte[] body, List<String> secrets) {
        StringBuilder header = new StringBuilder();
        for (String secret : secrets) {
            if (header.length() > 0) {
                header.append(',');
            }
            header.append(VERSION).append('=').append(HexFormat.of().formatHex(hmac(secret, timestamp, body)));
        }
        return header.toString();
    }

    /** What a receiver does: timestamp within {@code window} of {@code now} and one v1 entry matches. */
    public static boolean verify(String secret, String timestampHeader, String signatureHeader, byte[] body,
            Instant now, Duration window) {
        if (secret == null || timestampHeader == null || signatureHeader == null) {
            return false;
        }
        long timestamp;
        try {
            timestamp = Long.parseLong(timestampHeader.trim());
        } catch (NumberFormatException e) {
            return false;
        }
        if (Math.abs(now.getEpochSecond() - timestamp) > window.toSeconds()) {
            return false;
        }
        byte[] expected = hmac(secret, timestamp, body);
        for (String part : signatureHeader.split(",")) {
            String entry = part.trim();
            if (entry.startsWith(VERSION + "=")) {
                try {
                    byte[] given = HexFormat.of().parseHex(entry.substring(VERSION.length() + 1));
                    if (MessageDigest.isEqual(expected, given)) {
                        return true;
                    }
                } catch (IllegalArgumentException ignored) {
                    // not hex: try the next entry
                }
            }
        }
        return false;
    }

    static byte[] hmac(String secret, long timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
