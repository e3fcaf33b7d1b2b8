package org.lifecert.liveness.frame;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Base64;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.lifecert.events.Action;
import org.lifecert.face.AnalysisOptions;
import org.lifecert.face.FaceEngine;
import org.lifecert.face.FaceObservation;
import org.lifecert.face.FacePoint;
import org.lifecert.face.FaceTrack;
import org.lifecert.face.Quality;
import org.lifecert.face.RetainedAnalysis;
import org.lifecert.face.StageTimings;
import org.lifecert.liveness.action.FrameSignal;

/**
 * Runs the face engine on one frame with only the stages the step's action reads (detection, landmarks, eyes and
 * mouth always; head pose only for turns and nods) and reduces the result to a {@link FrameSignal}. Anti-spoofing and
 * the embedding are left to {@link AnalysedFrame} for the frames the worker picks. Records per-stage latency
 * histograms ({@code lifecert.face.stage}) and the frame counter ({@code lifecert.liveness.frames}, frames/s as a rate).
 */
@ApplicationScoped
public class FrameAnalyzer {

    private final FaceEngine engine;
    private final Map<StageTimings.Stage, Timer> stageTimers = new EnumMap<>(StageTimings.Stage.class);
    private final Counter frames;
    private final Counter trackedFrames;
    private final Counter detectedFrames;

    public FrameAnalyzer(FaceEngine engine, MeterRegistry registry) {
        this.engine = engine;
        for (StageTimings.Stage stage : StageTimings.Stage.values()) {
            stageTimers.put(stage, Timer.builder("lifecert.face.stage").tag("stage", stage.name().toLowerCase(Locale.ROOT))
                    .publishPercentileHistogram().register(registry));
        }
        this.frames = registry.counter("lifecert.liveness.frames");
        this.trackedFrames = registry.counter("lifecert.liveness.face.located", "by", "track");
        this.detectedFrames = registry.counter("lifecert.liveness.face.located", "by", "detector");
    }

    /** The engine stages a frame of a step with this action needs before the worker picks its best frames. */
    static AnalysisOptions optionsFor(Action action) {
        boolean pose = action == Action.TURN_LEFT || action == Action.TURN_RIGHT || action == Action.NOD;
        return AnalysisOptions.defaults().withPose(pose).withAntiSpoof(false);
    }

    /**
     * Every how many frames of a step of {@code action} the face detector runs ({@code frames.detect-every} for steps
     * that do not read the head pose; 1 for turns and nods: fr_pose needs the detector's framing, see
     * {@link org.lifecert.face.FaceTrack}).
     */
    public static int detectEvery(Action action, int configured) {
        return optionsFor(action).pose() ? 1 : Math.max(1, configured);
    }

    /**
     * Analyses a frame again for its anti-spoof score and embedding only (detection, landmarks, no pose): a step's best
     * frame held from an earlier batch. The frame counter is not advanced (the frame was counted when it arrived).
     */
    public AnalysedFrame reanalyze(int sequence, long atMillis, String jpegBase64) {
        byte[] jpeg = bytes(jpegBase64);
        if (jpeg == null) {
            return AnalysedFrame.undecodable(sequence, atMillis);
        }
        StageTimings timings = new StageTimings();
        RetainedAnalysis retained = engine.analyzeRetained(jpeg,
                AnalysisOptions.defaults().withPose(false).withAntiSpoof(false).withTimings(timings), null);
        if (retained.analysis().isRejected()) {
            retained.close();
            record(timings);
            return AnalysedFrame.undecodable(sequence, atMillis);
        }
        return new AnalysedFrame(FrameSignal.noFace(sequence, atMillis, null), retained, timings, this);
    }

    /**
     * Every how many frames of a batch the detector runs on a step of {@code action}: {@link #detectEvery(Action, int)}
     * for steps without head pose; on turn and nod steps every frame, unless the frames come closer together than
     * {@code poseIntervalMillis} ({@code medianGapMillis}, the batch's capture pace): then every
     * {@code poseInterval / gap}-th, at most every 4th, so that the pose is still measured about every poseInterval.
     */
    public static int detectEvery(Action action, int configured, long medianGapMillis, long poseIntervalMillis) {
        if (!optionsFor(action).pose()) {
            return detectEvery(action, configured);
        }
        if (poseIntervalMillis <= 0 || medianGapMillis <= 0) {
            return 1;
        }
        return (int) Math.max(1, Math.min(4, poseIntervalMillis / medianGapMillis));
    }

    /** Analyses a frame for a step of {@code action}; the caller closes the result. */
    public AnalysedFrame analyze(int sequence, Instant capturedAt, String jpegBase64, Action action) {
        return analyze(sequence, capturedAt, jpegBase64, action, Optional.empty());
    }

    /**
     * Analyses a frame for a step of {@code action}, following the face of {@code track} (an earlier frame of the batch)
     * instead of detecting when it is present and the face is still there; the caller closes the result.
     */
    public AnalysedFrame analyze(int sequence, Instant capturedAt, String jpegBase64, Action action,
                                 Optional<FaceTrack> track) {
        frames.increment();
        long at = capturedAt == null ? 0 : capturedAt.toEpochMilli();
        byte[] jpeg = bytes(jpegBase64);
        if (jpeg == null) {
            return AnalysedFrame.undecodable(sequence, at);
        }
        StageTimings timings = new StageTimings();
        // a followed frame of a turn or nod step has no pose (fr_pose needs the detector's framing): its yaw and
        // pitch are NaN and the detectors skip it
        AnalysisOptions options = track.isPresent() ? optionsFor(action).withPose(false) : optionsFor(action);
        RetainedAnalysis retained = engine.analyzeRetained(jpeg, options.withTimings(timings), track.orElse(null));
        (retained.tracked() ? trackedFrames : detectedFrames).increment();
        if (retained.analysis().isRejected()) {
            retained.close();
            record(timings);
            return new AnalysedFrame(FrameSignal.noFace(sequence, at,
                    retained.analysis().rejection().orElseThrow().code().name()), null, null, this);
        }
        FaceObservation face = retained.analysis().faces().get(0);
        String issue = engine.qualityGate().assess(face).map(Enum::name).orElse(null);
        FrameSignal signal = new FrameSignal(sequence, at, retained.analysis().faces().size(), face.leftEyeOpen(),
                face.rightEyeOpen(), face.mouthOpening(), face.yaw(), face.pitch(), face.antiSpoofScore(),
                quality(face), issue);
        return new AnalysedFrame(signal, retained, timings, this);
    }

    /** The frame's bytes; null when the text is not base64 (the frame counts as undecodable). */
    private static byte[] bytes(String jpegBase64) {
        try {
            return Base64.getDecoder().decode(jpegBase64 == null ? "" : jpegBase64);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    void record(StageTimings timings) {
        for (StageTimings.Stage stage : StageTimings.Stage.values()) {
            Timer timer = stageTimers.get(stage);
            timings.samples(stage).forEach(ns -> timer.record(ns, TimeUnit.NANOSECONDS));
        }
    }

    /**
     * How good the frame is for anti-spoofing and identity: frontal, sharp, large, eyes open (each 0..1, multiplied).
     * The scales are the face engine's own gates (64 px minimum face, Laplacian variance 40 minimum) times a margin.
     * Frontalness comes from the head pose when it was measured, else from the landmarks ({@link #landmarkFrontalness}).
     */
    static double quality(FaceObservation face) {
        Quality q = face.quality();
        double size = Math.min(1, q.faceSize() / 160);
        double sharp = Math.min(1, q.sharpness() / 200);
        double eyes = 0.5 + 0.5 * Math.max(face.leftEyeOpen(), face.rightEyeOpen());
        double frontal = Double.isNaN(q.frontalness()) ? landmarkFrontalness(face.landmarks()) : q.frontalness();
        return frontal * size * sharp * eyes;
    }

    /**
     * A frontalness without the pose model, for ranking frames only: where the nose tip (point 30) sits between the
     * outer eye corners (36, 45); 1 when centred, 0 when it reaches a corner (a turn of about 45 degrees or more).
     */
    static double landmarkFrontalness(List<FacePoint> landmarks) {
        if (landmarks.size() < 68) {
            return 0;
        }
        double left = landmarks.get(36).x(), right = landmarks.get(45).x(), nose = landmarks.get(30).x();
        double width = right - left;
        if (!(Math.abs(width) > 1e-6)) {
            return 0;
        }
        double position = (nose - left) / width;
        return Math.max(0, 1 - 2 * Math.abs(position - 0.5));
    }
}
