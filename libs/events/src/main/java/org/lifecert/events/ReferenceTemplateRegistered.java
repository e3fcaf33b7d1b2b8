package org.lifecert.events;

import java.util.UUID;

/**
 * A reference face template was computed from the enrolled photos.
 *
 * @param keyId             id of the AES key the template is encrypted with
 * @param encryptedTemplate base64 of AES-GCM {@code iv || ciphertext}
 */
public record ReferenceTemplateRegistered(
        UUID personId,
        UUID templateId,
        String modelVersion,
        String keyId,
        String encryptedTemplate,
        int photoCount,
        double quality) implements EventData {

    public static final String TYPE = "ReferenceTemplateRegistered";
}
