package org.lifecert.appeal.appeal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hibernate.query.NativeQuery;

/** The audit trail of reviewer and clerk actions: who, when, what, and what they were shown. */
@ApplicationScoped
public class ReviewAudit {

    public static final String VIEWED = "APPEAL_VIEWED";
    public static final String DECIDED = "APPEAL_DECIDED";
    public static final String COUNTER = "COUNTER_CERTIFIED";

    private final EntityManager em;
    private final ObjectMapper json;

    public ReviewAudit(EntityManager em, ObjectMapper json) {
        this.em = em;
        this.json = json;
    }

    public record Entry(UUID id, Instant at, String actor, String bureau, String action, UUID appealId, UUID personId,
            Boolean approved, String reason, String seen) {
    }

    @Transactional
    public void record(Instant at, String actor, String bureau, String action, UUID appealId, UUID personId,
            Boolean approved, String reason, Object seen) {
        String seenJson;
        try {
            seenJson = seen == null ? null : json.writeValueAsString(seen);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        em.createNativeQuery("""
                insert into review_audit (id, at, actor, bureau, action, appeal_id, person_id, approved, reason, seen)
                values (:id, :at, :actor, :bureau, :action, :appeal, :person, :approved, :reason, cast(:seen as jsonb))""")
                .unwrap(NativeQuery.class)
                .setParameter("id", UUID.randomUUID(), UUID.class)
                .setParameter("at", at, Instant.class)
                .setParameter("actor", actor, String.class)
                .setParameter("bureau", bureau, String.class)
                .setParameter("action", action, String.class)
                .setParameter("appeal", appealId, UUID.class)
                .setParameter("person", personId, UUID.class)
                .setParameter("approved", approved, Boolean.class)
                .setParameter("reason", reason, String.class)
                .setParameter("seen", seenJson, String.class)
                .executeUpdate();
    }

    @SuppressWarnings("unchecked")
    public List<Entry> ofPerson(UUID personId) {
        List<Object[]> rows = em.createNativeQuery("""
                select id, at, actor, bureau, action, appeal_id, person_id, approved, reason, cast(seen as text)
                from review_audit where person_id = :p order by at, id""").setParameter("p", personId).getResultList();
        return rows.stream().map(r -> new Entry((UUID) r[0], toInstant(r[1]), (String) r[2], (String) r[3],
                (String) r[4], (UUID) r[5], (UUID) r[6], (Boolean) r[7], (String) r[8], (String) r[9])).toList();
    }

    public static Instant toInstant(Object value) {
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof java.sql.Timestamp t) {
            return t.toInstant();
        }
        if (value instanceof java.time.OffsetDateTime o) {
            return o.toInstant();
        }
        return value == null ? null : Instant.parse(value.toString());
    }
}
