package org.lifecert.platform.pii;

import io.smallrye.config.ConfigMapping;
import java.util.Map;
import java.util.Optional;

/**
 * Keys that protect personal data. None are in the repository: tests generate them, the local
 * stack generates them on first start, Kubernetes mounts them from Secrets.
 */
@ConfigMapping(prefix = "lifecert.pii")
public interface PiiConfig {

    /** Base64 key of the HMAC that turns an ID number into the lookup hash carried by events. */
    Optional<String> idHashKey();

    /** Id of the key new templates are sealed with. */
    Optional<String> templateKeyId();

    /** Every template key still needed to open older templates, base64 (32 bytes, AES-256), by id. */
    Map<String, String> templateKeys();
}
