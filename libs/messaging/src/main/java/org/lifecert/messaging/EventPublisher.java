package org.lifecert.messaging;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.lifecert.events.Envelope;
import org.lifecert.events.EventCodec;

/**
 * Publishes events that announce no database state of the producer (frame batches, verdicts
 * computed from them) straight to Kafka: idempotent producer, all replicas acknowledge.
 * Events that announce a state change go through {@link org.lifecert.messaging.outbox.Outbox}.
 */
@ApplicationScoped
public class EventPublisher {

    private final KafkaProducer<String, byte[]> producer;
    private final EventCodec codec = EventCodec.shared();

    public EventPublisher(KafkaConnection kafka) {
        this.producer = new KafkaProducer<>(kafka.with(Map.of(
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true",
                ProducerConfig.LINGER_MS_CONFIG, "1",
                ProducerConfig.MAX_BLOCK_MS_CONFIG, "10000",
                // Kafka requires delivery.timeout >= linger + request.timeout.
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "10000",
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "30000",
                ProducerConfig.MAX_REQUEST_SIZE_CONFIG, String.valueOf(16 * 1024 * 1024))),
                new StringSerializer(), new ByteArraySerializer());
    }

    /** Completes when the broker acknowledged the event; fails if it could not be delivered. */
    public CompletableFuture<RecordMetadata> publish(Envelope<?> event) {
        CompletableFuture<RecordMetadata> result = new CompletableFuture<>();
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(event.topic(), event.partitionKey(),
                codec.encodeBytes(event));
        producer.send(record, (metadata, error) -> {
            if (error != null) {
                result.completeExceptionally(error);
            } else {
                result.complete(metadata);
            }
        });
        return result;
    }

    @PreDestroy
    void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
