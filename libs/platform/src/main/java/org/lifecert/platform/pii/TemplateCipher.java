package org.lifecert.platform.pii;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals face templates with AES-256-GCM. The key id travels with each sealed template, so keys can
 * rotate: new templates use the current key, older ones open with the key they were sealed with.
 * The key id is bound as associated data, so a template cannot be relabelled to another key.
 */
public final class TemplateCipher {

    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecureRandom random = new SecureRandom();
    private final String currentKeyId;
    private final Map<String, SecretKey> keys = new HashMap<>();

    public TemplateCipher(String currentKeyId, Map<String, String> base64Keys) {
        base64Keys.forEach((id, key) -> {
            byte[] raw = Base64.getDecoder().decode(key);
            if (raw.length != 32) {
                throw new IllegalArgumentException("template key " + id + " must be 32 bytes (AES-256), is " + raw.length);
            }
            keys.put(id, new SecretKeySpec(raw, "AES"));
        });
        if (!keys.containsKey(currentKeyId)) {
            throw new IllegalArgumentException("current template key id " + currentKeyId + " has no key");
        }
        this.currentKeyId = currentKeyId;
    }

    /** A sealed template: the key id and base64 of iv || ciphertext+tag. */
    public record Sealed(String keyId, String base64) {

        /** The stored text form, {@code keyId:base64} (base64 has no colon). */
        public String text() {
            return keyId + ":" + base64;
        }

        /** Reads {@link #text()}; throws IllegalArgumentException for text without a key id. */
        public static Sealed parse(String text) {
            int colon = text.indexOf(':');
            if (colon < 0) {
                throw new IllegalArgumentException("not a sealed value (keyId:base64)");
            }
            return new Sealed(text.substring(0, colon), text.substring(colon + 1));
        }
    }

    public Sealed seal(byte[] plain) {
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, keys.get(currentKeyId), new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(currentKeyId.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plain);
            return new Sealed(currentKeyId, Base64.getEncoder().encodeToString(
                    ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot seal template", e);
        }
    }

    /** Opens a sealed template; throws if the key is unknown or the data was altered. */
    public byte[] open(Sealed sealed) {
        SecretKey key = keys.get(sealed.keyId());
        if (key == null) {
            throw new IllegalArgumentException("unknown template key id " + sealed.keyId());
        }
        byte[] all = Base64.getDecoder().decode(sealed.base64());
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, all, 0, IV_BYTES));
            cipher.updateAAD(sealed.keyId().getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(all, IV_BYTES, all.length - IV_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("template cannot be opened (altered or wrong key)", e);
        }
    }

    public String currentKeyId() {
        return currentKeyId;
    }
}
