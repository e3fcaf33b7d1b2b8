package org.lifecert.local;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Properties;

/**
 * The local stack's keys and demo passwords: generated on first start, kept (mode 600) in the data
 * directory, reused afterwards so that data sealed with them stays readable. Nothing in the repo.
 */
public final class StackSecrets {

    private final Properties values = new Properties();

    private StackSecrets() {
    }

    static StackSecrets loadOrCreate(Path dataDirectory) {
        Path file = dataDirectory.resolve("secrets.properties");
        StackSecrets secrets = new StackSecrets();
        try {
            if (Files.exists(file)) {
                try (Reader reader = Files.newBufferedReader(file)) {
                    secrets.values.load(reader);
                }
            }
            boolean changed = false;
            for (String key : new String[] {"pii.id-hash-key", "pii.template-key.local1", "gateway.token-key"}) {
                changed |= secrets.ensure(key, 32);
            }
            for (String key : new String[] {"oidc.console-secret", "keycloak.admin-password", "demo.password"}) {
                changed |= secrets.ensurePassword(key);
            }
            if (changed) {
                Files.createDirectories(dataDirectory);
                try (Writer writer = Files.newBufferedWriter(file)) {
                    secrets.values.store(writer, "LifeCert local stack secrets: generated, never commit");
                }
                try {
                    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException ignored) {
                    // not a POSIX file system
                }
            }
            return secrets;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or write " + file, e);
        }
    }

    public String get(String key) {
        return values.getProperty(key);
    }

    private boolean ensure(String key, int bytes) {
        if (values.containsKey(key)) {
            return false;
        }
        byte[] random = new byte[bytes];
        new SecureRandom().nextBytes(random);
        values.setProperty(key, Base64.getEncoder().encodeToString(random));
        return true;
    }

    private boolean ensurePassword(String key) {
        if (values.containsKey(key)) {
            return false;
        }
        String alphabet = "abcdefghjkmnpqrstuvwxyz23456789";
        SecureRandom random = new SecureRandom();
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            password.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        values.setProperty(key, password.toString());
        return true;
    }
}
