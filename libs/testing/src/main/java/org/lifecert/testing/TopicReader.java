package org.lifecert.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads a real topic from its beginning, for assertions on what services published.
 * Each call uses a fresh consumer group, so calls never steal records from each other.
 */
public final class TopicReader {

    private final String bootstrapServers;

    public TopicReader(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    public static TopicReader onTestBroker() {
        return new TopicReader(TestInfrastructure.get().kafkaBootstrapServers());
    }

    /** Records matching {@code filter}, waiting until at least {@code atLeast} arrived or {@code timeout} passed. */
    public List<ConsumerRecord<String, byte[]>> await(String topic, Predicate<ConsumerRecord<String, byte[]>> filter,
            int atLeast, Duration timeout) {
        return read(topic, filter, atLeast, timeout, Duration.ZERO);
    }

    /**
     * All matching records that arrive within {@code settle} after the last one seen (at least
     * {@code settle} in all): for asserting that something was NOT published, or published once.
     */
    public List<ConsumerRecord<String, byte[]>> settle(String topic, Predicate<ConsumerRecord<String, byte[]>> filter,
            Duration settle) {
        return read(topic, filter, Integer.MAX_VALUE, settle, settle);
    }

    public static Predicate<ConsumerRecord<String, byte[]>> valueContains(String text) {
        return r -> r.value() != null && new String(r.value(), java.nio.charset.StandardCharsets.UTF_8).contains(text);
    }

    private List<ConsumerRecord<String, byte[]>> read(String topic, Predicate<ConsumerRecord<String, byte[]>> filter,
            int atLeast, Duration timeout, Duration quietPeriod) {
        List<ConsumerRecord<String, byte[]>> matched = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                "bootstrap.servers", bootstrapServers,
                "group.id", "test-reader-" + UUID.randomUUID(),
                "auto.offset.reset", "earliest",
                "enable.auto.commit", "false"), new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + timeout.toNanos();
            while (matched.size() < atLeast && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(100))) {
                    if (filter.test(r)) {
                        matched.add(r);
                        if (!quietPeriod.isZero()) {
                            deadline = Math.max(deadline, System.nanoTime() + quietPeriod.toNanos());
                        }
                    }
                }
            }
        }
        return matched;
    }
}
