package org.lifecert.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lifecert.events.CertificationDue;
import org.lifecert.events.Envelope;
import org.lifecert.events.EventCodec;
import org.lifecert.messaging.consumer.DeadLetters;
import org.lifecert.messaging.consumer.EventConsumers;
import org.lifecert.testing.LifeCertTestResource;
import org.lifecert.testing.TestInfrastructure;
import org.lifecert.testing.TopicReader;

@QuarkusTest
@QuarkusTestResource(value = LifeCertTestResource.class, initArgs = @ResourceArg(name = "database", value = "messaging"))
class ConsumerTests {

    private static final String TOPIC = "lifecert.certification.v1";

    @Inject
    EventConsumers consumers;

    @Inject
    ProbeService service;

    private static boolean started;

    @BeforeEach
    void startConsumer() {
        if (!started) {
            consumers.start("probe-consumer", List.of(TOPIC), 1, event -> {
                if (event.data() instanceof CertificationDue due && "poison-handler".equals(due.period())) {
                    throw new IllegalArgumentException("cannot apply period " + due.period());
                }
                service.apply(event.id(), "applied");
            });
            started = true;
        }
    }

    @Test
    void duplicateDeliveryIsAppliedOnce() {
        Envelope<CertificationDue> event = OutboxTests.due();
        byte[] bytes = EventCodec.shared().encodeBytes(event);
        send(event.subject(), bytes);
        send(event.subject(), bytes);
        Envelope<CertificationDue> after = OutboxTests.due();
        send(after.subject(), EventCodec.shared().encodeBytes(after));

        await().atMost(Duration.ofSeconds(30)).until(() -> service.appliedCount(after.id()) == 1);
        assertThat(service.appliedCount(event.id())).isEqualTo(1);
    }

    @Test
    void poisonRecordIsParkedWithItsReasonAndConsumptionGoesOn() {
        send("p1", "{not json".getBytes(StandardCharsets.UTF_8));
        Envelope<CertificationDue> next = OutboxTests.due();
        send(next.subject(), EventCodec.shared().encodeBytes(next));

        await().atMost(Duration.ofSeconds(30)).until(() -> service.appliedCount(next.id()) == 1);
        var parked = TopicReader.onTestBroker().await(TOPIC + ".dlq", r -> "p1".equals(r.key()), 1, Duration.ofSeconds(10));
        assertThat(parked).hasSize(1);
        assertThat(new String(parked.get(0).headers().lastHeader(DeadLetters.REASON).value(), StandardCharsets.UTF_8))
                .isEqualTo("MALFORMED_JSON");
    }

    @Test
    void eventWhoseHandlerKeepsFailingIsParkedAfterRetries() {
        java.util.UUID person = java.util.UUID.randomUUID();
        Envelope<CertificationDue> failing = Envelope.of("messaging-test", person.toString(), "demo-bureau",
                new CertificationDue(person, "poison-handler", java.time.LocalDate.of(2026, 1, 1),
                        java.time.LocalDate.of(2026, 12, 31)));
        send(person.toString(), EventCodec.shared().encodeBytes(failing));

        var parked = TopicReader.onTestBroker().await(TOPIC + ".dlq", r -> person.toString().equals(r.key()), 1,
                Duration.ofSeconds(30));
        assertThat(parked).hasSize(1);
        assertThat(new String(parked.get(0).headers().lastHeader(DeadLetters.DETAIL).value(), StandardCharsets.UTF_8))
                .contains("cannot apply period poison-handler");
        assertThat(service.appliedCount(failing.id())).isZero();
    }

    private static void send(String key, byte[] value) {
        try (var producer = new KafkaProducer<>(Map.<String, Object>of("bootstrap.servers",
                TestInfrastructure.get().kafkaBootstrapServers()), new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(TOPIC, key, value)).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
