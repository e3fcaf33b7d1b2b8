package org.lifecert.face;

/** What {@link FaceEngine#analyze} computes beyond the always-present signals. Immutable. */
public final class AnalysisOptions {
    private static final AnalysisOptions DEFAULTS = new AnalysisOptions(false, null);

    private final boolean embedding;
    private final StageTimings timings;

    private AnalysisOptions(boolean embedding, StageTimings timings) {
        this.embedding = embedding;
        this.timings = timings;
    }

    /** No embedding, no timings. */
    public static AnalysisOptions defaults() {
        return DEFAULTS;
    }

    public AnalysisOptions withEmbedding(boolean embedding) {
        return new AnalysisOptions(embedding, timings);
    }

    /** Record per-stage durations into {@code timings} (benchmarks). */
    public AnalysisOptions withTimings(StageTimings timings) {
        return new AnalysisOptions(embedding, timings);
    }

    public boolean embedding() {
        return embedding;
    }

    StageTimings timings() {
        return timings;
    }
}
