package org.lifecert.local;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where things are and which ports they use; overridable by system properties for the curious. */
public record StackSettings(Path projectRoot, Path dataDirectory, int postgresPort, int kafkaPort,
        int kafkaControllerPort, int keycloakPort, boolean keycloak, int portOffset) {

    public static StackSettings fromEnvironment(String[] args) {
        Path root = locateProjectRoot();
        Path data = Path.of(System.getProperty("lifecert.local.data",
                System.getenv().getOrDefault("LIFECERT_LOCAL_DATA", root.resolve(".lifecert").toString())));
        boolean keycloak = true;
        for (String arg : args) {
            if (arg.equals("--no-keycloak")) {
                keycloak = false;
            }
        }
        return new StackSettings(root, data.toAbsolutePath(), Integer.getInteger("lifecert.local.postgres-port", 15432),
                Integer.getInteger("lifecert.local.kafka-port", 9092), Integer.getInteger("lifecert.local.kafka-controller-port", 9093),
                Integer.getInteger("lifecert.local.keycloak-port", 8180), keycloak, 0);
    }

    /** Settings for a throw-away stack (system tests): its own data directory, every port moved by {@code offset}. */
    public static StackSettings isolated(Path dataDirectory, int offset) {
        return new StackSettings(locateProjectRoot(), dataDirectory.toAbsolutePath(), 15432 + offset, 9092 + offset,
                9093 + offset, 8180 + offset, true, offset);
    }

    public ServiceSpec service(String name) {
        return ServiceSpec.named(name).shifted(portOffset);
    }

    public java.util.List<ServiceSpec> services() {
        return ServiceSpec.ALL.stream().map(s -> s.shifted(portOffset)).toList();
    }

    public String oidcUrl() {
        return "http://127.0.0.1:" + keycloakPort + "/realms/" + KeycloakServer.REALM;
    }

    /** The local mailbox's SMTP port (e-mail of notification-service when no SMTP server is configured). */
    public int mailboxSmtpPort() {
        return 8025 + portOffset;
    }

    /** The local mailbox's page and SMS endpoint. */
    public int mailboxHttpPort() {
        return 8026 + portOffset;
    }

    public String kafkaBootstrap() {
        return "127.0.0.1:" + kafkaPort;
    }

    Path serviceJar(ServiceSpec service) {
        return projectRoot.resolve(service.name()).resolve("target/quarkus-app/quarkus-run.jar");
    }

    static Path locateProjectRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            if (Files.exists(dir.resolve("mvnw")) && Files.exists(dir.resolve("deploy/local"))) {
                return dir;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("run the local stack from inside the LifeCert checkout (no mvnw found above "
                + Path.of("").toAbsolutePath() + ")");
    }
}
