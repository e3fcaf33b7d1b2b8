package org.lifecert.testing;

import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.jboss.logging.Logger;

/**
 * The real Kafka broker and PostgreSQL server shared by every test of one JVM.
 *
 * <p>They start on first use and stop when the JVM exits. Quarkus loads test classes in more than
 * one class loader, so what every loader must see lives where every loader looks: the addresses in
 * system properties (strings only), the broker's stop/start switch as a platform MBean.
 *
 * <p>Where a Docker engine answers (and {@code -Dlifecert.testing.docker=false} is not set), the
 * servers are containers started through Testcontainers; otherwise, and always on the project's
 * CI, they are started in this JVM from Maven Central artifacts.
 */
public final class TestInfrastructure {

    private static final Logger LOG = Logger.getLogger(TestInfrastructure.class);
    private static final String PREFIX = "lifecert.testing.";
    private static final String MBEAN = "org.lifecert.testing:type=KafkaSwitch";

    private TestInfrastructure() {
    }

    public static TestInfrastructure get() {
        synchronized (System.getProperties()) {
            if (System.getProperty(PREFIX + "kafka.bootstrap") == null) {
                start();
            }
        }
        return new TestInfrastructure();
    }

    public String kafkaBootstrapServers() {
        return System.getProperty(PREFIX + "kafka.bootstrap");
    }

    public String postgresHost() {
        return System.getProperty(PREFIX + "pg.host");
    }

    public int postgresPort() {
        return Integer.parseInt(System.getProperty(PREFIX + "pg.port"));
    }

    public String postgresUser() {
        return System.getProperty(PREFIX + "pg.user");
    }

    public String postgresPassword() {
        return System.getProperty(PREFIX + "pg.password");
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + postgresHost() + ":" + postgresPort() + "/" + database;
    }

    /** Creates the database when missing; returns its JDBC URL. */
    public String database(String name) {
        if (!name.matches("[a-z][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("database name must be a lower-case identifier: " + name);
        }
        synchronized (TestInfrastructure.class) {
            try (Connection c = DriverManager.getConnection(jdbcUrl("postgres"), postgresUser(), postgresPassword());
                    Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("select 1 from pg_database where datname = '" + name + "'")) {
                if (!rs.next()) {
                    s.execute("create database " + name);
                }
            } catch (SQLException e) {
                throw new IllegalStateException("cannot create database " + name + ": " + e.getMessage(), e);
            }
        }
        return jdbcUrl(name);
    }

    /** True when the broker runs in this JVM and a test can stop and restart it. */
    public boolean kafkaControllable() {
        return ManagementFactory.getPlatformMBeanServer().isRegistered(name());
    }

    public void stopKafka() {
        invoke("stop");
    }

    public void startKafka() {
        invoke("start");
    }

    private static void invoke(String operation) {
        try {
            ManagementFactory.getPlatformMBeanServer().invoke(name(), operation, new Object[0], new String[0]);
        } catch (JMException e) {
            throw new IllegalStateException("the broker is not controllable here: " + e.getMessage(), e);
        }
    }

    private static ObjectName name() {
        try {
            return new ObjectName(MBEAN);
        } catch (JMException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void start() {
        long started = System.nanoTime();
        if (DockerProbe.available()) {
            LOG.info("Docker engine found: starting Kafka and PostgreSQL as containers");
            ContainerServers.start();
        } else {
            PostgresServer postgres = PostgresServer.start(0, null);
            KafkaBroker kafka = KafkaBroker.startEphemeral();
            publish(postgres, kafka.bootstrapServers());
            registerSwitch(kafka);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                kafka.close();
                postgres.close();
            }, "lifecert-test-infrastructure-stop"));
        }
        LOG.infof("test infrastructure ready in %d ms: kafka %s, postgres %s:%s",
                (System.nanoTime() - started) / 1_000_000, System.getProperty(PREFIX + "kafka.bootstrap"),
                System.getProperty(PREFIX + "pg.host"), System.getProperty(PREFIX + "pg.port"));
    }

    static void publish(DatabaseServer postgres, String kafkaBootstrap) {
        System.setProperty(PREFIX + "pg.host", postgres.host());
        System.setProperty(PREFIX + "pg.port", String.valueOf(postgres.port()));
        System.setProperty(PREFIX + "pg.user", postgres.username());
        System.setProperty(PREFIX + "pg.password", postgres.password());
        System.setProperty(PREFIX + "kafka.bootstrap", kafkaBootstrap);
    }

    private static void registerSwitch(KafkaBroker kafka) {
        try {
            MBeanServer server = ManagementFactory.getPlatformMBeanServer();
            server.registerMBean(new KafkaSwitch(kafka), name());
        } catch (JMException e) {
            throw new IllegalStateException("cannot register the broker switch", e);
        }
    }

    /** Standard MBean interface: stop and start the in-JVM broker. */
    public interface KafkaSwitchMBean {
        void stop();

        void start();
    }

    static final class KafkaSwitch implements KafkaSwitchMBean {
        private final KafkaBroker kafka;

        KafkaSwitch(KafkaBroker kafka) {
            this.kafka = kafka;
        }

        @Override
        public void stop() {
            kafka.stop();
        }

        @Override
        public void start() {
            if (!kafka.isRunning()) {
                kafka.restart();
            }
        }
    }
}
