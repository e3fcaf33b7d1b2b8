package org.lifecert.messaging.outbox;

import io.debezium.embedded.Connect;
import io.debezium.engine.DebeziumEngine;
import io.debezium.engine.ChangeEvent;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.connect.source.SourceRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.lifecert.messaging.KafkaConnection;
import org.lifecert.messaging.MessagingConfig;

/**
 * Publishes the outbox with Debezium's embedded engine (the local default and tests): PostgreSQL's
 * logical replication, the pgoutput plugin and Debezium's outbox EventRouter, exactly as Debezium
 * on Kafka Connect does in Kubernetes. A supervisor restarts the engine after it stops on an error
 * (database restart); positions live in the replication slot, so a restart resumes where the last
 * confirmed batch ended and at worst republishes events the consumers' inboxes already know.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    private final MessagingConfig config;
    private final String jdbcUrl;
    private final String username;
    private final String password;
    private final MeterRegistry registry;
    private final KafkaConnection kafka;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean streaming = new AtomicBoolean();
    private ExecutorService supervisor;
    private volatile DebeziumEngine<ChangeEvent<SourceRecord, SourceRecord>> engine;
    private volatile RelayPublisher publisher;

    public OutboxRelay(MessagingConfig config,
            @ConfigProperty(name = "quarkus.datasource.jdbc.url") String jdbcUrl,
            @ConfigProperty(name = "quarkus.datasource.username") String username,
            @ConfigProperty(name = "quarkus.datasource.password", defaultValue = "") String password,
            MeterRegistry registry, KafkaConnection kafka) {
        this.kafka = kafka;
        this.config = config;
        this.jdbcUrl = jdbcUrl;
        this.username = username;
        this.password = password;
        this.registry = registry;
    }

    void onStart(@Observes StartupEvent event) {
        if (!config.relay().enabled()) {
            LOG.info("outbox relay disabled here (Debezium on Kafka Connect publishes the outbox)");
            return;
        }
        running.set(true);
        supervisor = Executors.newSingleThreadExecutor(r -> new Thread(r, "outbox-relay"));
        supervisor.submit(this::superviseEngine);
    }

    void onStop(@Observes ShutdownEvent event) {
        running.set(false);
        closeEngine();
        if (supervisor != null) {
            supervisor.shutdownNow();
            try {
                supervisor.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (publisher != null) {
            publisher.close();
        }
    }

    public boolean enabled() {
        return config.relay().enabled();
    }

    /** True while the engine streams changes. */
    public boolean streaming() {
        return streaming.get();
    }

    private void superviseEngine() {
        publisher = new RelayPublisher(kafka, running, registry);
        while (running.get()) {
            try {
                engine = DebeziumEngine.create(Connect.class)
                        .using(engineProperties())
                        .notifying(publisher)
                        .using(new DebeziumEngine.ConnectorCallback() {
                            @Override
                            public void taskStarted() {
                                streaming.set(true);
                                LOG.info("outbox relay streaming");
                            }

                            @Override
                            public void taskStopped() {
                                streaming.set(false);
                            }
                        })
                        .using((success, message, error) -> {
                            streaming.set(false);
                            if (!success && running.get()) {
                                LOG.warnf("outbox relay stopped: %s", message);
                            }
                        })
                        .build();
                engine.run();
            } catch (RuntimeException e) {
                LOG.warn("outbox relay failed", e);
            } finally {
                streaming.set(false);
                closeEngine();
            }
            sleep(config.relay().restartDelay().toMillis());
        }
    }

    Properties engineProperties() {
        URI uri = URI.create(jdbcUrl.substring("jdbc:".length()));
        String database = uri.getPath().substring(1);
        Properties p = new Properties();
        p.setProperty("name", "outbox-" + database);
        p.setProperty("connector.class", "io.debezium.connector.postgresql.PostgresConnector");
        p.setProperty("offset.storage", "org.apache.kafka.connect.storage.MemoryOffsetBackingStore");
        p.setProperty("offset.flush.interval.ms", "500");
        p.setProperty("database.hostname", uri.getHost());
        p.setProperty("database.port", String.valueOf(uri.getPort() > 0 ? uri.getPort() : 5432));
        p.setProperty("database.user", username);
        p.setProperty("database.password", password);
        p.setProperty("database.dbname", database);
        p.setProperty("topic.prefix", "lifecert-outbox-" + database);
        p.setProperty("plugin.name", "pgoutput");
        p.setProperty("slot.name", config.relay().slotName().orElse("lifecert_outbox_" + database));
        p.setProperty("publication.name", "lifecert_outbox");
        p.setProperty("publication.autocreate.mode", "disabled");
        p.setProperty("table.include.list", "public.outbox_event");
        // Streaming starts at the slot's confirmed position: the outbox has no history to snapshot.
        p.setProperty("snapshot.mode", "no_data");
        p.setProperty("poll.interval.ms", String.valueOf(config.relay().pollIntervalMs()));
        p.setProperty("errors.max.retries", "0");
        p.setProperty("transforms", "outbox");
        p.setProperty("transforms.outbox.type", "io.debezium.transforms.outbox.EventRouter");
        p.setProperty("transforms.outbox.route.by.field", "aggregatetype");
        p.setProperty("transforms.outbox.route.topic.replacement", "${routedByValue}");
        p.setProperty("transforms.outbox.table.field.event.key", "aggregateid");
        p.setProperty("transforms.outbox.table.fields.additional.placement", "type:header:eventType");
        return p;
    }

    private void closeEngine() {
        DebeziumEngine<?> current = engine;
        engine = null;
        if (current != null) {
            try {
                current.close();
            } catch (Exception e) {
                LOG.debug("closing the engine", e);
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
