package org.lifecert.messaging.consumer;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jboss.logging.Logger;
import org.lifecert.events.Envelope;
import org.lifecert.events.EventCodec;
import org.lifecert.events.EventData;
import org.lifecert.events.InvalidEventException;
import org.lifecert.messaging.KafkaConnection;
import org.lifecert.messaging.MessagingConfig;
import org.lifecert.messaging.inbox.Inbox;

/**
 * One consumer-group member: decode, check the inbox, apply, all in one transaction; commit the
 * offset after the batch. Records that break the contract, or whose handler keeps failing, are
 * parked on the dead-letter topic and the loop goes on. An unreachable database is not the
 * record's fault: the loop waits for it instead of parking anything.
 */
final class ConsumerLoop implements Runnable {

    private static final Logger LOG = Logger.getLogger(ConsumerLoop.class);

    private final String group;
    private final List<String> topics;
    private final EventHandler handler;
    private final MessagingConfig config;
    private final KafkaConnection connection;
    private final Inbox inbox;
    private final DeadLetters deadLetters;
    private final MeterRegistry registry;
    private final EventCodec codec = EventCodec.shared();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicBoolean alive = new AtomicBoolean(true);
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile KafkaConsumer<String, byte[]> consumer;

    ConsumerLoop(String group, List<String> topics, EventHandler handler, MessagingConfig config,
            KafkaConnection connection, Inbox inbox, DeadLetters deadLetters, MeterRegistry registry) {
        this.connection = connection;
        this.group = group;
        this.topics = topics;
        this.handler = handler;
        this.config = config;
        this.inbox = inbox;
        this.deadLetters = deadLetters;
        this.registry = registry;
    }

    @Override
    public void run() {
        try (KafkaConsumer<String, byte[]> kafka = new KafkaConsumer<>(connection.with(Map.of(
                ConsumerConfig.GROUP_ID_CONFIG, group,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, String.valueOf(config.consumer().maxPollRecords()),
                ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, String.valueOf(16 * 1024 * 1024))),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer = kafka;
            kafka.subscribe(topics);
            while (running.get()) {
                var records = kafka.poll(Duration.ofMillis(250));
                for (ConsumerRecord<String, byte[]> record : records) {
                    if (!running.get()) {
                        return; // uncommitted: the next owner of the partition processes it
                    }
                    process(record);
                }
                if (!records.isEmpty()) {
                    kafka.commitSync();
                }
            }
        } catch (WakeupException e) {
            // stop() called
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.errorf(e, "consumer %s stopped on an unexpected error", group);
            alive.set(false);
        } finally {
            stopped.countDown();
        }
    }

    private void process(ConsumerRecord<String, byte[]> record) throws InterruptedException {
        Envelope<? extends EventData> event;
        try {
            event = codec.decode(record.value() == null ? new byte[0] : record.value());
        } catch (InvalidEventException e) {
            deadLetters.park(group, record, e.reason().name(), e.getMessage());
            return;
        }
        int failures = 0;
        while (running.get()) {
            try {
                boolean applied = QuarkusTransaction.requiringNew().call(() -> {
                    if (!inbox.firstDelivery(group, event.id())) {
                        return false;
                    }
                    handler.handle(event);
                    return true;
                });
                registry.counter("lifecert.consumer.events", "consumer", group, "type", event.type(),
                        "outcome", applied ? "applied" : "duplicate").increment();
                return;
            } catch (Exception e) {
                if (databaseUnreachable(e)) {
                    LOG.warnf("consumer %s: database unreachable, retrying %s: %s", group, event.id(), e.getMessage());
                    Thread.sleep(1000);
                    continue;
                }
                failures++;
                if (failures >= config.consumer().maxAttempts()) {
                    deadLetters.park(group, record, "PROCESSING_FAILED", describe(e));
                    return;
                }
                Thread.sleep(config.consumer().retryBackoff().toMillis() * failures);
            }
        }
    }

    static boolean databaseUnreachable(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof SQLTransientConnectionException || t instanceof ConnectException
                    || t.getClass().getName().endsWith("JDBCConnectionException")) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    private static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == e ? e.toString() : e + " / cause: " + root;
    }

    boolean alive() {
        return alive.get();
    }

    void stop() {
        running.set(false);
        KafkaConsumer<String, byte[]> current = consumer;
        if (current != null) {
            current.wakeup();
        }
    }

    void awaitStopped() {
        try {
            stopped.await(15, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
