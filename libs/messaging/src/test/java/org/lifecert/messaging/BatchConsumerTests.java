package org.lifecert.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lifecert.events.CertificationDue;
import org.lifecert.events.Envelope;
import org.lifecert.events.EventCodec;
import org.lifecert.events.EventData;
import org.lifecert.events.Topics;
import org.lifecert.messaging.consumer.BatchEventHandler;
import org.lifecert.messaging.consumer.DeadLetters;
import org.lifecert.messaging.consumer.EventConsumers;
import org.lifecert.testing.LifeCertTestResource;
import org.lifecert.testing.TopicReader;

/**
 * The batched consumer path (group {@code probe-batch}, batch-size 50 in the test configuration):
 * records produced together arrive in one poll and are applied in one transaction.
 */
@QuarkusTest
@QuarkusTestResource(value = LifeCertTestResource.class, initArgs = @ResourceArg(name = "database", value = "messaging"))
class BatchConsumerTests {

    /** A topic no other test consumes, so only this group parks its records. */
    private static final String TOPIC = Topics.CAPTURE_SESSIONS;
    private static final String GROUP = "probe-batch";

    @Inject
    EventConsumers consumers;

    @Inject
    ProbeService service;

    @Inject
    EntityManager em;

    /** Sizes of the lists handed to handleAll: proves the batch path ran. */
    private static final List<Integer> BATCHES = new java.util.concurrent.CopyOnWriteArrayList<>();
    /** How often the handler ran per event id (applied or rolled back). */
    private static final Map<UUID, Integer> CALLS = new ConcurrentHashMap<>();
    /** Event ids whose handler kills its own database connection once. */
    private static final Set<UUID> DROP_CONNECTION_ONCE = ConcurrentHashMap.newKeySet();
    private static boolean started;

    @BeforeEach
    void startConsumer() {
        if (started) {
            return;
        }
        consumers.start(GROUP, List.of(TOPIC), 1, new BatchEventHandler() {
            @Override
            public void handleAll(List<Envelope<? extends EventData>> events) throws Exception {
                BATCHES.add(events.size());
                BatchEventHandler.super.handleAll(events);
            }

            @Override
            public void handle(Envelope<? extends EventData> event) {
                CALLS.merge(event.id(), 1, Integer::sum);
                service.apply(event.id(), "batch");
                if (event.data() instanceof CertificationDue due && "poison-handler".equals(due.period())) {
                    throw new IllegalArgumentException("cannot apply period " + due.period());
                }
                if (DROP_CONNECTION_ONCE.remove(event.id())) {
                    em.createNativeQuery("select pg_terminate_backend(pg_backend_pid())").getResultList();
                }
            }
        });
        started = true;
    }

    @Test
    void batchWithAPoisonRecordAppliesTheOthersOnceAndParksThePoison() {
        String poisonKey = "poison-" + UUID.randomUUID();
        List<Envelope<CertificationDue>> good = dues(20);
        List<byte[]> values = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < good.size(); i++) {
            if (i == 7) {
                keys.add(poisonKey);
                values.add("{not json".getBytes(StandardCharsets.UTF_8));
            }
            keys.add(good.get(i).subject());
            values.add(encode(good.get(i)));
        }
        int batchesBefore = BATCHES.size();
        sendTogether(keys, values);

        await().atMost(Duration.ofSeconds(30)).until(() -> good.stream().allMatch(e -> service.appliedCount(e.id()) == 1));
        var parked = TopicReader.onTestBroker().await(Topics.dlq(TOPIC), r -> poisonKey.equals(r.key()), 1,
                Duration.ofSeconds(10));
        assertThat(parked).hasSize(1);
        assertThat(header(parked.get(0), DeadLetters.REASON)).isEqualTo("MALFORMED_JSON");
        assertThat(header(parked.get(0), DeadLetters.CONSUMER)).isEqualTo(GROUP);
        assertThat(BATCHES.subList(batchesBefore, BATCHES.size())).anyMatch(size -> size > 1);
    }

    @Test
    void failingHandlerMidBatchLeavesNothingHalfAppliedAndOnlyItsRecordIsParked() {
        List<Envelope<CertificationDue>> good = dues(12);
        UUID person = UUID.randomUUID();
        Envelope<CertificationDue> failing = Envelope.of("messaging-test", person.toString(), "demo-bureau",
                new CertificationDue(person, "poison-handler", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31)));
        List<Envelope<CertificationDue>> all = new ArrayList<>(good.subList(0, 6));
        all.add(failing);
        all.addAll(good.subList(6, good.size()));
        sendTogether(all.stream().map(Envelope::subject).toList(), all.stream().map(BatchConsumerTests::encode).toList());

        var parked = TopicReader.onTestBroker().await(Topics.dlq(TOPIC), r -> person.toString().equals(r.key()), 1,
                Duration.ofSeconds(30));
        assertThat(header(parked.get(0), DeadLetters.REASON)).isEqualTo("PROCESSING_FAILED");
        assertThat(header(parked.get(0), DeadLetters.DETAIL)).contains("cannot apply period poison-handler");
        await().atMost(Duration.ofSeconds(30)).until(() -> good.stream().allMatch(e -> service.appliedCount(e.id()) >= 1));
        // Exactly once: the rolled-back batch left no trace, the one-by-one pass applied each record.
        assertThat(good).allSatisfy(e -> assertThat(service.appliedCount(e.id())).isEqualTo(1));
        assertThat(service.appliedCount(failing.id())).isZero();
        // The records before it ran in the batch that was rolled back, then alone: twice, applied once.
        assertThat(good.subList(0, 6)).allSatisfy(e -> assertThat(CALLS.get(e.id())).isEqualTo(2));
    }

    @Test
    void duplicatesWithinAndAcrossBatchesAreAppliedOnce() {
        List<Envelope<CertificationDue>> first = dues(10);
        sendTogether(first.stream().map(Envelope::subject).toList(), first.stream().map(BatchConsumerTests::encode).toList());
        await().atMost(Duration.ofSeconds(30)).until(() -> first.stream().allMatch(e -> service.appliedCount(e.id()) == 1));

        // The same ten again (a redelivery), each new one twice in the same batch, then a marker.
        List<Envelope<CertificationDue>> fresh = dues(5);
        List<Envelope<CertificationDue>> again = new ArrayList<>(first);
        for (Envelope<CertificationDue> e : fresh) {
            again.add(e);
            again.add(e);
        }
        Envelope<CertificationDue> marker = dues(1).get(0);
        again.add(marker);
        sendTogether(again.stream().map(Envelope::subject).toList(), again.stream().map(BatchConsumerTests::encode).toList());

        await().atMost(Duration.ofSeconds(30)).until(() -> service.appliedCount(marker.id()) == 1);
        assertThat(first).allSatisfy(e -> assertThat(service.appliedCount(e.id())).isEqualTo(1));
        assertThat(fresh).allSatisfy(e -> assertThat(service.appliedCount(e.id())).isEqualTo(1));
    }

    @Test
    void databaseConnectionLostMidBatchIsWaitedForAndTheBatchAppliedOnce() {
        List<Envelope<CertificationDue>> batch = dues(15);
        DROP_CONNECTION_ONCE.add(batch.get(9).id());
        sendTogether(batch.stream().map(Envelope::subject).toList(), batch.stream().map(BatchConsumerTests::encode).toList());

        await().atMost(Duration.ofSeconds(30)).until(() -> batch.stream().allMatch(e -> service.appliedCount(e.id()) >= 1));
        assertThat(batch).allSatisfy(e -> assertThat(service.appliedCount(e.id())).isEqualTo(1));
        assertThat(DROP_CONNECTION_ONCE).isEmpty();
        // A lost connection is not the records' fault: the batch is retried as a batch, nothing parked.
        assertThat(batch.subList(0, 10)).allSatisfy(e -> assertThat(CALLS.get(e.id())).isEqualTo(2));
        assertThat(batch.subList(10, batch.size())).allSatisfy(e -> assertThat(CALLS.get(e.id())).isEqualTo(1));
        assertThat(TopicReader.onTestBroker().settle(Topics.dlq(TOPIC),
                r -> batch.stream().anyMatch(e -> e.subject().equals(r.key())), Duration.ofSeconds(1))).isEmpty();
    }

    private static List<Envelope<CertificationDue>> dues(int n) {
        List<Envelope<CertificationDue>> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(OutboxTests.due());
        }
        return out;
    }

    private static byte[] encode(Envelope<?> event) {
        return EventCodec.shared().encodeBytes(event);
    }

    private static String header(org.apache.kafka.clients.consumer.ConsumerRecord<String, byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    /** One producer, one flush, one partition: the records reach the consumer in one poll. */
    private static void sendTogether(List<String> keys, List<byte[]> values) {
        try (var producer = new KafkaProducer<>(Map.<String, Object>of("bootstrap.servers",
                org.lifecert.testing.TestInfrastructure.get().kafkaBootstrapServers(), "linger.ms", "50"),
                new StringSerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < keys.size(); i++) {
                producer.send(new ProducerRecord<>(TOPIC, 0, keys.get(i), values.get(i)));
            }
            producer.flush();
        }
    }
}
