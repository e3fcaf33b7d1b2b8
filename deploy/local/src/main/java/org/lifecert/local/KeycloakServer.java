package org.lifecert.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.jboss.logging.Logger;

/**
 * Keycloak, the OIDC provider, from its own distribution (Maven Central, copied by the build into
 * deploy/local/target/keycloak). Unpacked into the data directory on first start, with the
 * {@code lifecert} realm imported (roles clerk, reviewer, admin; the {@code bureau} claim; demo
 * users). Its data survives restarts; {@code kc.sh} runs Java as a child process, which is stopped too.
 */
final class KeycloakServer implements AutoCloseable {

    static final String REALM = "lifecert";
    private static final Logger LOG = Logger.getLogger(KeycloakServer.class);

    private final StackSettings settings;
    private final StackSecrets secrets;
    private Process process;

    KeycloakServer(StackSettings settings, StackSecrets secrets) {
        this.settings = settings;
        this.secrets = secrets;
    }

    void start() {
        Path home = unpack();
        writeRealm(home);
        Path log = settings.dataDirectory().resolve("logs/keycloak.log");
        try {
            Files.createDirectories(log.getParent());
            ProcessBuilder builder = new ProcessBuilder(List.of(home.resolve("bin/kc.sh").toString(), "start-dev",
                    "--http-host=127.0.0.1", "--http-port=" + settings.keycloakPort(),
                    "--hostname=http://127.0.0.1:" + settings.keycloakPort(),
                    "--http-management-port=" + (settings.keycloakPort() + 1), "--import-realm"))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
            builder.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", secrets.get("keycloak.admin-password"));
            String javaHome = System.getenv("LIFECERT_KEYCLOAK_JAVA_HOME");
            builder.environment().put("JAVA_HOME", javaHome != null ? javaHome : System.getProperty("java.home"));
            process = builder.start();
            LOG.infof("Keycloak starting (log: %s)", log);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start Keycloak", e);
        }
    }

    boolean awaitReady(Duration timeout) {
        return Http.awaitOk(settings.oidcUrl() + "/.well-known/openid-configuration", timeout, () -> process.isAlive());
    }

    @Override
    public void close() {
        if (process != null) {
            Processes.stopTree(process, Duration.ofSeconds(20));
        }
    }

    private Path unpack() {
        Path zip = settings.projectRoot().resolve("deploy/local/target/keycloak/keycloak.zip");
        Path target = settings.dataDirectory().resolve("keycloak");
        try {
            if (Files.exists(target)) {
                try (var dirs = Files.list(target)) {
                    Path existing = dirs.filter(p -> Files.exists(p.resolve("bin/kc.sh"))).findFirst().orElse(null);
                    if (existing != null) {
                        return existing;
                    }
                }
            }
            if (!Files.exists(zip)) {
                throw new IllegalStateException("Keycloak distribution missing: " + zip
                        + " (build it with ./mvnw -pl deploy/local package, or start with --no-keycloak)");
            }
            LOG.info("unpacking Keycloak (first start only)");
            try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
                for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                    Path out = target.resolve(entry.getName()).normalize();
                    if (!out.startsWith(target)) {
                        throw new IOException("zip entry outside target: " + entry.getName());
                    }
                    if (entry.isDirectory()) {
                        Files.createDirectories(out);
                    } else {
                        Files.createDirectories(out.getParent());
                        Files.copy(in, out);
                    }
                }
            }
            try (var dirs = Files.list(target)) {
                Path home = dirs.filter(p -> Files.exists(p.resolve("bin/kc.sh"))).findFirst().orElseThrow();
                try (var scripts = Files.list(home.resolve("bin"))) {
                    scripts.filter(p -> p.toString().endsWith(".sh")).forEach(p -> p.toFile().setExecutable(true));
                }
                return home;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unpack Keycloak", e);
        }
    }

    private void writeRealm(Path home) {
        try (InputStream template = KeycloakServer.class.getResourceAsStream("/lifecert-realm.json")) {
            String realm = new String(template.readAllBytes(), StandardCharsets.UTF_8)
                    .replace("@CONSOLE_SECRET@", secrets.get("oidc.console-secret"))
                    .replace("@DEMO_PASSWORD@", secrets.get("demo.password"));
            Path file = home.resolve("data/import/lifecert-realm.json");
            Files.createDirectories(file.getParent());
            Files.writeString(file, realm);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the realm import", e);
        }
    }
}
