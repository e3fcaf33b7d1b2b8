package org.lifecert.appeal.certification;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import org.hibernate.query.NativeQuery;
import org.lifecert.events.CertificationDue;
import org.lifecert.events.CertificationOverdue;
import org.lifecert.events.CertificationRestored;
import org.lifecert.events.Envelope;
import org.lifecert.events.EventData;
import org.lifecert.messaging.MessagingConfig;
import org.lifecert.messaging.outbox.Outbox;

/**
 * Every change of a person's certification is one transaction: lock the record, fold, save, and
 * write the resulting events to the outbox (and, for consumed events, the inbox row the consumer
 * loop already wrote in the same transaction).
 */
@ApplicationScoped
public class CertificationService {

    private final CertificationStore store;
    private final CertificationFold fold;
    private final Outbox outbox;
    private final EntityManager em;
    private final String source;
    private final Timer foldTimer;
    private final Timer batchTimer;

    public CertificationService(CertificationStore store, CertificationFold fold, Outbox outbox, EntityManager em,
            MessagingConfig messaging, MeterRegistry registry) {
        this.store = store;
        this.fold = fold;
        this.outbox = outbox;
        this.em = em;
        this.source = messaging.source();
        this.foldTimer = Timer.builder("lifecert.appeal.fold").description("lock, fold, save, outbox of one change")
                .publishPercentiles(0.5, 0.95).register(registry);
        this.batchTimer = Timer.builder("lifecert.appeal.fold.batch")
                .description("lock, fold, save, outbox of one consumed batch").publishPercentiles(0.5, 0.95)
                .register(registry);
    }

    /** Folds one consumed event (joins the consumer loop's transaction). */
    @Transactional
    public void apply(Envelope<? extends EventData> event) {
        UUID person = personOf(event);
        if (person == null) {
            return;
        }
        foldTimer.record(() -> {
            CertificationRecord r = store.lockOrCreate(person, event.bureau());
            finish(r, fold.apply(r, event));
        });
    }

    /**
     * Folds the events of one consumed batch (joins the consumer loop's transaction): every person of
     * the batch locked with one query, each event folded in order, each touched record saved once,
     * every outgoing event written with one outbox insert. Same end state and events as applying
     * them one by one: the fold is a function of the facts, and a person's events keep their order.
     */
    @Transactional
    public void applyAll(List<Envelope<? extends EventData>> events) {
        Map<UUID, String> bureauByPerson = new LinkedHashMap<>();
        for (Envelope<? extends EventData> event : events) {
            UUID person = personOf(event);
            if (person != null) {
                bureauByPerson.putIfAbsent(person, event.bureau());
            }
        }
        if (bureauByPerson.isEmpty()) {
            return;
        }
        batchTimer.record(() -> {
            Map<UUID, CertificationRecord> records = store.lockOrCreateAll(bureauByPerson);
            Map<UUID, List<EventData>> out = new TreeMap<>();
            for (Envelope<? extends EventData> event : events) {
                UUID person = personOf(event);
                if (person != null) {
                    out.computeIfAbsent(person, p -> new ArrayList<>()).addAll(fold.apply(records.get(person), event));
                }
            }
            List<CertificationStore.Change> changes = new ArrayList<>(out.size());
            out.forEach((person, data) -> changes.add(new CertificationStore.Change(records.get(person), periodsChanged(data))));
            store.saveAll(changes);
            List<Envelope<?>> outgoing = new ArrayList<>();
            out.forEach((person, data) -> {
                CertificationRecord r = records.get(person);
                data.forEach(d -> {
                    sideEffects(r, d);
                    outgoing.add(Envelope.of(source, r.personId.toString(), r.bureau, d));
                });
            });
            outbox.publishAll(outgoing);
        });
    }

    @Transactional
    public Optional<Outcome> expireSessions(UUID person, Instant now) {
        return change(person, r -> fold.expireSessions(r, now));
    }

    @Transactional
    public Optional<Outcome> advance(UUID person, LocalDate today) {
        return change(person, r -> fold.advanceTo(r, today));
    }

    /** Applies a command to an existing person; empty when the person is unknown. */
    @Transactional
    public Optional<Outcome> change(UUID person, Function<CertificationRecord, List<EventData>> command) {
        Optional<CertificationRecord> found = store.lock(person);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        CertificationRecord r = found.get();
        return Optional.of(finish(r, command.apply(r)));
    }

    /** Like {@link #change} for a record already locked by the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Outcome finish(CertificationRecord r, List<EventData> events) {
        return finish(r, events, true);
    }

    /**
     * Saves the record and its side tables; writes the events to the outbox unless {@code publish} is
     * false (a rebuild: those events were published the first time).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Outcome finish(CertificationRecord r, List<EventData> events, boolean publish) {
        Outcome o = save(r, events);
        if (publish) {
            outbox.publishAll(events.stream().<Envelope<?>>map(d -> Envelope.of(source, r.personId.toString(), r.bureau, d))
                    .toList());
        }
        return o;
    }

    /** The record, its period rows and the side rows of its new events (not the outbox). */
    private Outcome save(CertificationRecord r, List<EventData> events) {
        Outcome o = store.save(r, periodsChanged(events));
        for (EventData data : events) {
            sideEffects(r, data);
        }
        return o;
    }

    private static boolean periodsChanged(List<EventData> events) {
        return events.stream().anyMatch(e -> e instanceof CertificationDue || e instanceof CertificationOverdue);
    }

    private void sideEffects(CertificationRecord r, EventData data) {
        if (data instanceof CertificationOverdue overdue) {
            em.createNativeQuery("""
                    insert into suspension (person_id, period_id, bureau, suspended_from)
                    values (:p, :pid, :b, :from) on conflict do nothing""").unwrap(NativeQuery.class)
                    .setParameter("p", r.personId, UUID.class).setParameter("pid", overdue.period(), String.class)
                    .setParameter("b", r.bureau, String.class)
                    .setParameter("from", overdue.deadline().plusDays(1), LocalDate.class).executeUpdate();
        } else if (data instanceof CertificationRestored restored) {
            em.createNativeQuery("""
                    update suspension set restored_on = :on, months_missed = :m
                    where person_id = :p and restored_on is null""").unwrap(NativeQuery.class)
                    .setParameter("on", restored.restoredAt().atZone(fold.settings().zone()).toLocalDate(), LocalDate.class)
                    .setParameter("m", restored.monthsMissed(), Integer.class)
                    .setParameter("p", r.personId, UUID.class).executeUpdate();
        }
    }

    static UUID personOf(Envelope<? extends EventData> event) {
        try {
            return event.subject() == null ? null : UUID.fromString(event.subject());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
