package org.lifecert.liveness.worker;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** Remembers the hash of every frame; a frame already seen in another session is a replayed recording. */
@ApplicationScoped
public class ReplayGuard {

    private final EntityManager em;

    public ReplayGuard(EntityManager em) {
        this.em = em;
    }

    /**
     * Records a batch's frame hashes for the session, in one statement; true when another session sent one of the
     * identical frames before. The hashes are inserted in sorted order, so two batches sharing frames wait for each
     * other instead of deadlocking. A hash already present is looked up by a second statement: it sees a row that a
     * concurrent session committed while the insert waited for it.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean anySeenInAnotherSession(Collection<String> hashes, UUID sessionId) {
        List<String> sorted = hashes.stream().distinct().sorted().toList();
        if (sorted.isEmpty()) {
            return false;
        }
        String rows = IntStream.range(0, sorted.size()).mapToObj(i -> "(:h" + i + ", :s)").collect(Collectors.joining(", "));
        Query insert = em.createNativeQuery("insert into frame_hash (hash, session_id) values " + rows
                + " on conflict do nothing").setParameter("s", sessionId);
        for (int i = 0; i < sorted.size(); i++) {
            insert.setParameter("h" + i, sorted.get(i));
        }
        if (insert.executeUpdate() == sorted.size()) {
            return false;
        }
        Number others = (Number) em.createNativeQuery(
                        "select count(*) from frame_hash where hash in (:hashes) and session_id <> :s")
                .setParameter("hashes", sorted).setParameter("s", sessionId).getSingleResult();
        return others.longValue() > 0;
    }

    @Transactional
    public int forgetBefore(Instant before) {
        return em.createNativeQuery("delete from frame_hash where seen_at < :t").setParameter("t", Timestamp.from(before))
                .executeUpdate();
    }
}
