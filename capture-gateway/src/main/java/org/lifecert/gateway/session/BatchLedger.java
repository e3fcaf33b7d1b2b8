package org.lifecert.gateway.session;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.lifecert.gateway.config.GatewayConfig;

/**
 * Records an accepted frame batch in one statement (one round trip to PostgreSQL): locks the
 * session row, reads its status and deadline and any earlier batch with this id, and only when the
 * session is open and the id new inserts the batch, counts it, closes the session on its last batch
 * and keeps the best frame as evidence (dropping the step's frames it beats beyond the configured
 * number). Runs in the caller's transaction, which stays open until Kafka acknowledged the frames.
 * The row lock orders the batches of one session; the statement's snapshot is taken before it waits
 * for that lock, so a racing batch with the same id is caught by the unique key instead (no row
 * inserted, the caller then reads the committed one), and two racing batches of one step may leave
 * one evidence frame more than configured.
 */
@ApplicationScoped
public class BatchLedger {

    /** What the statement found and did; {@code status} null when the session does not exist. */
    public record Outcome(String status, boolean beforeDeadline, UUID earlierSession, String earlierHash,
            Integer batchCount, Integer frameCount) {

        public boolean recorded() {
            return batchCount != null;
        }
    }

    /** The frame kept as evidence if it is among the step's best. */
    public record EvidenceFrame(int sequence, Instant capturedAt, byte[] jpeg) {
    }

    private static final String RECORD = """
            with s as (
              select status, deadline > now() as before_deadline from capture_session where session_id = :session for update
            ), earlier as (
              select session_id, content_hash from frame_batch where batch_id = :batch
            ), ins as (
              insert into frame_batch (batch_id, session_id, step_index, frame_count, content_hash)
              select :batch, :session, :step, :frames, :hash from s
              where s.status = 'STARTED' and s.before_deadline and not exists (select 1 from earlier)
              on conflict (batch_id) do nothing
              returning batch_id
            ), counted as (
              update capture_session c set batch_count = c.batch_count + 1, frame_count = c.frame_count + :frames,
                status = case when :last then 'COMPLETED' else c.status end,
                closed_at = case when :last then now() else c.closed_at end
              where c.session_id = :session and exists (select 1 from ins)
              returning c.batch_count, c.frame_count
            ), kept as (
              insert into session_evidence (session_id, bureau, step_index, action, sequence, captured_at, score, jpeg, keep_until)
              select :session, :bureau, :step, :action, :sequence, :captured, :score, :jpeg, :keepUntil
              where exists (select 1 from ins) and (select count(*) from session_evidence
                where session_id = :session and step_index = :step and score >= :score) < :keep
              returning id
            ), dropped as (
              delete from session_evidence e where exists (select 1 from kept) and e.score < :score and e.id in (
                select id from session_evidence where session_id = :session and step_index = :step
                order by score desc, id offset :beyond)
              returning e.id
            )
            select (select status from s), (select before_deadline from s), (select session_id from earlier),
              (select content_hash from earlier), (select batch_count from counted), (select frame_count from counted)""";

    /** RECORD with its named parameters turned into JDBC's positional ones, and their order. */
    private static final String SQL;
    private static final List<String> ORDER = new ArrayList<>();

    static {
        Matcher m = Pattern.compile("(?<!:):([a-zA-Z]+)").matcher(RECORD);
        StringBuilder sql = new StringBuilder();
        while (m.find()) {
            ORDER.add(m.group(1));
            m.appendReplacement(sql, "?");
        }
        m.appendTail(sql);
        SQL = sql.toString();
    }

    private final DataSource dataSource;
    private final GatewayConfig config;

    public BatchLedger(DataSource dataSource, GatewayConfig config) {
        this.dataSource = dataSource;
        this.config = config;
    }

    /**
     * Plain JDBC on the transaction's connection (the pool hands the same enlisted connection to
     * everyone in one JTA transaction): Hibernate's native-query path cost about a tenth of a batch's
     * CPU for a statement that maps no entity.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Outcome record(SessionRow session, UUID batchId, int stepIndex, int frameCount, String contentHash,
            boolean lastOfSession, EvidenceFrame best) {
        Map<String, Object> values = new HashMap<>();
        values.put("session", session.sessionId());
        values.put("batch", batchId);
        values.put("step", stepIndex);
        values.put("frames", frameCount);
        values.put("hash", contentHash);
        values.put("last", lastOfSession);
        values.put("bureau", session.bureau());
        values.put("action", session.actions().get(stepIndex).name());
        values.put("sequence", best.sequence());
        values.put("captured", best.capturedAt().atOffset(ZoneOffset.UTC));
        values.put("score", (long) best.jpeg().length);
        values.put("jpeg", best.jpeg());
        values.put("keepUntil", Instant.now().plus(config.evidence().retention()).atOffset(ZoneOffset.UTC));
        values.put("keep", config.evidence().framesPerStep());
        values.put("beyond", config.evidence().framesPerStep() - 1);
        try (Connection c = dataSource.getConnection(); PreparedStatement q = c.prepareStatement(SQL)) {
            for (int i = 0; i < ORDER.size(); i++) {
                Object v = values.get(ORDER.get(i));
                if (v == null) {
                    throw new IllegalStateException("no value for :" + ORDER.get(i));
                }
                if (v instanceof byte[] bytes) {
                    q.setBytes(i + 1, bytes);
                } else {
                    q.setObject(i + 1, v);
                }
            }
            try (ResultSet r = q.executeQuery()) {
                r.next();
                String status = r.getString(1);
                boolean beforeDeadline = r.getBoolean(2);
                UUID earlierSession = r.getObject(3, UUID.class);
                String earlierHash = r.getString(4);
                Integer batchCount = (Integer) r.getObject(5);
                Integer frames = (Integer) r.getObject(6);
                return new Outcome(status, beforeDeadline, earlierSession, earlierHash, batchCount, frames);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot record batch " + batchId + ": " + e.getMessage(), e);
        }
    }
}
