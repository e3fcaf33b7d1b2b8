package org.lifecert.gateway.session;

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
import org.lifecert.events.FrameBatchCaptured;
import org.lifecert.gateway.config.GatewayConfig;
import org.lifecert.messaging.KafkaConnection;

/**
 * Direct publisher of frame batches (no database state to announce, so no outbox): idempotent
 * producer, all replicas acknowledge. Unlike libs/messaging's EventPublisher it is bounded by the
 * gateway's upload timeout, so a batch the broker does not take in time is refused to the page
 * (which retries the same batch id) instead of holding the request. Same contract: the shared
 * codec's JSON and validation ({@link FrameBatchEncoder}), the envelope's topic and partition key,
 * the service's Kafka connection settings.
 */
@ApplicationScoped
public class FramePublisher {

    private final KafkaProducer<String, byte[]> producer;
    private final FrameBatchEncoder encoder = new FrameBatchEncoder();

    public FramePublisher(KafkaConnection kafka, GatewayConfig config) {
        long timeout = Math.max(2000, config.upload().publishTimeout().toMillis());
        this.producer = new KafkaProducer<>(kafka.with(Map.of(
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true",
                // JPEG is already compressed: compressing it again is CPU for nothing. Each request waits for
                // its own acknowledgement, so lingering only adds latency.
                ProducerConfig.COMPRESSION_TYPE_CONFIG, "none",
                ProducerConfig.LINGER_MS_CONFIG, "0",
                ProducerConfig.MAX_BLOCK_MS_CONFIG, String.valueOf(timeout),
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, String.valueOf(timeout),
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, String.valueOf(timeout + 1000),
                ProducerConfig.MAX_REQUEST_SIZE_CONFIG, String.valueOf(16 * 1024 * 1024))),
                new StringSerializer(), new ByteArraySerializer());
    }

    /**
     * Completes when the broker acknowledged the event; fails if it could not be delivered. Each frame's
     * text must have passed {@code java.util.Base64}'s strict decoder (as {@link CaptureSessions} does).
     */
    public CompletableFuture<RecordMetadata> publish(Envelope<FrameBatchCaptured> event) {
        CompletableFuture<RecordMetadata> result = new CompletableFuture<>();
        producer.send(new ProducerRecord<>(event.topic(), event.partitionKey(), encoder.encodeDecoded(event)),
                (metadata, error) -> {
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
