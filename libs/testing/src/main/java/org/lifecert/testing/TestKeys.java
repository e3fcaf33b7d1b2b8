package org.lifecert.testing;

import java.security.SecureRandom;
import java.util.Base64;

/** Random personal-data keys for one test JVM (none live in the repository). */
public final class TestKeys {

    private TestKeys() {
    }

    /** A base64 256-bit key, the same for every caller of this JVM with the same name. */
    public static String key(String name) {
        String property = "lifecert.testing.key." + name;
        synchronized (System.getProperties()) {
            if (System.getProperty(property) == null) {
                byte[] key = new byte[32];
                new SecureRandom().nextBytes(key);
                System.setProperty(property, Base64.getEncoder().encodeToString(key));
            }
            return System.getProperty(property);
        }
    }
}
