package org.lifecert.gateway.evidence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.lifecert.events.Action;
import org.lifecert.events.FrameBatchCaptured;
import org.lifecert.gateway.config.GatewayConfig;
import org.lifecert.gateway.session.SessionRow;
import org.lifecert.gateway.web.Timestamps;

/**
 * Keeps the best frames of each step for reviewers who decide appeals. "Best" is the frame with the
 * most JPEG bytes at the same quality: sharp, well-lit frames keep more detail and compress less
 * than blurred or dark ones. A cheap proxy until the verdict services report per-frame quality.
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

    @Transactional(Transactional.TxType.MANDATORY)
    public void keep(SessionRow session, int stepIndex, Action action, List<FrameBatchCaptured.Frame> frames) {
        FrameBatchCaptured.Frame best = frames.stream()
                .max(Comparator.comparingInt(f -> f.jpegBase64().length())).orElseThrow();
        byte[] jpeg = Base64.getDecoder().decode(best.jpegBase64());
        em.createNativeQuery("""
                insert into session_evidence (session_id, bureau, step_index, action, sequence, captured_at, score, jpeg, keep_until)
                values (:session, :bureau, :step, :action, :sequence, :captured, :score, :jpeg, :keep)""")
                .setParameter("session", session.sessionId()).setParameter("bureau", session.bureau())
                .setParameter("step", stepIndex).setParameter("action", action.name())
                .setParameter("sequence", best.sequence()).setParameter("captured", best.capturedAt())
                .setParameter("score", (long) jpeg.length).setParameter("jpeg", jpeg)
                .setParameter("keep", Instant.now().plus(config.evidence().retention())).executeUpdate();
        em.createNativeQuery("""
                delete from session_evidence where session_id = :session and step_index = :step and id not in (
                  select id from session_evidence where session_id = :session and step_index = :step
                  order by score desc, id limit :keep)""")
                .setParameter("session", session.sessionId()).setParameter("step", stepIndex)
                .setParameter("keep", config.evidence().framesPerStep()).executeUpdate();
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
