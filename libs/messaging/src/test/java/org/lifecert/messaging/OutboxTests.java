package org.lifecert.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;
import org.lifecert.events.CertificationDue;
import org.lifecert.events.Envelope;
import org.lifecert.events.EventCodec;
import org.lifecert.events.Topics;
import org.lifecert.testing.LifeCertTestResource;
import org.lifecert.testing.TestInfrastructure;
import org.lifecert.testing.TopicReader;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = LifeCertTestResource.class, initArgs = @ResourceArg(name = "database", value = "messaging"))
class OutboxTests {

    @Inject
    ProbeService service;

    private final TopicReader topic = TopicReader.onTestBroker();

    @Test
    void committedChangePublishesItsEvent() {
        Envelope<CertificationDue> event = due();
        service.change("committed", event);

        var records = topic.await(Topics.CERTIFICATION, TopicReader.valueContains(event.id().toString()), 1,
                Duration.ofSeconds(30));

        assertThat(records).hasSize(1);
        assertThat(records.get(0).key()).isEqualTo(event.subject());
        assertThat(EventCodec.shared().decode(records.get(0).value())).isEqualTo(event);
    }

    @Test
    void rolledBackChangePublishesNothing() {
        Envelope<CertificationDue> refused = due();
        assertThatThrownBy(() -> service.changeThenFail("refused", refused)).isInstanceOf(IllegalStateException.class);
        // A later committed event arriving proves the relay is past the refused one.
        Envelope<CertificationDue> marker = due();
        service.change("marker", marker);
        topic.await(Topics.CERTIFICATION, TopicReader.valueContains(marker.id().toString()), 1, Duration.ofSeconds(30));

        assertThat(topic.settle(Topics.CERTIFICATION, TopicReader.valueContains(refused.id().toString()),
                Duration.ofSeconds(1))).isEmpty();
        assertThat(service.stateCount("refused")).isZero();
    }

    @Test
    void eventCommittedWhileBrokerIsDownArrivesOnceAfterItReturns() {
        TestInfrastructure infra = TestInfrastructure.get();
        org.junit.jupiter.api.Assumptions.assumeTrue(infra.kafkaControllable(), "broker runs outside this JVM");
        Envelope<CertificationDue> event = due();
        infra.stopKafka();
        try {
            service.change("while-down", event);
            assertThat(service.stateCount("while-down")).isEqualTo(1);
        } finally {
            infra.startKafka();
        }

        var records = topic.await(Topics.CERTIFICATION, TopicReader.valueContains(event.id().toString()), 1,
                Duration.ofSeconds(60));
        assertThat(records).hasSize(1);
        assertThat(topic.settle(Topics.CERTIFICATION, TopicReader.valueContains(event.id().toString()),
                Duration.ofSeconds(2))).hasSize(1);
    }

    @Inject
    EventPublisher publisher;

    @Test
    void directlyPublishedEventIsAcknowledgedAndOnItsTopic() throws Exception {
        Envelope<CertificationDue> event = due();
        publisher.publish(event).get(30, java.util.concurrent.TimeUnit.SECONDS);

        var records = topic.await(Topics.CERTIFICATION, TopicReader.valueContains(event.id().toString()), 1,
                Duration.ofSeconds(30));
        assertThat(records).hasSize(1);
        assertThat(records.get(0).key()).isEqualTo(event.partitionKey());
    }

    static Envelope<CertificationDue> due() {
        UUID person = UUID.randomUUID();
        return Envelope.of("messaging-test", person.toString(), "demo-bureau",
                new CertificationDue(person, "2026", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31)));
    }
}
