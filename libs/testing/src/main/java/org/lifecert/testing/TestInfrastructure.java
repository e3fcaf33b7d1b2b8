package org.lifecert.testing;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * The real Kafka broker and PostgreSQL server shared by every test of one JVM.
 *
 * <p>They start on first use and stop when the JVM exits. Quarkus loads test classes in more than
 * one class loader, so the handle lives in the system properties as JDK types only
 * ({@link String}, {@link Runnable}, {@link Function}): every class loader sees the same servers.
 *
 * <p>Where a Docker engine answers (and {@code -Dlifecert.testing.docker=false} is not set),
 * the servers are containers started through Testcontainers; otherwise, and always on the
 * project's CI, they are started in this JVM from Maven Central artifacts.
 */
public final class TestInfrastructure {

    private static final Logger LOG = Logger.getLogger(TestInfrastructure.class);
    private static final String KEY = "lifecert.testing.infrastructure";

    private final Map<String, Object> handle;

    private TestInfrastructure(Map<String, Object> handle) {
        this.handle = handle;
    }

    @SuppressWarnings("unchecked")
    public static TestInfrastructure get() {
        synchronized (System.getProperties()) {
            Object existing = System.getProperties().get(KEY);
            if (existing instanceof Map<?, ?> map) {
                return new TestInfrastructure((Map<String, Object>) map);
            }
            Map<String, Object> handle = start();
            System.getProperties().put(KEY, handle);
            return new TestInfrastructure(handle);
        }
    }

    public String kafkaBootstrapServers() {
        return (String) handle.get("kafka.bootstrap");
    }

    public String postgresHost() {
        return (String) handle.get("pg.host");
    }

    public int postgresPort() {
        return (Integer) handle.get("pg.port");
    }

    public String postgresUser() {
        return (String) handle.get("pg.user");
    }

    public String postgresPassword() {
        return (String) handle.get("pg.password");
    }

    /** Creates the database when missing; returns its JDBC URL. */
    @SuppressWarnings("unchecked")
    public String database(String name) {
        return ((Function<String, String>) handle.get("pg.ensureDatabase")).apply(name);
    }

    /** True when the broker runs in this JVM and can be stopped and restarted by a test. */
    public boolean kafkaControllable() {
        return handle.containsKey("kafka.stop");
    }

    public void stopKafka() {
        ((Runnable) require("kafka.stop")).run();
    }

    public void startKafka() {
        ((Runnable) require("kafka.start")).run();
    }

    private Object require(String key) {
        Object value = handle.get(key);
        if (value == null) {
            throw new IllegalStateException("the broker is not controllable in this mode (" + key + ")");
        }
        return value;
    }

    private static Map<String, Object> start() {
        Map<String, Object> handle = new ConcurrentHashMap<>();
        long started = System.nanoTime();
        if (ContainerServers.dockerAvailable()) {
            LOG.info("Docker engine found: starting Kafka and PostgreSQL as containers");
            ContainerServers.start(handle);
        } else {
            PostgresServer postgres = PostgresServer.start(0, null);
            KafkaBroker kafka = KafkaBroker.startEphemeral();
            describe(handle, postgres);
            handle.put("kafka.bootstrap", kafka.bootstrapServers());
            handle.put("kafka.stop", (Runnable) kafka::stop);
            handle.put("kafka.start", (Runnable) () -> {
                if (!kafka.isRunning()) {
                    kafka.restart();
                }
            });
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                kafka.close();
                postgres.close();
            }, "lifecert-test-infrastructure-stop"));
        }
        LOG.infof("test infrastructure ready in %d ms: kafka %s, postgres %s:%s",
                (System.nanoTime() - started) / 1_000_000, handle.get("kafka.bootstrap"),
                handle.get("pg.host"), handle.get("pg.port"));
        return handle;
    }

    static void describe(Map<String, Object> handle, DatabaseServer postgres) {
        handle.put("pg.host", postgres.host());
        handle.put("pg.port", postgres.port());
        handle.put("pg.user", postgres.username());
        handle.put("pg.password", postgres.password());
        handle.put("pg.ensureDatabase", (Function<String, String>) postgres::ensureDatabase);
    }
}
