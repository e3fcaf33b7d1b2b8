package org.lifecert.liveness.frame;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 of a frame as it arrived (base64 text): identical frames in two sessions are a replay. */
public final class FrameHashes {

    private FrameHashes() {
    }

    public static String sha256(String jpegBase64) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(
                    (jpegBase64 == null ? "" : jpegBase64).getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
