package org.lifecert.liveness.worker;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.lifecert.events.LivenessVerdict;
import org.lifecert.liveness.config.LivenessConfig;
import org.lifecert.liveness.session.SessionState;
import org.lifecert.platform.pii.EmbeddingJson;
import org.lifecert.platform.pii.TemplateCipher;

/**
 * Sessions' persisted records, with a bounded in-memory working set in front. The database row is the truth: each
 * batch locks its session's row, and the cached state is used only when its version is the row's version (another
 * worker, or the sweeper, may have moved the session on in between).
 */
@ApplicationScoped
public class SessionStore {

    public static final String OPEN = "OPEN";
    public static final String DONE = "DONE";

    private final EntityManager em;
    /** The continuity embeddings (biometric) are sealed with the template key inside the otherwise plain state. */
    private final ObjectMapper json;
    private final Map<UUID, Cached> cache;
    /** This process: a session last touched by another instance that is gone was interrupted. */
    private final UUID instance = UUID.randomUUID();
    private final Instant startedAt = Instant.now();

    private record Cached(SessionState state, int version) {
    }

    /** A locked session: its state, version and status. */
    public record Locked(SessionState state, int version, String status, UUID workerInstance, Instant updatedAt) {
    }

    public SessionStore(EntityManager em, LivenessConfig config, TemplateCipher cipher) {
        this.em = em;
        this.json = new ObjectMapper().registerModule(new JavaTimeModule()).registerModule(EmbeddingJson.sealed(cipher))
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        int max = config.session().cachedSessions();
        this.cache = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<UUID, Cached> eldest) {
                if (size() <= max) {
                    return false;
                }
                eldest.getValue().state().releaseHeld();
                return true;
            }
        });
    }

    public UUID instance() {
        return instance;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public int cachedCount() {
        return cache.size();
    }

    /** Drops the working set (as a restart would). */
    public void forgetWorkingSet() {
        synchronized (cache) {
            cache.values().forEach(c -> c.state().releaseHeld());
            cache.clear();
        }
    }

    /** Locks the session's row, creating it OPEN when new. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Locked lockOrCreate(UUID sessionId, UUID personId, String bureau, Instant deadline) {
        em.createNativeQuery("""
                insert into liveness_session (session_id, person_id, bureau, deadline, status, state, worker_instance)
                values (:id, :person, :bureau, :deadline, 'OPEN', :state, :instance) on conflict do nothing""")
                .setParameter("id", sessionId).setParameter("person", personId).setParameter("bureau", bureau)
                .setParameter("deadline", deadline == null ? null : Timestamp.from(deadline))
                .setParameter("state", write(new SessionState(sessionId, personId, bureau, deadline)))
                .setParameter("instance", instance)
                .executeUpdate();
        return lock(sessionId).orElseThrow();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Locked> lock(UUID sessionId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select version, status, worker_instance, updated_at from liveness_session
                where session_id = :id for update""").setParameter("id", sessionId).getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] row = rows.get(0);
        int version = ((Number) row[0]).intValue();
        String status = (String) row[1];
        UUID worker = (UUID) row[2];
        Instant updated = toInstant(row[3]);
        Cached cached = cache.get(sessionId);
        SessionState state;
        if (cached != null && cached.version() == version) {
            state = cached.state();
        } else {
            if (cached != null) {
                cached.state().releaseHeld(); // moved on elsewhere since: its held frames are stale
            }
            String text = (String) em.createNativeQuery("select state from liveness_session where session_id = :id")
                    .setParameter("id", sessionId).getSingleResult();
            state = read(text);
        }
        return Optional.of(new Locked(state, version, status, worker, updated));
    }

    /** Saves the state after a batch; the cache takes it only after commit would be ideal, so it is keyed by version. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void save(Locked locked) {
        int next = locked.version() + 1;
        em.createNativeQuery("""
                update liveness_session set state = :state, version = :version, worker_instance = :instance,
                updated_at = now() where session_id = :id""")
                .setParameter("state", write(locked.state())).setParameter("version", next)
                .setParameter("instance", instance).setParameter("id", locked.state().sessionId).executeUpdate();
        cache.put(locked.state().sessionId, new Cached(locked.state(), next));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void finish(Locked locked, LivenessVerdict verdict) {
        em.createNativeQuery("""
                update liveness_session set state = :state, version = version + 1, status = 'DONE',
                worker_instance = :instance, updated_at = now(), decision = :decision, reasons = :reasons,
                verdict = :verdict where session_id = :id""")
                .setParameter("state", write(locked.state())).setParameter("instance", instance)
                .setParameter("decision", verdict.decision().name())
                .setParameter("reasons", String.join(",", verdict.reasons()))
                .setParameter("verdict", write(verdict)).setParameter("id", locked.state().sessionId).executeUpdate();
        forget(locked.state().sessionId);
    }

    /** Evicts a session whose transaction rolled back (its cached state may hold the batch that did not commit). */
    public void evict(UUID sessionId) {
        forget(sessionId);
    }

    private void forget(UUID sessionId) {
        Cached cached = cache.remove(sessionId);
        if (cached != null) {
            cached.state().releaseHeld();
        }
    }

    /** Open sessions whose deadline plus grace has passed, locked (skipping those a worker holds right now). */
    @Transactional(Transactional.TxType.MANDATORY)
    @SuppressWarnings("unchecked")
    public List<UUID> overdue(Instant before, int limit) {
        return em.createNativeQuery("""
                select session_id from liveness_session where status = 'OPEN' and deadline < :before
                order by deadline limit :limit for update skip locked""")
                .setParameter("before", Timestamp.from(before)).setParameter("limit", limit).getResultList();
    }

    /** The stored verdict and state of a session, for the internal API. */
    @Transactional
    public Optional<Map<String, Object>> view(UUID sessionId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select status, decision, verdict, state from liveness_session where session_id = :id""")
                .setParameter("id", sessionId).getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] row = rows.get(0);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("status", row[0]);
        out.put("decision", row[1]);
        out.put("verdict", row[2] == null ? null : readTree((String) row[2]));
        out.put("state", read((String) row[3]));
        return Optional.of(out);
    }

    private static Instant toInstant(Object value) {
        if (value instanceof Timestamp t) {
            return t.toInstant();
        }
        if (value instanceof java.time.OffsetDateTime o) {
            return o.toInstant();
        }
        if (value instanceof Instant i) {
            return i;
        }
        return Instant.EPOCH;
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (Exception e) {
            throw new IllegalStateException("cannot serialise " + value.getClass().getSimpleName(), e);
        }
    }

    private SessionState read(String text) {
        try {
            return json.readValue(text, SessionState.class);
        } catch (Exception e) {
            throw new IllegalStateException("stored session state unreadable", e);
        }
    }

    private Object readTree(String text) {
        try {
            return json.readTree(text);
        } catch (Exception e) {
            return null;
        }
    }
}
