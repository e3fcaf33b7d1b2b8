package org.lifecert.liveness;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.lifecert.testing.LifeCertTestResource;

/**
 * A second liveness-service instance for the load run: the packaged service ({@code target/quarkus-app}, built by
 * {@code package}/{@code verify}) as a separate JVM in the prod profile, on the test's Kafka broker and PostgreSQL
 * database, same consumer group. Its outbox relay is off: the test instance's relay publishes the shared outbox.
 */
final class SecondInstance implements AutoCloseable {

    private final Process process;
    private final Path log;

    private SecondInstance(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    static SecondInstance start(Path runDirectory) throws IOException, InterruptedException {
        Path jar = Path.of("target/quarkus-app/quarkus-run.jar").toAbsolutePath();
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " missing: run ./mvnw -B -o -pl liveness-service package -DskipTests");
        }
        LifeCertTestResource resource = new LifeCertTestResource();
        resource.init(Map.of("database", "liveness"));
        Properties properties = new Properties();
        resource.start().forEach((key, value) -> properties.setProperty("%prod." + key, value));
        properties.setProperty("%prod.quarkus.http.port", "0");
        properties.setProperty("%prod.quarkus.oidc.auth-server-url", "");
        properties.setProperty("%prod.lifecert.messaging.relay.enabled", "false");
        properties.setProperty("%prod.quarkus.log.console.json", "false");
        Files.createDirectories(runDirectory.resolve("config"));
        try (Writer writer = Files.newBufferedWriter(runDirectory.resolve("config/application.properties"))) {
            properties.store(writer, "second liveness-service instance of the load run");
        }
        Path log = runDirectory.resolve("instance.log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(List.of(java, "-Xmx768m", "-XX:+UseSerialGC", "-jar", jar.toString()))
                .directory(runDirectory.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(log.toFile())).start();
        SecondInstance instance = new SecondInstance(process, log);
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (!Files.readString(log).contains("started in")) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                instance.close();
                throw new IllegalStateException("second instance did not start; log " + log + ":\n" + Files.readString(log));
            }
            Thread.sleep(200);
        }
        return instance;
    }

    /** CPU time the second JVM has used so far. */
    Duration cpu() {
        return process.toHandle().info().totalCpuDuration().orElse(Duration.ZERO);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor();
        }
    }
}
