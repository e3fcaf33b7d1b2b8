package org.lifecert.liveness.worker;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Remembers the hash of every frame; a frame already seen in another session is a replayed recording. */
@ApplicationScoped
public class ReplayGuard {

    private final EntityManager em;

    public ReplayGuard(EntityManager em) {
        this.em = em;
    }

    /** Records the hash for the session; true when another session sent the identical frame before. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean seenInAnotherSession(String hash, UUID sessionId) {
        int inserted = em.createNativeQuery("insert into frame_hash (hash, session_id) values (:h, :s) on conflict do nothing")
                .setParameter("h", hash).setParameter("s", sessionId).executeUpdate();
        if (inserted == 1) {
            return false;
        }
        @SuppressWarnings("unchecked")
        List<UUID> owner = em.createNativeQuery("select session_id from frame_hash where hash = :h")
                .setParameter("h", hash).getResultList();
        return !owner.isEmpty() && !owner.get(0).equals(sessionId);
    }

    @Transactional
    public int forgetBefore(Instant before) {
        return em.createNativeQuery("delete from frame_hash where seen_at < :t").setParameter("t", Timestamp.from(before))
                .executeUpdate();
    }
}
