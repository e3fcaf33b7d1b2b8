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
import org.lifecert.gateway.evidence.EvidenceKeeper;
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
    private final EvidenceKeeper evidence;
    private final String source;
    private final ChallengeIssuer issuer;
    private final FrameChecks frameChecks;
    private final SecureRandom random = new SecureRandom();

    public CaptureSessions(EntityManager em, GatewayConfig config, PersonDirectory directory, CertificationStates states,
            Outbox outbox, FramePublisher publisher, EvidenceKeeper evidence, MessagingConfig messaging) {
        this.em = em;
        this.config = config;
        this.directory = directory;
        this.states = states;
        this.outbox = outbox;
        this.publisher = publisher;
        this.evidence = evidence;
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

    /** Validates, publishes and records one batch; see the class comment for the all-or-nothing rule. */
    public Accepted accept(UUID sessionId, UUID callerPersonId, BatchUpload batch) {
        if (batch == null || batch.batchId() == null || batch.stepIndex() == null || batch.nonce() == null) {
            throw SessionRefusals.badBatch("BATCH_INCOMPLETE", "batchId, stepIndex, nonce and frames are required");
        }
        SessionRow session = find(sessionId, false);
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
        List<FrameBatchCaptured.Frame> frames = checkedFrames(batch);
        String contentHash = contentHash(batch.stepIndex(), frames);
        Accepted earlier = earlierAcceptance(sessionId, batch.batchId(), contentHash);
        if (earlier != null) {
            return earlier;
        }
        refuseUnlessOpen(session);
        if (batch.stepIndex() < 0 || batch.stepIndex() >= session.actions().size()) {
            throw SessionRefusals.stepInvalid("step " + batch.stepIndex() + " not in a challenge of "
                    + session.actions().size() + " steps");
        }
        return QuarkusTransaction.requiringNew().call(() -> record(sessionId, batch, frames, contentHash));
    }

    private Accepted record(UUID sessionId, BatchUpload batch, List<FrameBatchCaptured.Frame> frames, String contentHash) {
        SessionRow session = find(sessionId, true);
        refuseUnlessOpen(session);
        int inserted = em.createNativeQuery("""
                insert into frame_batch (batch_id, session_id, step_index, frame_count, content_hash)
                values (:batch, :session, :step, :frames, :hash) on conflict (batch_id) do nothing""")
                .setParameter("batch", batch.batchId()).setParameter("session", sessionId)
                .setParameter("step", batch.stepIndex()).setParameter("frames", frames.size())
                .setParameter("hash", contentHash).executeUpdate();
        if (inserted == 0) {
            Accepted earlier = earlierAcceptance(sessionId, batch.batchId(), contentHash);
            if (earlier != null) {
                return earlier;
            }
            throw SessionRefusals.replayed();
        }
        Object[] counts = (Object[]) em.createNativeQuery("""
                update capture_session set batch_count = batch_count + 1, frame_count = frame_count + :frames
                where session_id = :id returning batch_count, frame_count""")
                .setParameter("frames", frames.size()).setParameter("id", sessionId).getSingleResult();
        Action action = session.actions().get(batch.stepIndex());
        evidence.keep(session, batch.stepIndex(), action, frames);
        String status = SessionRow.STARTED;
        if (batch.lastBatchOfSession()) {
            em.createNativeQuery("update capture_session set status = 'COMPLETED', closed_at = now() where session_id = :id")
                    .setParameter("id", sessionId).executeUpdate();
            outbox.publish(Envelope.of(source, session.personId().toString(), session.bureau(), new SessionCompleted(
                    sessionId, session.personId(), ((Number) counts[0]).intValue(), ((Number) counts[1]).intValue())));
            status = SessionRow.COMPLETED;
        }
        FrameBatchCaptured event = new FrameBatchCaptured(sessionId, session.personId(), batch.batchId(),
                batch.stepIndex(), action, session.nonce(), frames, batch.lastBatchOfStep(), batch.lastBatchOfSession(),
                session.proxy() ? session.actingPersonId() : null, session.deadline());
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

    private List<FrameBatchCaptured.Frame> checkedFrames(BatchUpload batch) {
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
            frames.add(new FrameBatchCaptured.Frame(f.sequence(), f.capturedAt(), f.jpegBase64()));
        }
        return frames;
    }

    private void refuseUnlessOpen(SessionRow session) {
        if (SessionRow.EXPIRED.equals(session.status())) {
            throw SessionRefusals.expired();
        }
        if (SessionRow.COMPLETED.equals(session.status())) {
            throw SessionRefusals.closed();
        }
        if (Instant.now().isAfter(session.deadline())) {
            throw SessionRefusals.expired();
        }
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

    private static String contentHash(int step, List<FrameBatchCaptured.Frame> frames) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(Integer.toString(step).getBytes(StandardCharsets.UTF_8));
            for (FrameBatchCaptured.Frame f : frames) {
                digest.update((f.sequence() + "|" + f.capturedAt() + "|").getBytes(StandardCharsets.UTF_8));
                digest.update(f.jpegBase64().getBytes(StandardCharsets.US_ASCII));
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
