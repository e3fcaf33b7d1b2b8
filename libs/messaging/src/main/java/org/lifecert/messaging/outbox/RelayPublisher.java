package org.lifecert.messaging.outbox;

import io.debezium.engine.DebeziumEngine;
import io.debezium.engine.ChangeEvent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.connect.header.Header;
import org.apache.kafka.connect.source.SourceRecord;
import org.jboss.logging.Logger;
import org.lifecert.messaging.KafkaConnection;

/**
 * Sends each batch the engine routed to Kafka and confirms it to the engine only after the broker
 * acknowledged every record. While the broker is away the batch is retried, never dropped; the
 * replication slot therefore never moves past an event Kafka does not have.
 */
final class RelayPublisher implements DebeziumEngine.ChangeConsumer<ChangeEvent<SourceRecord, SourceRecord>>, AutoCloseable {

    private static final Logger LOG = Logger.getLogger(RelayPublisher.class);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);

    private final KafkaProducer<String, String> producer;
    private final AtomicBoolean running;
    private final Counter published;

    RelayPublisher(KafkaConnection kafka, AtomicBoolean running, MeterRegistry registry) {
        this.producer = new KafkaProducer<>(kafka.with(Map.of(
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true",
                ProducerConfig.LINGER_MS_CONFIG, "0",
                ProducerConfig.MAX_BLOCK_MS_CONFIG, "5000",
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "10000",
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000",
                ProducerConfig.MAX_REQUEST_SIZE_CONFIG, String.valueOf(16 * 1024 * 1024))),
                new StringSerializer(), new StringSerializer());
        this.running = running;
        this.published = Counter.builder("lifecert.outbox.published")
                .description("Outbox events the relay delivered to Kafka").register(registry);
    }

    @Override
    public void handleBatch(List<ChangeEvent<SourceRecord, SourceRecord>> records,
            DebeziumEngine.RecordCommitter<ChangeEvent<SourceRecord, SourceRecord>> committer) throws InterruptedException {
        List<ProducerRecord<String, String>> pending = new ArrayList<>();
        for (ChangeEvent<SourceRecord, SourceRecord> change : records) {
            ProducerRecord<String, String> record = toKafka(change.value());
            if (record != null) {
                pending.add(record);
            }
        }
        sendUntilAcknowledged(pending);
        for (ChangeEvent<SourceRecord, SourceRecord> change : records) {
            committer.markProcessed(change);
        }
        committer.markBatchFinished();
    }

    private void sendUntilAcknowledged(List<ProducerRecord<String, String>> records) throws InterruptedException {
        long backoff = 100;
        List<ProducerRecord<String, String>> remaining = records;
        while (!remaining.isEmpty()) {
            List<Future<RecordMetadata>> futures = new ArrayList<>();
            List<ProducerRecord<String, String>> failed = new ArrayList<>();
            for (ProducerRecord<String, String> record : remaining) {
                try {
                    futures.add(producer.send(record));
                } catch (RuntimeException e) {
                    futures.add(null);
                }
            }
            for (int i = 0; i < remaining.size(); i++) {
                try {
                    if (futures.get(i) == null) {
                        failed.add(remaining.get(i));
                    } else {
                        futures.get(i).get();
                        published.increment();
                    }
                } catch (java.util.concurrent.ExecutionException e) {
                    failed.add(remaining.get(i));
                }
            }
            if (!failed.isEmpty()) {
                if (!running.get()) {
                    throw new InterruptedException("relay stopping with " + failed.size() + " unsent events");
                }
                LOG.warnf("Kafka unavailable, %d outbox events wait; retrying in %d ms", failed.size(), backoff);
                Thread.sleep(backoff);
                backoff = Math.min(backoff * 2, MAX_BACKOFF.toMillis());
            }
            remaining = failed;
        }
    }

    private static ProducerRecord<String, String> toKafka(SourceRecord source) {
        if (source.value() == null || source.topic() == null) {
            return null;
        }
        ProducerRecord<String, String> record = new ProducerRecord<>(source.topic(),
                source.key() == null ? null : source.key().toString(), source.value().toString());
        for (Header header : source.headers()) {
            if (header.value() != null) {
                record.headers().add(header.key(), header.value().toString().getBytes(StandardCharsets.UTF_8));
            }
        }
        return record;
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
