package org.lifecert.facematch.match;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.lifecert.events.MatchVerdict;
import org.lifecert.platform.pii.EmbeddingJson;
import org.lifecert.platform.pii.TemplateCipher;

/**
 * Match sessions' persisted records. The state holds embeddings, so it is sealed with the template key like a
 * template. Each batch locks the session's row; batches of one session come in order on one partition anyway.
 */
@ApplicationScoped
public class MatchSessionStore {

    private final EntityManager em;
    private final TemplateCipher cipher;
    /** Embeddings as base64 float32 (EmbeddingJson.compact): the sealed state is under half the size. */
    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
            .registerModule(EmbeddingJson.compact())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private final UUID instance = UUID.randomUUID();

    public record Locked(MatchState state, String status, String decision, double score) {
    }

    public MatchSessionStore(EntityManager em, TemplateCipher cipher) {
        this.em = em;
        this.cipher = cipher;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Locked lockOrCreate(UUID sessionId, UUID personId, String bureau, Instant deadline) {
        em.createNativeQuery("""
                insert into match_session (session_id, person_id, bureau, deadline, status, state, worker_instance)
                values (:id, :p, :b, :d, 'OPEN', :s, :i) on conflict do nothing""")
                .setParameter("id", sessionId).setParameter("p", personId).setParameter("b", bureau)
                .setParameter("d", deadline == null ? null : Timestamp.from(deadline))
                .setParameter("s", seal(new MatchState(sessionId, personId, bureau, deadline)))
                .setParameter("i", instance).executeUpdate();
        return lock(sessionId).orElseThrow();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Locked> lock(UUID sessionId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select state, status, decision, score from match_session where session_id = :id for update""")
                .setParameter("id", sessionId).getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] r = rows.get(0);
        return Optional.of(new Locked(open((String) r[0]), (String) r[1], (String) r[2],
                r[3] == null ? 0 : ((Number) r[3]).doubleValue()));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void save(MatchState state) {
        em.createNativeQuery("""
                update match_session set state = :s, worker_instance = :i, updated_at = now() where session_id = :id""")
                .setParameter("s", seal(state)).setParameter("i", instance).setParameter("id", state.sessionId)
                .executeUpdate();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void finish(MatchState state, MatchVerdict verdict) {
        em.createNativeQuery("""
                update match_session set state = :s, status = 'DONE', decision = :d, score = :sc, reason = :r,
                worker_instance = :i, updated_at = now() where session_id = :id""")
                .setParameter("s", seal(state)).setParameter("d", verdict.decision().name())
                .setParameter("sc", verdict.score()).setParameter("r", verdict.reason())
                .setParameter("i", instance).setParameter("id", state.sessionId).executeUpdate();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    @SuppressWarnings("unchecked")
    public List<UUID> overdue(Instant before, int limit) {
        return em.createNativeQuery("""
                select session_id from match_session where status = 'OPEN' and deadline < :b order by deadline
                limit :l for update skip locked""").setParameter("b", Timestamp.from(before)).setParameter("l", limit)
                .getResultList();
    }

    private String seal(MatchState state) {
        try {
            return cipher.seal(json.writeValueAsBytes(state)).text();
        } catch (Exception e) {
            throw new IllegalStateException("cannot store match state", e);
        }
    }

    private MatchState open(String stored) {
        byte[] plain = cipher.open(TemplateCipher.Sealed.parse(stored));
        try {
            return json.readValue(new String(plain, StandardCharsets.UTF_8), MatchState.class);
        } catch (Exception e) {
            throw new IllegalStateException("stored match state unreadable", e);
        }
    }
}
