package org.lifecert.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
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

    @Test
    void eventsPublishedTogetherAreStoredInOrderAndEachArrivesOnce() {
        // More than one multi-row insert's worth, so the chunking is exercised too.
        // One person: one key, one partition, so the topic shows the order they were stored in.
        UUID person = UUID.randomUUID();
        List<Envelope<CertificationDue>> events = new ArrayList<>();
        for (int i = 0; i < 1_203; i++) {
            events.add(Envelope.of("messaging-test", person.toString(), "demo-bureau",
                    new CertificationDue(person, "p" + i, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31))));
        }
        String batch = UUID.randomUUID().toString();
        service.changeAll("batch-" + batch, events);

        assertThat(service.outboxCount(events.stream().map(Envelope::id).toList())).isEqualTo(events.size());
        var records = topic.await(Topics.CERTIFICATION, r -> person.toString().equals(r.key()), events.size(),
                Duration.ofSeconds(60));
        assertThat(records.stream().map(r -> EventCodec.shared().decode(r.value()).id()).toList())
                .containsExactlyElementsOf(events.stream().map(Envelope::id).toList());
    }

    @Test
    void oneInvalidEventInABatchStoresNoneAndRollsTheChangeBack() {
        Envelope<CertificationDue> valid = due();
        UUID person = UUID.randomUUID();
        Envelope<CertificationDue> invalid = Envelope.of("messaging-test", person.toString(), "demo-bureau",
                new CertificationDue(person, "", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31)));
        String label = "invalid-" + UUID.randomUUID();

        assertThatThrownBy(() -> service.changeAll(label, List.of(valid, invalid)))
                .isInstanceOf(org.lifecert.events.InvalidEventException.class);

        assertThat(service.stateCount(label)).isZero();
        assertThat(service.outboxCount(List.of(valid.id(), invalid.id()))).isZero();
    }

    @Test
    void emptyBatchWritesNothing() {
        String label = "empty-" + UUID.randomUUID();
        service.changeAll(label, List.of());
        assertThat(service.stateCount(label)).isEqualTo(1);
    }

    @Test
    void publishingOutsideATransactionIsRefused() {
        assertThatThrownBy(() -> outbox.publishAll(List.of(due())))
                .isInstanceOf(jakarta.transaction.TransactionalException.class);
    }

    @Inject
    org.lifecert.messaging.outbox.Outbox outbox;

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
