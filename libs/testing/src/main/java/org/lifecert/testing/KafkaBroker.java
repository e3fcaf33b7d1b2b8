package org.lifecert.testing;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.Feature;
import org.apache.kafka.server.common.MetadataVersion;
import org.jboss.logging.Logger;

/**
 * Apache Kafka's own broker in KRaft mode (combined broker and controller), running in this JVM.
 * It can be stopped and started again on the same ports and log directory, which is how tests
 * take the broker away in the middle of a flow.
 */
public final class KafkaBroker implements MessageBroker {

    private static final Logger LOG = Logger.getLogger(KafkaBroker.class);
    private static final int NODE_ID = 1;

    private final int brokerPort;
    private final int controllerPort;
    private final Path logDirectory;
    private final int defaultPartitions;
    /** Whether the log directory is a temporary one this class made: deleted on {@link #close()}. */
    private final boolean temporary;
    private KafkaRaftServer server;

    private KafkaBroker(int brokerPort, int controllerPort, Path logDirectory, int defaultPartitions, boolean temporary) {
        this.brokerPort = brokerPort;
        this.controllerPort = controllerPort;
        this.logDirectory = logDirectory;
        this.defaultPartitions = defaultPartitions;
        this.temporary = temporary;
    }

    /**
     * Formats {@code logDirectory} if it is new and starts the broker. Ports 0 pick free ones;
     * a null directory makes a temporary one, deleted when the broker is closed (test infrastructure closes it at
     * JVM exit; a load run writes gigabytes there).
     */
    public static KafkaBroker start(int brokerPort, int controllerPort, Path logDirectory, int defaultPartitions) {
        try {
            Path dir = logDirectory != null ? logDirectory : Files.createTempDirectory("lifecert-kafka-");
            Files.createDirectories(dir);
            KafkaBroker broker = new KafkaBroker(
                    brokerPort > 0 ? brokerPort : FreePorts.pick(),
                    controllerPort > 0 ? controllerPort : FreePorts.pick(),
                    dir, defaultPartitions, logDirectory == null);
            broker.format();
            broker.startServer();
            return broker;
        } catch (IOException e) {
            throw new UncheckedIOException("Kafka did not start: " + e.getMessage(), e);
        }
    }

    public static KafkaBroker startEphemeral() {
        return start(0, 0, null, 3);
    }

    @Override
    public String bootstrapServers() {
        return "127.0.0.1:" + brokerPort;
    }

    public synchronized boolean isRunning() {
        return server != null;
    }

    /** Stops the broker, keeping its data, so that {@link #restart()} brings the same broker back. */
    public synchronized void stop() {
        if (server != null) {
            server.shutdown();
            server.awaitShutdown();
            server = null;
            LOG.info("Kafka stopped");
        }
    }

    public synchronized void restart() {
        stop();
        startServer();
    }

    /** Stops the broker; a temporary log directory is deleted (the broker cannot come back). */
    @Override
    public void close() {
        stop();
        if (temporary) {
            deleteTree(logDirectory);
        }
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            LOG.warnf("could not delete Kafka's temporary directory %s: %s", dir, e.getMessage());
        }
    }

    private Map<String, Object> config() {
        Map<String, Object> props = new HashMap<>();
        props.put("process.roles", "broker,controller");
        props.put("node.id", String.valueOf(NODE_ID));
        props.put("controller.quorum.voters", NODE_ID + "@127.0.0.1:" + controllerPort);
        props.put("listeners", "PLAINTEXT://127.0.0.1:" + brokerPort + ",CONTROLLER://127.0.0.1:" + controllerPort);
        props.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + brokerPort);
        props.put("controller.listener.names", "CONTROLLER");
        props.put("inter.broker.listener.name", "PLAINTEXT");
        props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        props.put("log.dirs", logDirectory.toString());
        props.put("num.partitions", String.valueOf(defaultPartitions));
        props.put("auto.create.topics.enable", "true");
        props.put("offsets.topic.replication.factor", "1");
        props.put("offsets.topic.num.partitions", "5");
        props.put("transaction.state.log.replication.factor", "1");
        props.put("transaction.state.log.min.isr", "1");
        props.put("share.coordinator.state.topic.replication.factor", "1");
        props.put("share.coordinator.state.topic.min.isr", "1");
        props.put("group.initial.rebalance.delay.ms", "0");
        props.put("log.segment.bytes", String.valueOf(64 * 1024 * 1024));
        props.put("message.max.bytes", String.valueOf(16 * 1024 * 1024));
        props.put("replica.fetch.max.bytes", String.valueOf(16 * 1024 * 1024));
        return props;
    }

    private void format() {
        if (Files.exists(logDirectory.resolve("meta.properties"))) {
            return;
        }
        try {
            new Formatter()
                    .setPrintStream(new PrintStream(PrintStream.nullOutputStream()))
                    .setSupportedFeatures(Feature.PRODUCTION_FEATURES)
                    .setNodeId(NODE_ID)
                    .setClusterId(Uuid.randomUuid().toString())
                    .addDirectory(logDirectory.toString())
                    .setMetadataLogDirectory(logDirectory.toString())
                    .setReleaseVersion(MetadataVersion.latestProduction())
                    .setControllerListenerName("CONTROLLER")
                    .setIgnoreFormatted(true)
                    .run();
        } catch (Exception e) {
            throw new IllegalStateException("cannot format Kafka log directory " + logDirectory + ": " + e.getMessage(), e);
        }
    }

    private synchronized void startServer() {
        long started = System.nanoTime();
        server = new KafkaRaftServer(new KafkaConfig(config(), false), Time.SYSTEM);
        server.startup();
        LOG.infof("Kafka (KRaft) up on %s in %d ms", bootstrapServers(), (System.nanoTime() - started) / 1_000_000);
    }
}
