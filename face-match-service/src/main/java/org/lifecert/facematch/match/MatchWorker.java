package org.lifecert.facematch.match;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;
import org.lifecert.events.Envelope;
import org.lifecert.events.EventData;
import org.lifecert.events.FrameBatchCaptured;
import org.lifecert.events.MatchVerdict;
import org.lifecert.events.Topics;
import org.lifecert.face.AnalysisOptions;
import org.lifecert.face.FaceEngine;
import org.lifecert.face.FaceObservation;
import org.lifecert.face.FaceTemplate;
import org.lifecert.face.ImageAnalysis;
import org.lifecert.face.StageTimings;
import org.lifecert.facematch.config.FaceMatchConfig;
import org.lifecert.facematch.template.TemplateStore;
import org.lifecert.messaging.MessagingConfig;
import org.lifecert.messaging.consumer.EventConsumers;
import org.lifecert.messaging.outbox.Outbox;

/**
 * Consumes FrameBatchCaptured, keeps the session's best frames (embedded), and at the session's last batch compares
 * them with every template of the person and publishes the MatchVerdict.
 *
 * <p>The verdict goes through the outbox in the transaction that marks the session DONE and records the batch in the
 * inbox: a worker that dies at any point yields exactly one verdict after redelivery (a direct publish could be sent
 * twice, or lost with a committed session).
 */
@ApplicationScoped
public class MatchWorker {

    private static final Logger LOG = Logger.getLogger(MatchWorker.class);

    private final FaceMatchConfig config;
    private final EventConsumers consumers;
    private final FaceEngine engine;
    private final MatchSessionStore sessions;
    private final TemplateStore templates;
    private final Outbox outbox;
    private final MessagingConfig messaging;
    private final MeterRegistry registry;
    private final FrameSelector selector;
    private final MatchDecider decider = new MatchDecider(FaceEngine.MODEL_VERSION);
    private final Map<StageTimings.Stage, Timer> stageTimers = new EnumMap<>(StageTimings.Stage.class);
    private final Counter frames;
    private final Timer batchTimer;

    public MatchWorker(FaceMatchConfig config, EventConsumers consumers, FaceEngine engine, MatchSessionStore sessions,
                       TemplateStore templates, Outbox outbox, MessagingConfig messaging, MeterRegistry registry) {
        this.config = config;
        this.consumers = consumers;
        this.engine = engine;
        this.sessions = sessions;
        this.templates = templates;
        this.outbox = outbox;
        this.messaging = messaging;
        this.registry = registry;
        this.selector = new FrameSelector(config.frames().maxAngle());
        for (StageTimings.Stage stage : StageTimings.Stage.values()) {
            stageTimers.put(stage, Timer.builder("lifecert.face.stage").tag("stage", stage.name().toLowerCase(Locale.ROOT))
                    .publishPercentileHistogram().register(registry));
        }
        this.frames = registry.counter("lifecert.facematch.frames");
        this.batchTimer = Timer.builder("lifecert.facematch.batch").publishPercentileHistogram().register(registry);
    }

    void onStart(@Observes StartupEvent event) {
        if (config.consumerEnabled()) {
            start();
        }
    }

    public void start() {
        consumers.start(config.consumerGroup(), List.of(Topics.CAPTURE_FRAMES), config.concurrency(), this::handle);
    }

    void handle(Envelope<? extends EventData> event) {
        if (!(event.data() instanceof FrameBatchCaptured batch)) {
            return;
        }
        if (batch.sessionId() == null || batch.personId() == null || batch.batchId() == null || batch.frames() == null) {
            throw new IllegalArgumentException("frame batch lacks sessionId, personId, batchId or frames");
        }
        Timer.Sample sample = Timer.start(registry);
        MatchSessionStore.Locked locked = sessions.lockOrCreate(batch.sessionId(), batch.personId(),
                event.bureau() == null ? "" : event.bureau(), batch.sessionDeadline());
        MatchState state = locked.state();
        if ("DONE".equals(locked.status()) || !state.batchIds.add(batch.batchId())) {
            return;
        }
        List<FrameBatchCaptured.Frame> ordered = batch.frames().stream()
                .sorted(Comparator.comparingInt(FrameBatchCaptured.Frame::sequence)).toList();
        int every = Math.max(1, config.frames().analyseEvery());
        for (int i = 0; i < ordered.size(); i++) {
            state.framesSeen++;
            frames.increment();
            if (i % every != 0) {
                continue;
            }
            consider(state, ordered.get(i));
        }
        if (batch.lastBatchOfSession()) {
            finish(state, event.bureau());
        } else {
            sessions.save(state);
        }
        sample.stop(batchTimer);
    }

    /** Analyses a frame; when it ranks among the session's best, embeds it and keeps it. */
    private void consider(MatchState state, FrameBatchCaptured.Frame frame) {
        byte[] jpeg;
        try {
            jpeg = Base64.getDecoder().decode(frame.jpegBase64() == null ? "" : frame.jpegBase64());
        } catch (IllegalArgumentException e) {
            return;
        }
        state.framesAnalysed++;
        ImageAnalysis analysis = analyze(jpeg, false);
        if (analysis.isRejected()) {
            return;
        }
        if (analysis.faces().size() > 1) {
            state.multiFaceFrames++;
        }
        FaceObservation face = analysis.faces().get(0);
        FrameCandidate candidate = new FrameCandidate(frame.sequence(), analysis.faces().size(), face.yaw(), face.pitch(),
                Math.max(face.leftEyeOpen(), face.rightEyeOpen()), face.quality().faceSize(), face.quality().sharpness());
        double quality = selector.score(candidate);
        if (!state.wouldKeep(quality, config.frames().best())) {
            return;
        }
        ImageAnalysis embedded = analyze(jpeg, true);
        embedded.largestFace().flatMap(FaceObservation::embedding).ifPresent(e ->
                state.keep(new MatchState.BestFrame(frame.sequence(), quality, e), config.frames().best()));
    }

    private ImageAnalysis analyze(byte[] jpeg, boolean embedding) {
        StageTimings timings = new StageTimings();
        ImageAnalysis analysis = engine.analyze(jpeg, AnalysisOptions.defaults().withEmbedding(embedding).withTimings(timings));
        for (StageTimings.Stage stage : StageTimings.Stage.values()) {
            Timer timer = stageTimers.get(stage);
            timings.samples(stage).forEach(ns -> timer.record(ns, TimeUnit.NANOSECONDS));
        }
        return analysis;
    }

    /** Decides with the frames kept so far and publishes the verdict through the outbox (caller's transaction). */
    public MatchVerdict finish(MatchState state, String bureau) {
        List<FaceTemplate> references = templates.templatesOf(state.personId);
        double threshold = config.bureauThreshold().getOrDefault(state.bureau, config.threshold());
        MatchDecider.Outcome outcome = decider.decide(state.best.stream().map(MatchState.BestFrame::embedding).toList(),
                references, threshold);
        String reason = outcome.reason();
        if (MatchDecider.NO_FACE.equals(reason) && state.multiFaceFrames > 0) {
            reason = "MULTIPLE_FACES";
        }
        MatchVerdict verdict = new MatchVerdict(state.sessionId, state.personId, outcome.decision(), outcome.score(),
                threshold, FaceEngine.MODEL_VERSION, state.best.size(), state.meanQuality(), reason);
        sessions.finish(state, verdict);
        outbox.publish(Envelope.of(messaging.source(), state.personId.toString(),
                bureau == null || bureau.isEmpty() ? state.bureau : bureau, verdict));
        registry.counter("lifecert.facematch.verdicts", "decision", verdict.decision().name(),
                "reason", reason == null ? "none" : reason).increment();
        LOG.infof("session %s: match %s score %.3f reason %s", state.sessionId, verdict.decision(), verdict.score(), reason);
        return verdict;
    }
}
