package org.lifecert.appeal.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.lifecert.appeal.certification.Scenario;
import org.lifecert.events.AppealOpened;
import org.lifecert.events.AttemptFailed;
import org.lifecert.events.Envelope;
import org.lifecert.events.EventCodec;
import org.lifecert.events.EventData;
import org.lifecert.events.PersonCertified;
import org.lifecert.testing.LifeCertTestResource;

/**
 * The consumer's batched path (lifecert.messaging.consumer.batch-size): a burst of many people's
 * events, shuffled and with every verdict delivered twice, lands in large polls that are folded
 * one transaction per batch. Each person must end in the state, and with the published events, that
 * applying the events one by one gives.
 */
@QuarkusTest
@QuarkusTestResource(value = LifeCertTestResource.class, initArgs = @ResourceArg(name = "database", value = "appeal"))
class BatchedFoldTests {

    @Inject
    MeterRegistry registry;

    @Test
    void burstOfShuffledDuplicatedEventsFoldsInBatchesToTheOneByOneStates() {
        int persons = 90;
        List<Scenario> people = new ArrayList<>();
        List<Envelope<? extends EventData>> burst = new ArrayList<>();
        Instant base = Instant.now().minusSeconds(600);
        for (int i = 0; i < persons; i++) {
            Scenario s = new Scenario();
            people.add(s);
            burst.add(s.enrolled(base));
            burst.add(s.template(base.plusSeconds(1)));
            switch (i % 3) {
                case 0 -> burst.addAll(s.session(base.plusSeconds(10), UUID.randomUUID(), true, true));
                case 1 -> burst.addAll(s.session(base.plusSeconds(10), UUID.randomUUID(), true, false));
                default -> {
                    burst.addAll(s.session(base.plusSeconds(10), UUID.randomUUID(), false, true));
                    burst.addAll(s.session(base.plusSeconds(100), UUID.randomUUID(), true, false));
                }
            }
        }
        List<Envelope<? extends EventData>> delivered = new ArrayList<>(burst);
        burst.stream().filter(e -> !e.type().startsWith("Person") && !e.type().startsWith("Reference")
                && !e.type().startsWith("Session")).forEach(delivered::add);
        Collections.shuffle(delivered, new Random(7));
        var batchTimer = registry.find("lifecert.appeal.fold.batch").timer();
        long batchesBefore = batchTimer == null ? 0 : batchTimer.count();

        for (Envelope<? extends EventData> e : delivered) {
            Bus.producer().send(new ProducerRecord<>(e.topic(), e.partitionKey(), EventCodec.shared().encodeBytes(e)));
        }
        Bus.producer().flush();

        for (int i = 0; i < persons; i++) {
            Scenario s = people.get(i);
            switch (i % 3) {
                case 0 -> Bus.awaitState(s.person, "CERTIFIED");
                case 1 -> Bus.awaitState(s.person, "FAILED_ONCE");
                default -> Bus.awaitState(s.person, "APPEAL_UNDER_REVIEW");
            }
        }
        for (int i = 0; i < persons; i++) {
            Scenario s = people.get(i);
            switch (i % 3) {
                case 0 -> Bus.published(s.person, PersonCertified.TYPE, 1);
                case 1 -> Bus.published(s.person, AttemptFailed.TYPE, 1);
                default -> Bus.published(s.person, AppealOpened.TYPE, 1);
            }
        }
        Bus.settled(people.get(persons - 1).person, AppealOpened.TYPE); // nothing more arriving: counts are final
        for (int i = 0; i < persons; i++) {
            Scenario s = people.get(i);
            int certified = Bus.published(s.person, PersonCertified.TYPE, 0).size();
            int failed = Bus.published(s.person, AttemptFailed.TYPE, 0).size();
            int appeals = Bus.published(s.person, AppealOpened.TYPE, 0).size();
            assertThat(List.of(certified, failed, appeals)).as("person %d (kind %d): certified, failed, appeals", i, i % 3)
                    .isEqualTo(switch (i % 3) {
                        case 0 -> List.of(1, 0, 0);
                        case 1 -> List.of(0, 1, 0);
                        default -> List.of(0, 2, 1);
                    });
        }
        batchTimer = registry.find("lifecert.appeal.fold.batch").timer();
        assertThat(batchTimer).isNotNull();
        assertThat(batchTimer.count()).as("batches folded").isGreaterThan(batchesBefore);
    }
}
