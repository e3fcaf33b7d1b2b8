package org.lifecert.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;

/**
 * The thin Testcontainers path, for developers' machines with a Docker engine. The same images
 * and settings as the in-JVM servers (PostgreSQL 18 with logical WAL, Kafka 4.2 KRaft); nothing
 * else in the code base knows which path ran.
 */
final class ContainerServers {

    private ContainerServers() {
    }

    @SuppressWarnings("resource")
    static void start() {
        GenericContainer<?> postgres = new GenericContainer<>("postgres:18")
                .withEnv("POSTGRES_PASSWORD", PostgresServer.SUPERUSER)
                .withCommand("postgres", "-c", "wal_level=logical", "-c", "max_wal_senders=20",
                        "-c", "max_replication_slots=20", "-c", "max_connections=300")
                .withExposedPorts(5432)
                .waitingFor(Wait.forLogMessage(".*database system is ready to accept connections.*", 2));
        postgres.start();
        int fixedKafkaPort = FreePorts.pick();
        GenericContainer<?> kafka = new GenericContainer<>("apache/kafka:4.2.1")
                .withEnv("KAFKA_LISTENERS", "PLAINTEXT://:9092,CONTROLLER://:9093,HOST://:" + fixedKafkaPort)
                .withEnv("KAFKA_ADVERTISED_LISTENERS", "PLAINTEXT://localhost:9092,HOST://127.0.0.1:" + fixedKafkaPort)
                .withEnv("KAFKA_LISTENER_SECURITY_PROTOCOL_MAP", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT,HOST:PLAINTEXT")
                .withEnv("KAFKA_NUM_PARTITIONS", "3")
                .withCreateContainerCmdModifier(cmd -> cmd.getHostConfig().withPortBindings(
                        com.github.dockerjava.api.model.PortBinding.parse(fixedKafkaPort + ":" + fixedKafkaPort)))
                .waitingFor(Wait.forLogMessage(".*Kafka Server started.*", 1));
        kafka.start();
        DatabaseServer server = new DatabaseServer() {
            public String host() { return postgres.getHost(); }
            public int port() { return postgres.getMappedPort(5432); }
            public String username() { return PostgresServer.SUPERUSER; }
            public String password() { return PostgresServer.SUPERUSER; }
            public String ensureDatabase(String name) { return createDatabase(this, name); }
            public void close() { postgres.stop(); }
        };
        TestInfrastructure.publish(server, "127.0.0.1:" + fixedKafkaPort);
    }

    private static String createDatabase(DatabaseServer server, String name) {
        try (Connection c = DriverManager.getConnection(server.jdbcUrl("postgres"), server.username(), server.password());
                ResultSet rs = c.createStatement().executeQuery("select 1 from pg_database where datname = '" + name + "'")) {
            if (!rs.next()) {
                c.createStatement().execute("create database " + name);
            }
            return server.jdbcUrl(name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + name, e);
        }
    }
}
