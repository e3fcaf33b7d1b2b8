package org.lifecert.messaging.consumer;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
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
 * One consumer-group member: decode, check the inbox, apply, all in one transaction (per record, or
 * per chunk of {@code batch-size} records of a poll); commit the offset after the poll. Records that break the contract, or whose handler keeps failing, are
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
    private final int batchSize;
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
        this.batchSize = config.consumer().batchSizeOf(group);
    }

    @Override
    public void run() {
        try (KafkaConsumer<String, byte[]> kafka = new KafkaConsumer<>(connection.with(Map.of(
                ConsumerConfig.GROUP_ID_CONFIG, group,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, String.valueOf(Math.max(batchSize, config.consumer().maxPollRecords())),
                ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, String.valueOf(16 * 1024 * 1024))),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer = kafka;
            kafka.subscribe(topics);
            while (running.get()) {
                List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
                kafka.poll(Duration.ofMillis(250)).forEach(records::add);
                for (int from = 0; from < records.size(); from += batchSize) {
                    if (!running.get()) {
                        return; // uncommitted: the next owner of the partition processes it
                    }
                    List<ConsumerRecord<String, byte[]>> chunk = records.subList(from, Math.min(records.size(), from + batchSize));
                    if (chunk.size() == 1) {
                        process(chunk.get(0));
                    } else {
                        processBatch(chunk);
                    }
                }
                if (!running.get()) {
                    return; // stopped while waiting for the database: the last record may not be applied
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
        Envelope<? extends EventData> event = decodeOrPark(record);
        if (event != null) {
            process(record, event);
        }
    }

    /** The record's event, or null after parking a record that breaks the contract. */
    private Envelope<? extends EventData> decodeOrPark(ConsumerRecord<String, byte[]> record) throws InterruptedException {
        try {
            return codec.decode(record.value() == null ? new byte[0] : record.value());
        } catch (InvalidEventException e) {
            deadLetters.park(group, record, e.reason().name(), e.getMessage());
            return null;
        }
    }

    /** One record, one transaction: retried, then parked; waits while the database is unreachable. */
    private void process(ConsumerRecord<String, byte[]> record, Envelope<? extends EventData> event)
            throws InterruptedException {
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
                count(event, applied);
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

    /**
     * Several records, one transaction: one inbox insert for all, then the handler for each first
     * delivery in poll order. Any failure other than an unreachable database rolls the whole batch
     * back and applies its records one by one ({@link #process(ConsumerRecord, Envelope)}), so a
     * failing record is still isolated, retried and parked, and the others are applied once.
     */
    private void processBatch(List<ConsumerRecord<String, byte[]>> chunk) throws InterruptedException {
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>(chunk.size());
        List<Envelope<? extends EventData>> events = new ArrayList<>(chunk.size());
        for (ConsumerRecord<String, byte[]> record : chunk) {
            Envelope<? extends EventData> event = decodeOrPark(record);
            if (event != null) {
                records.add(record);
                events.add(event);
            }
        }
        if (events.isEmpty()) {
            return;
        }
        while (running.get()) {
            try {
                Set<Envelope<? extends EventData>> applied = QuarkusTransaction.requiringNew().call(() -> applyAll(events));
                events.forEach(event -> count(event, applied.contains(event)));
                registry.counter("lifecert.consumer.batches", "consumer", group, "outcome", "committed").increment();
                return;
            } catch (Exception e) {
                if (databaseUnreachable(e)) {
                    LOG.warnf("consumer %s: database unreachable, retrying a batch of %d: %s", group, events.size(),
                            e.getMessage());
                    Thread.sleep(1000);
                    continue;
                }
                registry.counter("lifecert.consumer.batches", "consumer", group, "outcome", "rolled_back").increment();
                LOG.infof("consumer %s: batch of %d rolled back (%s); applying its records one by one", group,
                        events.size(), describe(e));
                for (int i = 0; i < events.size() && running.get(); i++) {
                    process(records.get(i), events.get(i));
                }
                return;
            }
        }
    }

    /** Inside the batch's transaction; returns the events applied (the others were duplicates). */
    private Set<Envelope<? extends EventData>> applyAll(List<Envelope<? extends EventData>> events) throws Exception {
        Set<UUID> first = inbox.firstDeliveries(group, events.stream().map(Envelope::id).toList());
        List<Envelope<? extends EventData>> toApply = new ArrayList<>(first.size());
        for (Envelope<? extends EventData> event : events) {
            if (first.remove(event.id())) { // an id twice in one batch is applied at its first place
                toApply.add(event);
            }
        }
        if (handler instanceof BatchEventHandler batchHandler) {
            batchHandler.handleAll(toApply);
        } else {
            for (Envelope<? extends EventData> event : toApply) {
                handler.handle(event);
            }
        }
        Set<Envelope<? extends EventData>> applied = Collections.newSetFromMap(new IdentityHashMap<>());
        applied.addAll(toApply);
        return applied;
    }

    private void count(Envelope<? extends EventData> event, boolean applied) {
        registry.counter("lifecert.consumer.events", "consumer", group, "type", event.type(),
                "outcome", applied ? "applied" : "duplicate").increment();
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
