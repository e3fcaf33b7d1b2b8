package org.lifecert.gateway.evidence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.lifecert.gateway.config.GatewayConfig;
import org.lifecert.gateway.web.Timestamps;

/**
 * Keeps the best frames of each step for reviewers who decide appeals. "Best" is the frame with the
 * most JPEG bytes at the same quality: sharp, well-lit frames keep more detail and compress less
 * than blurred or dark ones. A cheap proxy until the verdict services report per-frame quality.
 * Frames are kept by the statement that records their batch ({@code session.BatchLedger}); this
 * class serves and deletes them.
 */
@ApplicationScoped
public class EvidenceKeeper {

    public record Frame(int stepIndex, String action, int sequence, Instant capturedAt, String jpegBase64) {
    }

    private final EntityManager em;
    private final GatewayConfig config;

    public EvidenceKeeper(EntityManager em, GatewayConfig config) {
        this.em = em;
        this.config = config;
    }

    /** The bureau of the session's evidence, null when none is kept (never taken or deleted). */
    @Transactional
    public String bureauOf(UUID sessionId) {
        @SuppressWarnings("unchecked")
        List<String> rows = em.createNativeQuery("select bureau from capture_session where session_id = :id")
                .setParameter("id", sessionId).getResultList();
        return rows.isEmpty() ? null : rows.get(0);
    }

    @Transactional
    @SuppressWarnings("unchecked")
    public List<Frame> framesOf(UUID sessionId) {
        List<Object[]> rows = em.createNativeQuery("""
                select step_index, action, sequence, captured_at, jpeg from session_evidence
                where session_id = :id and keep_until > now() order by step_index, score desc""")
                .setParameter("id", sessionId).getResultList();
        return rows.stream().map(r -> new Frame(((Number) r[0]).intValue(), (String) r[1], ((Number) r[2]).intValue(),
                Timestamps.instant(r[3]), Base64.getEncoder().encodeToString((byte[]) r[4]))).toList();
    }

    @Transactional
    public int deleteExpired() {
        return em.createNativeQuery("delete from session_evidence where keep_until <= now()").executeUpdate();
    }
}
