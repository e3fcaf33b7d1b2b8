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
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.hibernate.Session;
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
        return saveAll(List.of(new Change(r, periodsChanged))).get(0);
    }

    /** A record to save and whether a period opened or closed since it was last saved. */
    public record Change(CertificationRecord record, boolean periodsChanged) {
    }

    /**
     * {@link #save} for many records with two JDBC batches (records, period results), so a
     * consumed batch costs two round trips instead of one or two per person.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Outcome> saveAll(List<Change> changes) {
        List<Outcome> outcomes = new ArrayList<>(changes.size());
        List<Object[]> records = new ArrayList<>(changes.size());
        List<Object[]> results = new ArrayList<>();
        for (Change change : changes) {
            CertificationRecord r = change.record();
            Outcome o = fold.outcome(r);
            outcomes.add(o);
            String result = r.period == null ? null
                    : o.state() + "|" + o.channel() + "|" + o.certifiedAt() + "|" + r.period.id();
            boolean resultChanged = result != null && !result.equals(r.savedResult);
            r.savedResult = result;
            records.add(new Object[] {r.bureau, o.state().name(), r.period == null ? null : r.period.id(),
                    r.period == null ? null : r.period.start(), r.period == null ? null : r.period.end(),
                    o.channel() == null ? null : o.channel().name(), o.certifiedAt(), o.failedAttempts(),
                    o.appeal() == null ? null : o.appeal().appealId(),
                    o.appeal() == null ? null : o.appeal().status().name(),
                    o.appeal() == null ? null : o.appeal().openedAt(), o.appeal() == null ? null : o.appeal().dueDate(),
                    r.suspendedSince, o.earliestPendingDeadline(), advanceOn(r, o), write(r), r.personId});
            if (r.period != null) {
                if (change.periodsChanged()) {
                    for (CertificationRecord.PeriodSummary h : r.history) {
                        results.add(resultRow(r, h.periodId, h.state, h.channel, h.certifiedAt));
                    }
                }
                if (change.periodsChanged() || resultChanged) {
                    results.add(resultRow(r, r.period.id(), o.state(), o.channel(), o.certifiedAt()));
                }
            }
        }
        em.unwrap(Session.class).doWork(connection -> {
            JdbcBatch.run(connection, """
                    update certification_record set bureau = ?, state = ?, period_id = ?, period_start = ?,
                      period_end = ?, channel = ?, certified_at = ?, failed_attempts = ?, appeal_id = ?,
                      appeal_status = ?, appeal_opened_at = ?, appeal_due = ?, suspended_since = ?,
                      pending_deadline = ?, advance_on = ?, doc = cast(? as jsonb), updated_at = now()
                    where person_id = ?""", RECORD_TYPES, records);
            JdbcBatch.run(connection, """
                    insert into period_result (person_id, period_id, bureau, state, channel, certified_at)
                    values (?, ?, ?, ?, ?, ?)
                    on conflict (person_id, period_id) do update set bureau = excluded.bureau, state = excluded.state,
                      channel = excluded.channel, certified_at = excluded.certified_at""", RESULT_TYPES, results);
        });
        return outcomes;
    }

    private static final int[] RECORD_TYPES = {Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.DATE, Types.DATE,
            Types.VARCHAR, Types.TIMESTAMP_WITH_TIMEZONE, Types.INTEGER, Types.OTHER, Types.VARCHAR,
            Types.TIMESTAMP_WITH_TIMEZONE, Types.DATE, Types.DATE, Types.TIMESTAMP_WITH_TIMEZONE, Types.DATE,
            Types.VARCHAR, Types.OTHER};
    private static final int[] RESULT_TYPES = {Types.OTHER, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR,
            Types.TIMESTAMP_WITH_TIMEZONE};

    private static Object[] resultRow(CertificationRecord r, String period, CertificationState state,
            org.lifecert.events.CertificationChannel channel, Instant certifiedAt) {
        return new Object[] {r.personId, period, r.bureau, state.name(), channel == null ? null : channel.name(),
                certifiedAt};
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
