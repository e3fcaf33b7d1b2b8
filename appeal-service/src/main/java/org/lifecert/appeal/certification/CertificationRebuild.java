package org.lifecert.appeal.certification;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.hibernate.query.NativeQuery;
import org.lifecert.appeal.appeal.ReviewAudit;
import org.lifecert.events.CertificationChannel;
import org.lifecert.events.Envelope;
import org.lifecert.events.EventCodec;
import org.lifecert.events.EventData;
import org.lifecert.events.InvalidEventException;
import org.lifecert.messaging.KafkaConnection;

/**
 * Rebuilds people's certification records from the input topics read from the start, then
 * re-applies the decisions that are not on any topic (appeal decisions and counter certifications,
 * from the audit trail), then brings each record to {@code now} (timeouts, periods). Nothing is
 * published again: the events went out the first time. Because the fold derives the state from the
 * facts, the rebuilt state equals the live one.
 */
@ApplicationScoped
public class CertificationRebuild {

    private final CertificationStore store;
    private final CertificationFold fold;
    private final CertificationService service;
    private final ReviewAudit audit;
    private final EntityManager em;
    private final KafkaConnection kafkaConnection;
    private final FoldConfiguration rules;

    public CertificationRebuild(CertificationStore store, CertificationFold fold, CertificationService service,
            ReviewAudit audit, EntityManager em, KafkaConnection kafkaConnection, FoldConfiguration rules) {
        this.store = store;
        this.fold = fold;
        this.service = service;
        this.audit = audit;
        this.em = em;
        this.kafkaConnection = kafkaConnection;
        this.rules = rules;
    }

    /** Rebuilds the given persons; returns the number of input events folded. */
    public int rebuild(Set<UUID> persons, Instant now) {
        QuarkusTransaction.requiringNew().run(() -> {
            for (UUID p : persons) {
                em.createNativeQuery("delete from certification_record where person_id = :p").unwrap(NativeQuery.class)
                        .setParameter("p", p, UUID.class).executeUpdate();
                em.createNativeQuery("delete from period_result where person_id = :p").unwrap(NativeQuery.class)
                        .setParameter("p", p, UUID.class).executeUpdate();
                em.createNativeQuery("delete from suspension where person_id = :p").unwrap(NativeQuery.class)
                        .setParameter("p", p, UUID.class).executeUpdate();
            }
        });
        int folded = 0;
        EventCodec codec = EventCodec.shared();
        try (KafkaConsumer<String, byte[]> kafka = new KafkaConsumer<>(kafkaConnection.with(Map.of(
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "1000")),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : CertificationConsumer.TOPICS) {
                List<PartitionInfo> infos = kafka.partitionsFor(topic, Duration.ofSeconds(10));
                if (infos != null) {
                    infos.forEach(i -> partitions.add(new TopicPartition(i.topic(), i.partition())));
                }
            }
            kafka.assign(partitions);
            kafka.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = kafka.endOffsets(partitions);
            while (!caughtUp(kafka, end)) {
                for (ConsumerRecord<String, byte[]> record : kafka.poll(Duration.ofMillis(200))) {
                    Envelope<? extends EventData> event;
                    try {
                        event = codec.decode(record.value() == null ? new byte[0] : record.value());
                    } catch (InvalidEventException e) {
                        continue; // parked on the DLQ the first time
                    }
                    UUID person = CertificationService.personOf(event);
                    if (person == null || !persons.contains(person) || !CertificationConsumer.FOLDED.contains(event.type())) {
                        continue;
                    }
                    QuarkusTransaction.requiringNew().run(() -> {
                        CertificationRecord r = store.lockOrCreate(person, event.bureau());
                        service.finish(r, fold.apply(r, event), false);
                    });
                    folded++;
                }
            }
        }
        for (UUID person : persons) {
            for (ReviewAudit.Entry entry : audit.ofPerson(person)) {
                if (ReviewAudit.DECIDED.equals(entry.action())) {
                    replay(person, r -> fold.decideAppeal(r, entry.approved(), entry.reason(), entry.actor(), entry.at()));
                } else if (ReviewAudit.COUNTER.equals(entry.action())) {
                    CertificationChannel channel = entry.seen() != null && entry.seen().contains("\"CONSULATE\"")
                            ? CertificationChannel.CONSULATE : CertificationChannel.COUNTER;
                    replay(person, r -> fold.certifyAtCounter(r, entry.actor(), channel, entry.at()));
                }
            }
            LocalDate today = now.atZone(rules.zone()).toLocalDate();
            replay(person, r -> {
                List<EventData> out = new ArrayList<>(fold.expireSessions(r, now));
                out.addAll(fold.advanceTo(r, today));
                return out;
            });
        }
        return folded;
    }

    private void replay(UUID person, java.util.function.Function<CertificationRecord, List<EventData>> command) {
        QuarkusTransaction.requiringNew().run(() -> store.lock(person).ifPresent(r -> {
            try {
                service.finish(r, command.apply(r), false);
            } catch (IllegalStateException e) {
                // the decision no longer applies to the rebuilt facts; the state says why
            }
        }));
    }

    private static boolean caughtUp(KafkaConsumer<?, ?> kafka, Map<TopicPartition, Long> end) {
        for (Map.Entry<TopicPartition, Long> e : end.entrySet()) {
            if (kafka.position(e.getKey()) < e.getValue()) {
                return false;
            }
        }
        return true;
    }
}
