package org.lifecert.messaging.consumer;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jboss.logging.Logger;
import org.lifecert.events.Topics;
import org.lifecert.messaging.KafkaConnection;

/**
 * Parks a record that cannot be processed on {@code <topic>.dlq}, unchanged, with headers saying
 * why and where it came from. Synchronous: the consumer commits past the record only after this.
 */
@ApplicationScoped
public class DeadLetters {

    public static final String REASON = "lifecert.dlq.reason";
    public static final String DETAIL = "lifecert.dlq.detail";
    public static final String ORIGIN = "lifecert.dlq.origin";
    public static final String CONSUMER = "lifecert.dlq.consumer";

    private static final Logger LOG = Logger.getLogger(DeadLetters.class);

    private final KafkaProducer<String, byte[]> producer;
    private final MeterRegistry registry;

    public DeadLetters(KafkaConnection kafka, MeterRegistry registry) {
        this.registry = registry;
        this.producer = new KafkaProducer<>(kafka.with(Map.of(
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true",
                ProducerConfig.MAX_REQUEST_SIZE_CONFIG, String.valueOf(16 * 1024 * 1024))),
                new StringSerializer(), new ByteArraySerializer());
    }

    public void park(String consumer, ConsumerRecord<String, byte[]> record, String reason, String detail)
            throws InterruptedException {
        ProducerRecord<String, byte[]> parked = new ProducerRecord<>(Topics.dlq(record.topic()), record.key(), record.value());
        record.headers().forEach(h -> parked.headers().add(h));
        parked.headers().add(REASON, bytes(reason));
        parked.headers().add(DETAIL, bytes(detail == null ? "" : truncate(detail)));
        parked.headers().add(ORIGIN, bytes(record.topic() + "/" + record.partition() + "@" + record.offset()));
        parked.headers().add(CONSUMER, bytes(consumer));
        while (true) {
            try {
                producer.send(parked).get();
                break;
            } catch (ExecutionException e) {
                LOG.warnf("cannot park record %s/%d@%d yet: %s", record.topic(), record.partition(), record.offset(),
                        e.getCause());
                Thread.sleep(1000);
            }
        }
        registry.counter("lifecert.consumer.dead_lettered", "consumer", consumer, "topic", record.topic(),
                "reason", reason).increment();
        LOG.warnf("parked %s/%d@%d on %s: %s %s", record.topic(), record.partition(), record.offset(),
                Topics.dlq(record.topic()), reason, truncate(detail));
    }

    private static String truncate(String text) {
        return text == null || text.length() <= 2000 ? text : text.substring(0, 2000) + "...";
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @PreDestroy
    void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
