package org.lifecert.gateway.session;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.lifecert.events.Action;
import org.lifecert.events.CertificationChannel;
import org.lifecert.events.Envelope;
import org.lifecert.events.FrameBatchCaptured;
import org.lifecert.events.SessionCompleted;
import org.lifecert.events.SessionExpired;
import org.lifecert.events.SessionStarted;
import org.lifecert.gateway.config.GatewayConfig;
import org.lifecert.gateway.person.CertificationGate;
import org.lifecert.gateway.person.CertificationStates;
import org.lifecert.gateway.person.PersonDirectory;

import org.lifecert.messaging.MessagingConfig;
import org.lifecert.messaging.outbox.Outbox;
import org.lifecert.gateway.web.Timestamps;
import org.lifecert.platform.web.ApiException;

/**
 * Certification sessions: the challenge (DESIGN "A certification attempt", step 2) and the frames
 * uploaded for it. A batch is published to lifecert.capture.frames.v1 and recorded in one step: the
 * broker's acknowledgement is awaited inside the transaction that records the batch id, so a batch
 * is either accepted (published and recorded) or refused (neither) and the page may simply retry it.
 */
@ApplicationScoped
public class CaptureSessions {

    public record Started(UUID sessionId, UUID personId, String personName, String nonce, Instant deadline,
            List<SessionStarted.ChallengeStep> steps) {
    }

    public record Accepted(UUID batchId, boolean duplicate, String sessionStatus) {
    }

    private final EntityManager em;
    private final GatewayConfig config;
    private final PersonDirectory directory;
    private final CertificationStates states;
    private final Outbox outbox;
    private final FramePublisher publisher;
    private final BatchLedger ledger;
    private final SessionCache cache = new SessionCache(100_000);
    private final String source;
    private final ChallengeIssuer issuer;
    private final FrameChecks frameChecks;
    private final SecureRandom random = new SecureRandom();

    public CaptureSessions(EntityManager em, GatewayConfig config, PersonDirectory directory, CertificationStates states,
            Outbox outbox, FramePublisher publisher, BatchLedger ledger, MessagingConfig messaging) {
        this.em = em;
        this.config = config;
        this.directory = directory;
        this.states = states;
        this.outbox = outbox;
        this.publisher = publisher;
        this.ledger = ledger;
        this.source = messaging.source();
        this.issuer = new ChallengeIssuer(config.challenge().actions(), config.challenge().minActions(),
                config.challenge().maxActions());
        this.frameChecks = new FrameChecks(config.upload().maxFrameBytes(), config.upload().minDimension(),
                config.upload().maxDimension());
    }

    public Started start(UUID actingPersonId, UUID requestedPersonId) {
        UUID personId = requestedPersonId == null ? actingPersonId : requestedPersonId;
        if (!personId.equals(actingPersonId)
                && directory.relativesOf(actingPersonId).stream().noneMatch(r -> r.personId().equals(personId))) {
            throw SessionRefusals.notLinked();
        }
        PersonDirectory.Person person = directory.byId(personId).orElseThrow(() -> new ApiException(404,
                "NOT_COLLECTED", CertificationGate.NOT_COLLECTED, "person not in the enrollment projection"));
        if (!person.active()) {
            throw new ApiException(403, "PERSON_INACTIVE", "该人员待遇资格状态异常，请联系当地社保局",
                    "person status " + person.status());
        }
        CertificationGate.Verdict verdict = states.verdictFor(personId);
        if (!verdict.allowed()) {
            throw new ApiException(409, "STATE_" + verdict.state(), verdict.message(),
                    "certification state " + verdict.state() + " allows no attempt");
        }
        return QuarkusTransaction.requiringNew().call(() -> {
            List<Action> actions = issuer.draw(previousActions(personId));
            int seconds = config.challenge().actionSeconds();
            Instant now = Instant.now();
            Instant deadline = now.plusSeconds((long) seconds * actions.size()).plus(config.challenge().grace());
            byte[] nonceBytes = new byte[24];
            random.nextBytes(nonceBytes);
            String nonce = Base64.getUrlEncoder().withoutPadding().encodeToString(nonceBytes);
            UUID sessionId = UUID.randomUUID();
            em.createNativeQuery("""
                    insert into capture_session (session_id, person_id, acting_person_id, bureau, actions, action_seconds,
                      nonce, started_at, deadline, status)
                    values (:id, :person, :acting, :bureau, :actions, :seconds, :nonce, :started, :deadline, 'STARTED')""")
                    .setParameter("id", sessionId).setParameter("person", personId).setParameter("acting", actingPersonId)
                    .setParameter("bureau", person.bureau()).setParameter("actions", SessionRow.joinActions(actions))
                    .setParameter("seconds", seconds).setParameter("nonce", nonce).setParameter("started", now)
                    .setParameter("deadline", deadline).executeUpdate();
            cache.put(new SessionRow(sessionId, personId, actingPersonId, person.bureau(), actions, seconds, nonce, now,
                    deadline, SessionRow.STARTED));
            List<SessionStarted.ChallengeStep> steps = new ArrayList<>();
            for (int i = 0; i < actions.size(); i++) {
                steps.add(new SessionStarted.ChallengeStep(i, actions.get(i), seconds));
            }
            boolean proxy = !personId.equals(actingPersonId);
            outbox.publish(Envelope.of(source, personId.toString(), person.bureau(), new SessionStarted(sessionId, personId,
                    steps, nonce, deadline, proxy ? CertificationChannel.RELATIVE : CertificationChannel.SELF_SERVICE,
                    proxy ? actingPersonId : null)));
            return new Started(sessionId, personId, person.displayName(), nonce, deadline, List.copyOf(steps));
        });
    }

    /**
     * Validates, records and publishes one batch; see the class comment for the all-or-nothing rule.
     * Owner, nonce, step and deadline come from the cached session facts, the frames are checked in
     * memory, and PostgreSQL is reached twice: the one recording statement ({@link BatchLedger}) and
     * the commit after Kafka's acknowledgement.
     */
    public Accepted accept(UUID sessionId, UUID callerPersonId, BatchUpload batch) {
        if (batch == null || batch.batchId() == null || batch.stepIndex() == null || batch.nonce() == null) {
            throw SessionRefusals.badBatch("BATCH_INCOMPLETE", "batchId, stepIndex, nonce and frames are required");
        }
        SessionRow session = cache.get(sessionId, id -> find(id, false));
        if (session == null) {
            throw SessionRefusals.notFound();
        }
        if (!session.actingPersonId().equals(callerPersonId)) {
            throw SessionRefusals.foreign();
        }
        if (!MessageDigest.isEqual(session.nonce().getBytes(StandardCharsets.UTF_8),
                batch.nonce().getBytes(StandardCharsets.UTF_8))) {
            throw SessionRefusals.wrongNonce();
        }
        CheckedBatch checked = checkedFrames(batch);
        if (batch.stepIndex() < 0 || batch.stepIndex() >= session.actions().size()) {
            throw SessionRefusals.stepInvalid("step " + batch.stepIndex() + " not in a challenge of "
                    + session.actions().size() + " steps");
        }
        Accepted accepted = QuarkusTransaction.requiringNew().call(() -> record(session, batch, checked));
        if (accepted == null) {
            // Another request inserted the same batch id meanwhile and committed: answer as to a repeat.
            Accepted earlier = earlierAcceptance(sessionId, batch.batchId(), checked.contentHash());
            if (earlier == null) {
                throw SessionRefusals.replayed();
            }
            return earlier;
        }
        return accepted;
    }

    private Accepted record(SessionRow session, BatchUpload batch, CheckedBatch checked) {
        BatchLedger.Outcome outcome = ledger.record(session, batch.batchId(), batch.stepIndex(), checked.frames().size(),
                checked.contentHash(), batch.lastBatchOfSession(), checked.best());
        if (outcome.status() == null) {
            throw SessionRefusals.notFound();
        }
        if (outcome.earlierSession() != null) {
            if (session.sessionId().equals(outcome.earlierSession()) && checked.contentHash().equals(outcome.earlierHash())) {
                return new Accepted(batch.batchId(), true, outcome.status());
            }
            throw SessionRefusals.replayed();
        }
        if (!outcome.recorded()) {
            if (SessionRow.COMPLETED.equals(outcome.status())) {
                throw SessionRefusals.closed();
            }
            if (SessionRow.EXPIRED.equals(outcome.status()) || !outcome.beforeDeadline()) {
                throw SessionRefusals.expired();
            }
            return null;
        }
        String status = SessionRow.STARTED;
        if (batch.lastBatchOfSession()) {
            outbox.publish(Envelope.of(source, session.personId().toString(), session.bureau(), new SessionCompleted(
                    session.sessionId(), session.personId(), outcome.batchCount(), outcome.frameCount())));
            status = SessionRow.COMPLETED;
        }
        FrameBatchCaptured event = new FrameBatchCaptured(session.sessionId(), session.personId(), batch.batchId(),
                batch.stepIndex(), session.actions().get(batch.stepIndex()), session.nonce(), checked.frames(),
                batch.lastBatchOfStep(), batch.lastBatchOfSession(), session.proxy() ? session.actingPersonId() : null,
                session.deadline());
        try {
            publisher.publish(Envelope.of(source, session.personId().toString(), session.bureau(), event))
                    .get(config.upload().publishTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw SessionRefusals.publishFailed("interrupted while publishing");
        } catch (ExecutionException | TimeoutException e) {
            throw SessionRefusals.publishFailed("frames not acknowledged by Kafka: " + e);
        }
        return new Accepted(batch.batchId(), false, status);
    }

    /** The frames as published, the hash that tells a repeat from a replay, the frame to keep as evidence. */
    private record CheckedBatch(List<FrameBatchCaptured.Frame> frames, String contentHash, BatchLedger.EvidenceFrame best) {
    }

    private CheckedBatch checkedFrames(BatchUpload batch) {
        if (batch.frames() == null || batch.frames().isEmpty()) {
            throw SessionRefusals.badBatch("BATCH_EMPTY", "a batch carries at least one frame");
        }
        if (batch.frames().size() > config.upload().maxFramesPerBatch()) {
            throw SessionRefusals.badBatch("TOO_MANY_FRAMES", batch.frames().size() + " frames, at most "
                    + config.upload().maxFramesPerBatch() + " per batch");
        }
        long total = 0;
        Set<Integer> sequences = new HashSet<>();
        List<FrameBatchCaptured.Frame> frames = new ArrayList<>(batch.frames().size());
        MessageDigest digest = sha256();
        digest.update(Integer.toString(batch.stepIndex()).getBytes(StandardCharsets.UTF_8));
        BatchLedger.EvidenceFrame best = null;
        for (BatchUpload.FrameUpload f : batch.frames()) {
            if (f == null || f.jpegBase64() == null || f.capturedAt() == null) {
                throw SessionRefusals.badBatch("FRAME_INCOMPLETE", "every frame needs sequence, capturedAt and jpegBase64");
            }
            if (!sequences.add(f.sequence())) {
                throw SessionRefusals.badBatch("SEQUENCE_REPEATED", "sequence " + f.sequence() + " appears twice");
            }
            byte[] jpeg;
            try {
                jpeg = Base64.getDecoder().decode(f.jpegBase64());
            } catch (IllegalArgumentException e) {
                throw new ApiException(400, "NOT_JPEG", FrameChecks.NOT_JPEG, "frame " + f.sequence() + " is not base64");
            }
            total += jpeg.length;
            if (total > config.upload().maxBatchBytes()) {
                throw SessionRefusals.batchTooLarge("batch exceeds " + config.upload().maxBatchBytes() + " bytes");
            }
            frameChecks.check(f.sequence(), jpeg);
            digest.update((f.sequence() + "|" + f.capturedAt() + "|").getBytes(StandardCharsets.UTF_8));
            digest.update(jpeg);
            // Most JPEG bytes at equal quality: the sharpest, best-lit frame (EvidenceKeeper's rule).
            if (best == null || jpeg.length > best.jpeg().length) {
                best = new BatchLedger.EvidenceFrame(f.sequence(), f.capturedAt(), jpeg);
            }
            // observed only when true: a hint for the analysis, not part of the content the hash identifies
            frames.add(new FrameBatchCaptured.Frame(f.sequence(), f.capturedAt(), f.jpegBase64(),
                    Boolean.TRUE.equals(f.observed()) ? Boolean.TRUE : null));
        }
        return new CheckedBatch(frames, HexFormat.of().formatHex(digest.digest()), best);
    }

    /** The earlier acceptance of this very batch (same session, same content), null if new; refuses a replay. */
    private Accepted earlierAcceptance(UUID sessionId, UUID batchId, String contentHash) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = QuarkusTransaction.joiningExisting().call(() -> em.createNativeQuery("""
                select b.session_id, b.content_hash, s.status from frame_batch b join capture_session s using (session_id)
                where b.batch_id = :batch""").setParameter("batch", batchId).getResultList());
        if (rows.isEmpty()) {
            return null;
        }
        if (sessionId.equals(rows.get(0)[0]) && contentHash.equals(rows.get(0)[1])) {
            return new Accepted(batchId, true, (String) rows.get(0)[2]);
        }
        throw SessionRefusals.replayed();
    }

    public SessionRow find(UUID sessionId, boolean lock) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = QuarkusTransaction.joiningExisting().call(() -> em.createNativeQuery("""
                select session_id, person_id, acting_person_id, bureau, actions, action_seconds, nonce, started_at,
                  deadline, status from capture_session where session_id = :id""" + (lock ? " for update" : ""))
                .setParameter("id", sessionId).getResultList());
        if (rows.isEmpty()) {
            return null;
        }
        Object[] r = rows.get(0);
        return new SessionRow((UUID) r[0], (UUID) r[1], (UUID) r[2], (String) r[3], SessionRow.parseActions((String) r[4]),
                ((Number) r[5]).intValue(), (String) r[6], Timestamps.instant(r[7]),
                Timestamps.instant(r[8]), (String) r[9]);
    }

    private List<Action> previousActions(UUID personId) {
        @SuppressWarnings("unchecked")
        List<String> rows = em.createNativeQuery(
                "select actions from capture_session where person_id = :id order by started_at desc limit 1")
                .setParameter("id", personId).getResultList();
        return rows.isEmpty() ? List.of() : SessionRow.parseActions(rows.get(0));
    }

    /** Forgets cached sessions a minute past their deadline (no batch can be accepted for them any more). */
    public int forgetEnded() {
        return cache.evictEndedBefore(Instant.now(), java.time.Duration.ofMinutes(1));
    }

    /** Marks sessions past their deadline as expired and announces it; returns how many. */
    public int expireOverdue() {
        return QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("""
                    update capture_session set status = 'EXPIRED', closed_at = now()
                    where session_id in (select session_id from capture_session where status = 'STARTED' and deadline < now()
                                         order by deadline limit 200 for update skip locked)
                    returning session_id, person_id, bureau""").getResultList();
            for (Object[] r : rows) {
                outbox.publish(Envelope.of(source, r[1].toString(), (String) r[2],
                        new SessionExpired((UUID) r[0], (UUID) r[1], "DEADLINE_PASSED")));
            }
            return rows.size();
        });
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
