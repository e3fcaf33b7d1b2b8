package org.lifecert.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.lifecert.events.CertificationDue;
import org.lifecert.events.Envelope;
import org.lifecert.events.Topics;
import org.lifecert.testing.LifeCertTestResource;
import org.lifecert.testing.TestInfrastructure;
import org.lifecert.testing.TopicReader;

/**
 * Not a test: how long an outbox event takes from its transaction's commit to a consumer of its topic, through the
 * embedded Debezium relay, with the transaction's {@code synchronous_commit} off (the zonky default) and on. One
 * change at a time, 0-150 ms apart (a quiet system: the latency a single verdict sees on its way). Run with
 * <pre>
 * ./mvnw -B -o -pl libs/messaging verify -Dtest=RelayLatencyMeasurement -Dmeasure=true \
 *     [-Dlifecert.messaging.relay.poll-interval-ms=100] [-Dmeasure.changes=80]
 * </pre>
 */
@QuarkusTest
@QuarkusTestResource(value = LifeCertTestResource.class, initArgs = @ResourceArg(name = "database", value = "messaging"))
@EnabledIfSystemProperty(named = "measure", matches = "true")
class RelayLatencyMeasurement {

    @Inject
    ProbeService service;

    @ConfigProperty(name = "lifecert.messaging.relay.poll-interval-ms")
    int pollInterval;

    @Test
    void commitToConsumerLatency() {
        int changes = Integer.getInteger("measure.changes", 80);
        // the topic exists (and the relay streams) once a first event has gone through
        Envelope<CertificationDue> first = OutboxTests.due();
        service.change("latency-first", first);
        TopicReader.onTestBroker().await(Topics.CERTIFICATION, TopicReader.valueContains(first.id().toString()), 1,
                Duration.ofSeconds(60));
        try (KafkaConsumer<String, byte[]> consumer = consumer()) {
            measure(consumer, "on", 10);
            for (String mode : List.of("off", "on", "off", "on")) {
                List<Long> latencies = measure(consumer, mode, changes / 2);
                Collections.sort(latencies);
                System.out.printf("RESULT synchronous_commit=%s poll-interval-ms=%d changes=%d commit->consumer ms: "
                        + "p50 %d, p95 %d, max %d%n", mode, pollInterval, latencies.size(),
                        latencies.get(latencies.size() / 2), latencies.get((int) Math.ceil(latencies.size() * 0.95) - 1),
                        latencies.get(latencies.size() - 1));
            }
        }
    }

    /** Commits {@code n} changes one at a time and waits for each event; the latencies in ms. */
    private List<Long> measure(KafkaConsumer<String, byte[]> consumer, String mode, int n) {
        List<Long> latencies = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            sleep(ThreadLocalRandom.current().nextLong(150));
            Envelope<CertificationDue> event = OutboxTests.due();
            service.changeCommitting(mode, "latency-" + mode, event);
            long committed = System.nanoTime();
            String id = event.id().toString();
            long deadline = committed + Duration.ofSeconds(30).toNanos();
            boolean seen = false;
            while (!seen && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(5))) {
                    seen |= new String(r.value(), java.nio.charset.StandardCharsets.UTF_8).contains(id);
                }
            }
            assertThat(seen).as("event %s arrived", id).isTrue();
            latencies.add((System.nanoTime() - committed) / 1_000_000);
        }
        return latencies;
    }

    private static KafkaConsumer<String, byte[]> consumer() {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.get().kafkaBootstrapServers());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "latency-" + UUID.randomUUID());
        p.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "5");
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(Topics.CERTIFICATION).stream()
                .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position); // seekToEnd is lazy: fix the start before any change is committed
        return consumer;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
