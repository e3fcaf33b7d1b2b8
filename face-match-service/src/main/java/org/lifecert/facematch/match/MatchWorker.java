package org.lifecert.facematch.match;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Instant;
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
import org.lifecert.face.FaceEngine;
import org.lifecert.face.FaceTemplate;
import org.lifecert.face.StageTimings;
import org.lifecert.facematch.config.FaceMatchConfig;
import org.lifecert.facematch.frame.ThreadEngines;
import org.lifecert.facematch.template.TemplateStore;
import org.lifecert.facematch.threshold.BureauThresholds;
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
    private final MatchSessionStore sessions;
    private final TemplateStore templates;
    private final Outbox outbox;
    private final MessagingConfig messaging;
    private final MeterRegistry registry;
    private final FramePicker picker;
    private final BureauThresholds thresholds;
    private final MatchDecider decider = new MatchDecider(FaceEngine.MODEL_VERSION);
    private final Map<StageTimings.Stage, Timer> stageTimers = new EnumMap<>(StageTimings.Stage.class);
    private final Counter frames;
    private final Timer batchTimer;
    /** CPU time of the consumer threads handling batches (the face engine's share counted apart): the profile. */
    private final Counter batchCpu;

    public MatchWorker(FaceMatchConfig config, EventConsumers consumers, ThreadEngines engines, MatchSessionStore sessions,
                       TemplateStore templates, Outbox outbox, MessagingConfig messaging, MeterRegistry registry,
                       BureauThresholds thresholds) {
        this.config = config;
        this.consumers = consumers;
        this.sessions = sessions;
        this.templates = templates;
        this.outbox = outbox;
        this.messaging = messaging;
        this.registry = registry;
        this.thresholds = thresholds;
        Counter engineCpu = registry.counter("lifecert.facematch.cpu.seconds", "part", "face-engine");
        this.batchCpu = registry.counter("lifecert.facematch.cpu.seconds", "part", "batch");
        this.picker = new FramePicker(engines::current, config.frames(), this::record, ns -> engineCpu.increment(ns / 1e9));
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
        long cpu = CpuTime.thread();
        MatchSessionStore.Locked locked = sessions.lockOrCreate(batch.sessionId(), batch.personId(),
                event.bureau() == null ? "" : event.bureau(), batch.sessionDeadline());
        MatchState state = locked.state();
        if ("DONE".equals(locked.status()) || !state.batchIds.add(batch.batchId())) {
            return;
        }
        List<FrameBatchCaptured.Frame> ordered = batch.frames().stream()
                .sorted(Comparator.comparingInt(FrameBatchCaptured.Frame::sequence)).toList();
        frames.increment(ordered.size());
        picker.pick(state, ordered, batch.medianFrameGapMillis());
        if (batch.lastBatchOfSession()) {
            finish(state, event.bureau());
        } else {
            sessions.save(state);
        }
        sample.stop(batchTimer);
        batchCpu.increment((CpuTime.thread() - cpu) / 1e9);
    }

    private void record(StageTimings timings) {
        for (StageTimings.Stage stage : StageTimings.Stage.values()) {
            Timer timer = stageTimers.get(stage);
            timings.samples(stage).forEach(ns -> timer.record(ns, TimeUnit.NANOSECONDS));
        }
    }

    /** Decides with the frames kept so far and publishes the verdict through the outbox (caller's transaction). */
    public MatchVerdict finish(MatchState state, String bureau) {
        List<FaceTemplate> references = templates.templatesOf(state.personId);
        double threshold = thresholds.forBureau(state.bureau);
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
