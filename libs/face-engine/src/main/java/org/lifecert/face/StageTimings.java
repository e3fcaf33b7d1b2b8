package org.lifecert.face;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Per-stage durations in nanoseconds, collected by a benchmark through {@link AnalysisOptions#withTimings}. Not thread-safe. */
public final class StageTimings {
    public enum Stage { DECODE, DETECT, LANDMARKS, EYES, POSE, ANTI_SPOOF, EMBEDDING, QUALITY, TOTAL }

    private final Map<Stage, List<Long>> samples = new EnumMap<>(Stage.class);

    public void record(Stage stage, long nanos) {
        samples.computeIfAbsent(stage, s -> new ArrayList<>()).add(nanos);
    }

    public List<Long> samples(Stage stage) {
        return samples.getOrDefault(stage, List.of());
    }

    public void clear() {
        samples.clear();
    }
}
