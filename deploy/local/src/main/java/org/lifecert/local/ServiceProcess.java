package org.lifecert.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * One service as a separate JVM, run from its Quarkus build ({@code target/quarkus-app}) in the
 * prod profile, configured through {@code config/application.properties} in its own run directory
 * (Quarkus reads that file; it keeps the keys out of the process list).
 */
final class ServiceProcess implements AutoCloseable {

    private final ServiceSpec spec;
    private final StackSettings settings;
    private final Map<String, String> config;
    private Process process;

    ServiceProcess(ServiceSpec spec, StackSettings settings, Map<String, String> config) {
        this.spec = spec;
        this.settings = settings;
        this.config = config;
    }

    ServiceSpec spec() {
        return spec;
    }

    void start() {
        Path jar = settings.serviceJar(spec);
        if (!Files.exists(jar)) {
            throw new IllegalStateException(spec.name() + " is not built (" + jar + " missing): run ./mvnw install -DskipTests");
        }
        Path runDirectory = settings.dataDirectory().resolve("run").resolve(spec.name());
        Path log = settings.dataDirectory().resolve("logs").resolve(spec.name() + ".log");
        try {
            Files.createDirectories(runDirectory.resolve("config"));
            Files.createDirectories(log.getParent());
            Path configFile = runDirectory.resolve("config/application.properties");
            Properties properties = new Properties();
            config.forEach((key, value) -> properties.setProperty("%prod." + key, value));
            try (Writer writer = Files.newBufferedWriter(configFile)) {
                properties.store(writer, "written by the LifeCert local stack at each start");
            }
            try {
                Files.setPosixFilePermissions(configFile, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ignored) {
                // not POSIX
            }
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            List<String> command = new java.util.ArrayList<>(List.of(java, "-Xmx" + heap(), "-XX:+UseSerialGC"));
            command.addAll(StackTuning.jvmOptions(spec.name(), log.getParent()));
            command.addAll(List.of("-jar", jar.toString()));
            process = new ProcessBuilder(command)
                    .directory(runDirectory.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + spec.name(), e);
        }
    }

    boolean awaitReady(Duration timeout) {
        return Http.awaitOk(spec.baseUrl() + "/q/health/ready", timeout, () -> process.isAlive());
    }

    boolean alive() {
        return process != null && process.isAlive();
    }

    /** kill -9 of the service's JVM (fault tests): no shutdown hooks, no graceful close. */
    void kill() {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
            try {
                process.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private String heap() {
        return StackTuning.heap(spec.name());
    }

    /** The service JVM's process id (load runs read its CPU time and threads); -1 when not running. */
    long pid() {
        return process != null && process.isAlive() ? process.pid() : -1;
    }

    @Override
    public void close() {
        if (process != null) {
            Processes.stopTree(process, Duration.ofSeconds(15));
        }
    }
}
