package org.lifecert.liveness.frame;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Base64;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.lifecert.face.AnalysisOptions;
import org.lifecert.face.FaceEngine;
import org.lifecert.face.FaceObservation;
import org.lifecert.face.ImageAnalysis;
import org.lifecert.face.Quality;
import org.lifecert.face.ReasonCode;
import org.lifecert.face.StageTimings;
import org.lifecert.liveness.action.FrameSignal;

/**
 * Runs the face engine on one frame and reduces the result to a {@link FrameSignal}; records per-stage latency
 * histograms ({@code lifecert.face.stage}) and the frame counter ({@code lifecert.liveness.frames}, frames/s as a rate).
 */
@ApplicationScoped
public class FrameAnalyzer {

    private final FaceEngine engine;
    private final Map<StageTimings.Stage, Timer> stageTimers = new EnumMap<>(StageTimings.Stage.class);
    private final Counter frames;

    public FrameAnalyzer(FaceEngine engine, MeterRegistry registry) {
        this.engine = engine;
        for (StageTimings.Stage stage : StageTimings.Stage.values()) {
            stageTimers.put(stage, Timer.builder("lifecert.face.stage").tag("stage", stage.name().toLowerCase(Locale.ROOT))
                    .publishPercentileHistogram().register(registry));
        }
        this.frames = registry.counter("lifecert.liveness.frames");
    }

    /** A frame's signals and, when asked, the embedding of its largest face. */
    public record Analysed(FrameSignal signal, Optional<float[]> embedding) {
    }

    public Analysed analyze(int sequence, Instant capturedAt, String jpegBase64, boolean withEmbedding) {
        frames.increment();
        long at = capturedAt == null ? 0 : capturedAt.toEpochMilli();
        byte[] jpeg;
        try {
            jpeg = Base64.getDecoder().decode(jpegBase64 == null ? "" : jpegBase64);
        } catch (IllegalArgumentException e) {
            return new Analysed(FrameSignal.noFace(sequence, at, ReasonCode.IMAGE_UNREADABLE.name()), Optional.empty());
        }
        StageTimings timings = new StageTimings();
        ImageAnalysis analysis = engine.analyze(jpeg, AnalysisOptions.defaults().withEmbedding(withEmbedding)
                .withTimings(timings));
        for (StageTimings.Stage stage : StageTimings.Stage.values()) {
            Timer timer = stageTimers.get(stage);
            timings.samples(stage).forEach(ns -> timer.record(ns, TimeUnit.NANOSECONDS));
        }
        if (analysis.isRejected()) {
            return new Analysed(FrameSignal.noFace(sequence, at, analysis.rejection().orElseThrow().code().name()),
                    Optional.empty());
        }
        FaceObservation face = analysis.faces().get(0);
        String issue = engine.qualityGate().assess(face).map(Enum::name).orElse(null);
        FrameSignal signal = new FrameSignal(sequence, at, analysis.faces().size(), face.leftEyeOpen(),
                face.rightEyeOpen(), face.mouthOpening(), face.yaw(), face.pitch(), face.antiSpoofScore(),
                quality(face), issue);
        return new Analysed(signal, face.embedding());
    }

    /**
     * How good the frame is for anti-spoofing and identity: frontal, sharp, large, eyes open (each 0..1, multiplied).
     * The scales are the face engine's own gates (64 px minimum face, Laplacian variance 40 minimum) times a margin.
     */
    static double quality(FaceObservation face) {
        Quality q = face.quality();
        double size = Math.min(1, q.faceSize() / 160);
        double sharp = Math.min(1, q.sharpness() / 200);
        double eyes = 0.5 + 0.5 * Math.max(face.leftEyeOpen(), face.rightEyeOpen());
        return q.frontalness() * size * sharp * eyes;
    }
}
