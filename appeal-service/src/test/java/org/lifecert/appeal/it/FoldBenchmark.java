package org.lifecert.appeal.it;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.lifecert.appeal.certification.CertificationFold;
import org.lifecert.appeal.certification.CertificationRecord;
import org.lifecert.appeal.certification.Scenario;
import org.lifecert.events.Envelope;
import org.lifecert.events.EventCodec;
import org.lifecert.events.EventData;
import org.lifecert.testing.LifeCertTestResource;

/**
 * Benchmark, not a test (no assertion on figures; not matched by surefire's default includes). Run:
 * <pre>
 * ./mvnw -B -o -pl appeal-service verify -Dtest=FoldBenchmark -Dbench.persons=5000 -Dbench.rate=300
 * </pre>
 * Prints: in-memory fold rate; end-to-end throughput (a burst of verdict pairs through Kafka, the
 * consumer loop, the inbox, the fold, PostgreSQL and the outbox, until every verdict is committed);
 * and verdict-to-state latency at a paced rate (send time of the verdict that completes a pair to
 * the start of the transaction that folded it, from inbox_processed.processed_at).
 */
@QuarkusTest
@QuarkusTestResource(value = LifeCertTestResource.class, initArgs = @ResourceArg(name = "database", value = "appeal"))
class FoldBenchmark {

    @Inject
    EntityManager em;

    @Inject
    CertificationFold fold;

    @Inject
    io.micrometer.core.instrument.MeterRegistry registry;

    @Test
    void measure() throws Exception {
        int persons = Integer.getInteger("bench.persons", 5000);
        int rate = Integer.getInteger("bench.rate", 300);
        int pacedSeconds = Integer.getInteger("bench.seconds", 10);

        inMemory();

        // people, collected
        List<Scenario> people = new ArrayList<>();
        List<Envelope<? extends EventData>> setup = new ArrayList<>();
        for (int i = 0; i < persons + rate * pacedSeconds; i++) {
            Scenario s = new Scenario();
            people.add(s);
            setup.add(s.enrolled(Instant.now()));
            setup.add(s.template(Instant.now()));
        }
        long before = inboxCount();
        sendAsync(setup, null);
        waitForInbox(before + setup.size());

        // throughput: one burst of verdict pairs (one session per person, match and liveness)
        List<Envelope<? extends EventData>> burst = new ArrayList<>();
        for (int i = 0; i < persons; i++) {
            Scenario s = people.get(i);
            UUID session = UUID.randomUUID();
            Instant now = Instant.now();
            boolean pass = i % 4 != 0;
            burst.add(s.match(now, session, pass));
            burst.add(s.liveness(now, session, true));
        }
        before = inboxCount();
        long outboxBefore = outboxCount();
        long topicBefore = certificationTopicEnd();
        long t0 = System.nanoTime();
        sendAsync(burst, null);
        long sent = System.nanoTime();
        waitForInbox(before + burst.size());
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf("BENCH burst: %d verdict pairs folded end-to-end in %.2f s = %.0f pairs/s (producer done after %.2f s)%n",
                persons, seconds, persons / seconds, (sent - t0) / 1e9);
        var timer = registry.find("lifecert.appeal.fold").timer();
        if (timer != null && timer.count() > 0) {
            System.out.printf("BENCH fold transaction body, one record (lock, fold, save, outbox; no commit): %d changes, mean %.2f ms, max %.1f ms%n",
                    timer.count(), timer.mean(java.util.concurrent.TimeUnit.MILLISECONDS),
                    timer.max(java.util.concurrent.TimeUnit.MILLISECONDS));
        }
        var batchTimer = registry.find("lifecert.appeal.fold.batch").timer();
        if (batchTimer != null && batchTimer.count() > 0) {
            System.out.printf("BENCH fold transaction body, one batch (lock all, fold, save each, one outbox insert; no commit): %d batches, mean %.2f ms, max %.1f ms%n",
                    batchTimer.count(), batchTimer.mean(java.util.concurrent.TimeUnit.MILLISECONDS),
                    batchTimer.max(java.util.concurrent.TimeUnit.MILLISECONDS));
        }
        long folded = System.nanoTime();
        long outboxEvents = outboxCount() - outboxBefore;
        long relayDeadline = System.nanoTime() + 300_000_000_000L;
        while (certificationTopicEnd() - topicBefore < outboxEvents && System.nanoTime() < relayDeadline) {
            Thread.sleep(20);
        }
        long relayed = System.nanoTime();
        System.out.printf("BENCH outbox relay (Debezium embedded -> lifecert.certification.v1): %d events of the burst on the topic %.2f s after the burst started (%.0f events/s), %.2f s after the last fold committed%n",
                certificationTopicEnd() - topicBefore, (relayed - t0) / 1e9, outboxEvents / ((relayed - t0) / 1e9),
                (relayed - folded) / 1e9);

        // latency at a paced rate
        Map<UUID, Long> sendNanos = new HashMap<>();
        Map<UUID, UUID> completing = new HashMap<>();
        List<Envelope<? extends EventData>> paced = new ArrayList<>();
        for (int i = 0; i < rate * pacedSeconds; i++) {
            Scenario s = people.get(persons + i);
            UUID session = UUID.randomUUID();
            var m = s.match(Instant.now(), session, true);
            var l = s.liveness(Instant.now(), session, true);
            paced.add(m);
            paced.add(l);
            completing.put(session, l.id());
        }
        before = inboxCount();
        Instant pacedStart = Instant.now().minusSeconds(1);
        long wallStart = System.currentTimeMillis();
        long nanoStart = System.nanoTime();
        long interval = 1_000_000_000L / rate;
        Map<UUID, Long> visibleNanos = new java.util.concurrent.ConcurrentHashMap<>();
        java.util.Set<UUID> pending = java.util.concurrent.ConcurrentHashMap.newKeySet();
        java.util.concurrent.atomic.AtomicBoolean polling = new java.util.concurrent.atomic.AtomicBoolean(true);
        Thread poller = new Thread(() -> {
            // Commit-visible time: when a completing verdict's inbox row (same transaction as the state) can be read.
            while (polling.get() || !pending.isEmpty()) {
                List<UUID> ids = List.copyOf(pending);
                if (!ids.isEmpty()) {
                    long now = System.nanoTime();
                    for (UUID id : committed(ids)) {
                        visibleNanos.putIfAbsent(id, now);
                        pending.remove(id);
                    }
                }
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "bench-visibility");
        poller.setDaemon(true);
        poller.start();
        for (int i = 0; i < paced.size(); i += 2) {
            long due = nanoStart + (i / 2) * interval;
            while (System.nanoTime() < due) {
                Thread.onSpinWait();
            }
            sendAsync(paced.subList(i, i + 2), sendNanos);
            pending.add(paced.get(i + 1).id());
        }
        Bus.producer().flush();
        waitForInbox(before + paced.size());
        polling.set(false);
        poller.join(60_000);
        long[] visible = completing.values().stream().filter(visibleNanos::containsKey)
                .mapToLong(id -> (visibleNanos.get(id) - sendNanos.get(id)) / 1_000_000).sorted().toArray();
        System.out.printf("BENCH paced %d pairs/s for %d s: verdict sent -> state committed and readable (polled every 5 ms) p50 %d ms, p95 %d ms, p99 %d ms, max %d ms (%d pairs)%n",
                rate, pacedSeconds, pct(visible, 50), pct(visible, 95), pct(visible, 99), visible[visible.length - 1],
                visible.length);
        Map<UUID, Instant> processed = processedSince(pacedStart);
        long[] latencies = completing.values().stream().mapToLong(id -> {
            Instant at = processed.get(id);
            long sentAtMillis = wallStart + (sendNanos.get(id) - nanoStart) / 1_000_000;
            return at.toEpochMilli() - sentAtMillis;
        }).sorted().toArray();
        System.out.printf("BENCH paced %d pairs/s for %d s: verdict sent -> start of the folding transaction p50 %d ms, p95 %d ms, p99 %d ms, max %d ms%n",
                rate, pacedSeconds, pct(latencies, 50), pct(latencies, 95), pct(latencies, 99),
                latencies[latencies.length - 1]);
    }

    private void inMemory() {
        int n = 200_000;
        List<Scenario> people = new ArrayList<>();
        List<CertificationRecord> records = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            Scenario s = new Scenario();
            CertificationRecord r = new CertificationRecord(s.person, s.bureau);
            fold.apply(r, s.enrolled(Instant.now()));
            fold.apply(r, s.template(Instant.now()));
            people.add(s);
            records.add(r);
        }
        List<Envelope<? extends EventData>> verdicts = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Scenario s = people.get(i % people.size());
            UUID session = UUID.randomUUID();
            verdicts.add(s.match(Instant.now(), session, true));
            verdicts.add(s.liveness(Instant.now(), session, i % 3 != 0));
        }
        long t0 = System.nanoTime();
        for (int i = 0; i < verdicts.size(); i++) {
            CertificationRecord r = records.get((i / 2) % records.size());
            fold.apply(r, verdicts.get(i));
            if (r.attempts.size() > 8) {
                r.attempts.clear(); // keep records the size a real period has
            }
        }
        double s = (System.nanoTime() - t0) / 1e9;
        System.out.printf("BENCH in-memory fold: %d verdict pairs in %.2f s = %.0f pairs/s%n", n, s, n / s);
    }

    private static void sendAsync(List<Envelope<? extends EventData>> events, Map<UUID, Long> sendNanos) {
        for (Envelope<? extends EventData> e : events) {
            if (sendNanos != null) {
                sendNanos.put(e.id(), System.nanoTime());
            }
            Bus.producer().send(new ProducerRecord<>(e.topic(), e.partitionKey(), EventCodec.shared().encodeBytes(e)));
        }
        if (sendNanos == null) {
            Bus.producer().flush();
        }
    }

    private long inboxCount() {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from inbox_processed where consumer = 'appeal-service'").getSingleResult()).longValue());
    }

    @SuppressWarnings("unchecked")
    private List<UUID> committed(List<UUID> ids) {
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "select event_id from inbox_processed where consumer = 'appeal-service' and event_id = any(:ids)")
                .setParameter("ids", ids.toArray(UUID[]::new)).getResultList());
    }

    private static long certificationTopicEnd() {
        try (var consumer = new org.apache.kafka.clients.consumer.KafkaConsumer<String, byte[]>(Map.<String, Object>of(
                "bootstrap.servers", org.lifecert.testing.TestInfrastructure.get().kafkaBootstrapServers()),
                new org.apache.kafka.common.serialization.StringDeserializer(),
                new org.apache.kafka.common.serialization.ByteArrayDeserializer())) {
            var infos = consumer.partitionsFor(org.lifecert.events.Topics.CERTIFICATION, java.time.Duration.ofSeconds(10));
            if (infos == null || infos.isEmpty()) {
                return 0;
            }
            var partitions = infos.stream().map(i -> new org.apache.kafka.common.TopicPartition(i.topic(), i.partition())).toList();
            return consumer.endOffsets(partitions).values().stream().mapToLong(Long::longValue).sum();
        }
    }

    private long outboxCount() {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from outbox_event").getSingleResult()).longValue());
    }

    private void waitForInbox(long target) throws InterruptedException {
        long deadline = System.nanoTime() + 600_000_000_000L;
        while (inboxCount() < target) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("not folded in time: " + inboxCount() + " of " + target);
            }
            Thread.sleep(50);
        }
    }

    @SuppressWarnings("unchecked")
    private Map<UUID, Instant> processedSince(Instant since) {
        List<Object[]> rows = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "select event_id, processed_at from inbox_processed where consumer = 'appeal-service' and processed_at >= :s")
                .setParameter("s", java.sql.Timestamp.from(since)).getResultList());
        Map<UUID, Instant> out = new HashMap<>();
        for (Object[] r : rows) {
            out.put((UUID) r[0], org.lifecert.appeal.appeal.ReviewAudit.toInstant(r[1]));
        }
        return out;
    }

    private static long pct(long[] sorted, int p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }
}
