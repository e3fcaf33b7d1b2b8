package org.lifecert.appeal.certification;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.hibernate.query.NativeQuery;
import org.lifecert.appeal.period.PeriodPolicy;

/** Reads and writes {@link CertificationRecord}s: the JSON document plus the columns queries use. */
@ApplicationScoped
public class CertificationStore {

    private final EntityManager em;
    private final ObjectMapper json;
    private final CertificationFold fold;
    private final FoldConfiguration rules;

    public CertificationStore(EntityManager em, ObjectMapper json, CertificationFold fold, FoldConfiguration rules) {
        this.em = em;
        this.json = json;
        this.fold = fold;
        this.rules = rules;
    }

    /** The record, locked for this transaction; empty when the person is unknown. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<CertificationRecord> lock(UUID personId) {
        List<?> rows = em.createNativeQuery("select cast(doc as text) from certification_record where person_id = :p for update")
                .setParameter("p", personId).getResultList();
        return rows.isEmpty() ? Optional.empty() : Optional.of(read((String) rows.get(0)));
    }

    /** The record locked, created first when unknown. */
    @Transactional(Transactional.TxType.MANDATORY)
    public CertificationRecord lockOrCreate(UUID personId, String bureau) {
        Optional<CertificationRecord> found = lock(personId);
        if (found.isPresent()) {
            return found.get();
        }
        CertificationRecord fresh = fold.newRecord(personId, bureau);
        em.createNativeQuery("""
                insert into certification_record (person_id, bureau, state, doc)
                values (:p, :b, 'NOT_COLLECTED', cast(:doc as jsonb)) on conflict do nothing""")
                .setParameter("p", personId).setParameter("b", bureau).setParameter("doc", write(fresh))
                .executeUpdate();
        return lock(personId).orElseThrow();
    }

    /**
     * The records of {@code bureauByPerson}'s persons, all locked for this transaction; the unknown
     * ones created first. One insert and one select whatever the number of persons; rows are locked
     * in person-id order so two transactions locking overlapping persons cannot deadlock.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Map<UUID, CertificationRecord> lockOrCreateAll(Map<UUID, String> bureauByPerson) {
        if (bureauByPerson.isEmpty()) {
            return Map.of();
        }
        UUID[] persons = bureauByPerson.keySet().stream().sorted().toArray(UUID[]::new);
        List<?> known = em.createNativeQuery("select person_id from certification_record where person_id = any(:ps)")
                .setParameter("ps", persons).getResultList();
        Set<UUID> missing = new TreeSet<>(bureauByPerson.keySet());
        known.forEach(missing::remove);
        if (!missing.isEmpty()) {
            StringBuilder sql = new StringBuilder("insert into certification_record (person_id, bureau, state, doc) values ");
            int i = 0;
            for (UUID person : missing) {
                sql.append(i == 0 ? "" : ", ").append("(?").append(3 * i + 1).append(", ?").append(3 * i + 2)
                        .append(", 'NOT_COLLECTED', cast(?").append(3 * i + 3).append(" as jsonb))");
                i++;
            }
            var insert = em.createNativeQuery(sql.append(" on conflict do nothing").toString());
            i = 0;
            for (UUID person : missing) {
                String bureau = bureauByPerson.get(person);
                insert.setParameter(3 * i + 1, person).setParameter(3 * i + 2, bureau)
                        .setParameter(3 * i + 3, write(fold.newRecord(person, bureau)));
                i++;
            }
            insert.executeUpdate();
        }
        List<?> docs = em.createNativeQuery("""
                select cast(doc as text) from certification_record where person_id = any(:ps)
                order by person_id for update""")
                .setParameter("ps", persons).getResultList();
        Map<UUID, CertificationRecord> locked = new HashMap<>();
        for (Object doc : docs) {
            CertificationRecord r = read((String) doc);
            locked.put(r.personId, r);
        }
        return locked;
    }

    /** Unlocked read for queries. */
    public Optional<CertificationRecord> find(UUID personId) {
        List<?> rows = em.createNativeQuery("select cast(doc as text) from certification_record where person_id = :p")
                .setParameter("p", personId).getResultList();
        return rows.isEmpty() ? Optional.empty() : Optional.of(read((String) rows.get(0)));
    }

    public Optional<UUID> personOfAppeal(UUID appealId) {
        List<?> rows = em.createNativeQuery("select person_id from certification_record where appeal_id = :a")
                .setParameter("a", appealId).getResultList();
        return rows.isEmpty() ? Optional.empty() : Optional.of((UUID) rows.get(0));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Outcome save(CertificationRecord r) {
        return save(r, true);
    }

    /**
     * Writes the record and the result row of its current period; the rows of past periods too when
     * {@code periodsChanged} (a period opened or closed in this change).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Outcome save(CertificationRecord r, boolean periodsChanged) {
        Outcome o = fold.outcome(r);
        String result = r.period == null ? null
                : o.state() + "|" + o.channel() + "|" + o.certifiedAt() + "|" + r.period.id();
        boolean resultChanged = result != null && !result.equals(r.savedResult);
        r.savedResult = result;
        NativeQuery<?> q = em.createNativeQuery("""
                update certification_record set bureau = :b, state = :s, period_id = :pid, period_start = :ps,
                  period_end = :pe, channel = :ch, certified_at = :ca, failed_attempts = :fa, appeal_id = :aid,
                  appeal_status = :ast, appeal_opened_at = :aoa, appeal_due = :ad, suspended_since = :ss,
                  pending_deadline = :pd, advance_on = :ao, doc = cast(:doc as jsonb), updated_at = now()
                where person_id = :p""").unwrap(NativeQuery.class);
        q.setParameter("b", r.bureau, String.class)
                .setParameter("s", o.state().name(), String.class)
                .setParameter("pid", r.period == null ? null : r.period.id(), String.class)
                .setParameter("ps", r.period == null ? null : r.period.start(), LocalDate.class)
                .setParameter("pe", r.period == null ? null : r.period.end(), LocalDate.class)
                .setParameter("ch", o.channel() == null ? null : o.channel().name(), String.class)
                .setParameter("ca", o.certifiedAt(), Instant.class)
                .setParameter("fa", o.failedAttempts(), Integer.class)
                .setParameter("aid", o.appeal() == null ? null : o.appeal().appealId(), UUID.class)
                .setParameter("ast", o.appeal() == null ? null : o.appeal().status().name(), String.class)
                .setParameter("aoa", o.appeal() == null ? null : o.appeal().openedAt(), Instant.class)
                .setParameter("ad", o.appeal() == null ? null : o.appeal().dueDate(), LocalDate.class)
                .setParameter("ss", r.suspendedSince, LocalDate.class)
                .setParameter("pd", o.earliestPendingDeadline(), Instant.class)
                .setParameter("ao", advanceOn(r, o), LocalDate.class)
                .setParameter("doc", write(r), String.class)
                .setParameter("p", r.personId, UUID.class)
                .executeUpdate();
        if (r.period != null) {
            if (periodsChanged) {
                for (CertificationRecord.PeriodSummary h : r.history) {
                    upsertResult(r, h.periodId, h.state, h.channel, h.certifiedAt);
                }
            }
            if (periodsChanged || resultChanged) {
                upsertResult(r, r.period.id(), o.state(), o.channel(), o.certifiedAt());
            }
        }
        return o;
    }

    private void upsertResult(CertificationRecord r, String period, CertificationState state,
            org.lifecert.events.CertificationChannel channel, Instant certifiedAt) {
        em.createNativeQuery("""
                insert into period_result (person_id, period_id, bureau, state, channel, certified_at)
                values (:p, :pid, :b, :s, :ch, :ca)
                on conflict (person_id, period_id) do update set bureau = excluded.bureau, state = excluded.state,
                  channel = excluded.channel, certified_at = excluded.certified_at""").unwrap(NativeQuery.class)
                .setParameter("p", r.personId, UUID.class).setParameter("pid", period, String.class)
                .setParameter("b", r.bureau, String.class).setParameter("s", state.name(), String.class)
                .setParameter("ch", channel == null ? null : channel.name(), String.class)
                .setParameter("ca", certifiedAt, Instant.class).executeUpdate();
    }

    /** First day {@link CertificationFold#advanceTo} can change something for this person. */
    LocalDate advanceOn(CertificationRecord r, Outcome o) {
        if (r.period == null) {
            return null;
        }
        PeriodPolicy policy = rules.periodPolicy(r.bureau);
        if (o.state() == CertificationState.CERTIFIED) {
            return o.nextPeriodStart();
        }
        if (!r.periodClosed) {
            return r.period.end().plusDays(1);
        }
        if (policy instanceof PeriodPolicy.FixedYearly) {
            return policy.nextPeriodStart(r.period, null);
        }
        return null; // rolling: an uncertified person stays in the closed period until certified
    }

    static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof Timestamp t) {
            return t.toInstant();
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        throw new IllegalArgumentException("not a time: " + value.getClass());
    }

    private CertificationRecord read(String doc) {
        try {
            return json.readValue(doc, CertificationRecord.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable certification record", e);
        }
    }

    private String write(CertificationRecord r) {
        try {
            return json.writeValueAsString(r);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write certification record", e);
        }
    }
}
