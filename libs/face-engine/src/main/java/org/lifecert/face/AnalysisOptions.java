package org.lifecert.face;

/**
 * What {@link FaceEngine#analyze} computes. By default: detection, landmarks, eyes, mouth, head pose, anti-spoofing
 * and quality; no embedding. Head pose and anti-spoofing are the two most expensive models (about 5 and 8 ms): a
 * caller tracking an action over many frames may skip anti-spoofing on most of them. Skipped values are NaN.
 * Immutable.
 */
public final class AnalysisOptions {
    private static final AnalysisOptions DEFAULTS = new AnalysisOptions(false, true, true, null);

    private final boolean embedding;
    private final boolean pose;
    private final boolean antiSpoof;
    private final StageTimings timings;

    private AnalysisOptions(boolean embedding, boolean pose, boolean antiSpoof, StageTimings timings) {
        this.embedding = embedding;
        this.pose = pose;
        this.antiSpoof = antiSpoof;
        this.timings = timings;
    }

    /** Everything but the embedding, no timings. */
    public static AnalysisOptions defaults() {
        return DEFAULTS;
    }

    public AnalysisOptions withEmbedding(boolean embedding) {
        return new AnalysisOptions(embedding, pose, antiSpoof, timings);
    }

    /** Run fr_pose (yaw, pitch, roll, frontalness); when false they are NaN. */
    public AnalysisOptions withPose(boolean pose) {
        return new AnalysisOptions(embedding, pose, antiSpoof, timings);
    }

    /** Run fr_liveness (anti-spoof score); when false the score is NaN. */
    public AnalysisOptions withAntiSpoof(boolean antiSpoof) {
        return new AnalysisOptions(embedding, pose, antiSpoof, timings);
    }

    /** Record per-stage durations into {@code timings} (benchmarks). */
    public AnalysisOptions withTimings(StageTimings timings) {
        return new AnalysisOptions(embedding, pose, antiSpoof, timings);
    }

    public boolean embedding() {
        return embedding;
    }

    public boolean pose() {
        return pose;
    }

    public boolean antiSpoof() {
        return antiSpoof;
    }

    StageTimings timings() {
        return timings;
    }
}
