package org.lifecert.platform.pii;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Resident ID numbers are personal data: logs and events carry the masked form
 * ({@code 110***********1234}) and a keyed hash for look-ups, never the number itself.
 */
public final class IdNumbers {

    private final SecretKeySpec key;

    public IdNumbers(String base64Key) {
        this.key = new SecretKeySpec(Base64.getDecoder().decode(base64Key), "HmacSHA256");
    }

    /** Keeps the first three and last four characters. */
    public static String mask(String idNumber) {
        if (idNumber == null || idNumber.length() < 8) {
            return "***";
        }
        return idNumber.substring(0, 3) + "*".repeat(idNumber.length() - 7) + idNumber.substring(idNumber.length() - 4);
    }

    /** Hex HMAC-SHA256 of the upper-cased number: equal numbers, equal hashes; no way back. */
    public String hash(String idNumber) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(idNumber.trim().toUpperCase().getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 unavailable", e);
        }
    }
}
