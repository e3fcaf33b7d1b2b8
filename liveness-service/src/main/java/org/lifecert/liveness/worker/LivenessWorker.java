package org.lifecert.liveness.worker;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.lifecert.events.Envelope;
import org.lifecert.events.EventData;
import org.lifecert.events.FrameBatchCaptured;
import org.lifecert.events.LivenessVerdict;
import org.lifecert.events.Topics;
import org.lifecert.liveness.action.LivenessReason;
import org.lifecert.liveness.action.StepJudge;
import org.lifecert.liveness.config.LivenessConfig;
import org.lifecert.liveness.frame.AnalysedFrame;
import org.lifecert.liveness.frame.FrameAnalyzer;
import org.lifecert.liveness.frame.FramePool;
import org.lifecert.liveness.frame.FrameHashes;
import org.lifecert.liveness.frame.HeldImage;
import org.lifecert.liveness.frame.HeldImages;
import org.lifecert.liveness.session.FrameTimeline;
import org.lifecert.liveness.session.HeldFrames;
import org.lifecert.liveness.session.SessionState;
import org.lifecert.liveness.session.VerdictComposer;
import org.lifecert.messaging.MessagingConfig;
import org.lifecert.messaging.consumer.EventConsumers;
import org.lifecert.messaging.outbox.Outbox;

/**
 * Consumes FrameBatchCaptured (keyed by session: one session's batches reach one worker, in order) and keeps each
 * session's working state until its last batch, then publishes the LivenessVerdict.
 *
 * <p>The verdict goes through the outbox, in the transaction that marks the session DONE and records the batch in the
 * inbox: a worker killed at any point either committed all three or none, so the redelivered batch produces the
 * verdict exactly once. A direct publish could be sent and then lost with the rollback of the session row (a second
 * verdict on redelivery) or committed without being sent (no verdict).
 */
@ApplicationScoped
public class LivenessWorker {

    private static final Logger LOG = Logger.getLogger(LivenessWorker.class);

    private final LivenessConfig config;
    private final EventConsumers consumers;
    private final FrameAnalyzer analyzer;
    private final SessionStore store;
    private final ReplayGuard replays;
    private final Outbox outbox;
    private final MessagingConfig messaging;
    private final MeterRegistry registry;
    private final VerdictComposer composer;
    private final FrameTimeline timeline;
    private final Timer batchTimer;
    private final boolean autoStart;
    private final FramePool framePool;
    private final StepScorer scorer;
    private final HeldImages heldImages;

    public LivenessWorker(LivenessConfig config, EventConsumers consumers, FrameAnalyzer analyzer, SessionStore store,
                          ReplayGuard replays, Outbox outbox, MessagingConfig messaging, MeterRegistry registry) {
        this.config = config;
        this.consumers = consumers;
        this.analyzer = analyzer;
        this.store = store;
        this.replays = replays;
        this.outbox = outbox;
        this.messaging = messaging;
        this.registry = registry;
        this.composer = new VerdictComposer(new StepJudge(config), config.frames().continuityThreshold(),
                config.frames().antiSpoofThreshold());
        this.timeline = new FrameTimeline(config.session().maxDuration(), config.frames().clockSkew());
        this.batchTimer = Timer.builder("lifecert.liveness.batch").publishPercentileHistogram().register(registry);
        this.autoStart = config.consumerEnabled();
        this.framePool = new FramePool(config.frameThreads());
        this.scorer = new StepScorer(analyzer, registry);
        this.heldImages = new HeldImages(config.frames().heldImageBudget().asLongValue());
        registry.gauge("lifecert.liveness.held.image.bytes", heldImages, HeldImages::usedBytes);
    }

    void onStart(@Observes StartupEvent event) {
        if (autoStart) {
            start();
        }
    }

    @jakarta.annotation.PreDestroy
    void stopFrameThreads() {
        framePool.close();
    }

    /** Starts the consumer threads ({@code lifecert.liveness.concurrency} sessions at once). */
    public void start() {
        consumers.start(config.consumerGroup(), List.of(Topics.CAPTURE_FRAMES), config.concurrency(), this::handle);
    }

    /** Called by the consumer loop inside the inbox transaction. */
    void handle(Envelope<? extends EventData> event) {
        if (!(event.data() instanceof FrameBatchCaptured batch)) {
            return;
        }
        require(batch);
        try {
            Timer.Sample sample = Timer.start(registry);
            apply(event, batch);
            sample.stop(batchTimer);
        } catch (RuntimeException e) {
            store.evict(batch.sessionId());
            throw e;
        }
    }

    private static void require(FrameBatchCaptured batch) {
        if (batch.sessionId() == null || batch.personId() == null || batch.batchId() == null
                || batch.action() == null || batch.frames() == null) {
            throw new IllegalArgumentException("frame batch lacks sessionId, personId, batchId, action or frames");
        }
    }

    private void apply(Envelope<? extends EventData> event, FrameBatchCaptured batch) {
        SessionStore.Locked locked = store.lockOrCreate(batch.sessionId(), batch.personId(),
                event.bureau() == null ? "" : event.bureau(), batch.sessionDeadline());
        SessionState state = locked.state();
        if (SessionStore.DONE.equals(locked.status())) {
            registry.counter("lifecert.liveness.batches", "outcome", "late").increment();
            return;
        }
        if (state.batchIds.contains(batch.batchId())) {
            registry.counter("lifecert.liveness.batches", "outcome", "duplicate").increment();
            return;
        }
        state.batchIds.add(batch.batchId());
        if (state.deadline == null && batch.sessionDeadline() != null) {
            state.deadline = batch.sessionDeadline();
        }
        SessionState.Step step = state.step(batch.stepIndex(), batch.action());

        // frames in capture order, each with only the stages its action needs; the batch's best frames (by quality,
        // one face) join the step's held best frames; when the step ends, those get anti-spoofing and the best one the
        // embedding (once per step, not per batch: a browser step arrives in several batches)
        List<FrameBatchCaptured.Frame> frames = batch.frames().stream()
                .sorted(Comparator.comparingInt(FrameBatchCaptured.Frame::sequence)).toList();
        int keep = Math.max(1, config.frames().bestPerStep());
        // the engine works on the frames (on the frame threads) while this thread checks time and replays
        // (steps without head pose detect the face on every detect-every-th frame and follow it in between; turn
        // and nod steps detect and measure the pose about every pose-interval; a frame the page observed is always
        // measured in full: the page ends a step early on what it saw there, so the decision must include it)
        FramePool.Pending pending = framePool.start(frames,
                FrameAnalyzer.detectEvery(step.action, config.frames().detectEvery(), batch.medianFrameGapMillis(),
                        config.frames().poseInterval().toMillis()),
                FrameBatchCaptured.Frame::wasObserved,
                (frame, track) -> analyzer.analyze(frame.sequence(), frame.capturedAt(), frame.jpegBase64(),
                        step.action, track));
        try {
            for (FrameBatchCaptured.Frame frame : frames) {
                if (!timeline.accept(state, frame.sequence(), frame.capturedAt())) {
                    state.flag(LivenessReason.FRAME_TIME_INVALID);
                }
            }
            if (replays.anySeenInAnotherSession(frames.stream().map(f -> FrameHashes.sha256(f.jpegBase64())).toList(),
                    state.sessionId)) {
                state.flag(LivenessReason.REPLAY_SUSPECTED);
            }
        } catch (RuntimeException e) {
            pending.discard();
            throw e;
        }
        List<AnalysedFrame> analysed = pending.await();
        // this batch's frames by their index in the step's frame list, open until the step is scored; a frame offered
        // to the step's held frames with its image belongs to them from then on (freed when it drops out)
        Map<Integer, AnalysedFrame> open = new HashMap<>();
        Set<AnalysedFrame> handedOver = Collections.newSetFromMap(new IdentityHashMap<>());
        try {
            HeldFrames held = SessionState.held(step, keep);
            for (int i = 0; i < analysed.size(); i++) {
                AnalysedFrame frame = analysed.get(i);
                step.frames.add(frame.signal());
                state.framesSeen++;
                int index = step.frames.size() - 1;
                HeldImage image = frame.signal().faces() == 1 ? heldImages.retain(frame).orElse(null) : null;
                if (image == null) {
                    open.put(index, frame);
                } else {
                    handedOver.add(frame);
                }
                if (frame.signal().faces() == 1) {
                    held.offer(new HeldFrames.Held(index, frame.signal().quality(), frame.signal().sequence(),
                            frame.signal().atMillis(), frames.get(i).jpegBase64(), image));
                }
            }
            if (batch.lastBatchOfStep() || batch.lastBatchOfSession()) {
                scorer.score(step, open);
            }
        } finally {
            analysed.stream().filter(frame -> !handedOver.contains(frame)).forEach(AnalysedFrame::close);
        }
        if (batch.lastBatchOfStep()) {
            composer.completeStep(step);
        }
        if (batch.lastBatchOfSession()) {
            state.steps.values().stream().filter(s -> !s.complete && s != step).forEach(s -> scorer.score(s, Map.of()));
            state.steps.values().forEach(composer::completeStep);
            finish(locked, event.bureau(), null);
        } else {
            store.save(locked);
        }
    }

    /** Decides the session, stores the verdict and puts it into the outbox, in the caller's transaction. */
    void finish(SessionStore.Locked locked, String bureau, LivenessReason extra) {
        SessionState state = locked.state();
        LivenessVerdict verdict = composer.compose(state, extra);
        store.finish(locked, verdict);
        outbox.publish(Envelope.of(messaging.source(), state.personId.toString(),
                bureau == null || bureau.isEmpty() ? state.bureau : bureau, verdict));
        registry.counter("lifecert.liveness.verdicts", "decision", verdict.decision().name(),
                "reason", verdict.reasons().isEmpty() ? "none" : verdict.reasons().get(0)).increment();
        LOG.infof("session %s: liveness %s %s", state.sessionId, verdict.decision(), verdict.reasons());
    }

    public Duration grace() {
        return config.session().grace();
    }

    UUID instance() {
        return store.instance();
    }
}
