package org.lifecert.face;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Per-stage durations in nanoseconds, collected by a benchmark through {@link AnalysisOptions#withTimings}: wall
 * clock, or CPU time of the analysing thread ({@link #cpuTime()}), which stays meaningful when other processes
 * share the cores (ONNX Runtime runs each model on the calling thread with one intra-op thread). Not thread-safe.
 */
public final class StageTimings {
    public enum Stage { DECODE, DETECT, LANDMARKS, EYES, POSE, ANTI_SPOOF, EMBEDDING, QUALITY, TOTAL }

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final Map<Stage, List<Long>> samples = new EnumMap<>(Stage.class);
    private final boolean cpu;

    /** Wall-clock timings. */
    public StageTimings() {
        this(false);
    }

    private StageTimings(boolean cpu) {
        this.cpu = cpu;
    }

    /** CPU time of the calling thread. */
    public static StageTimings cpuTime() {
        return new StageTimings(true);
    }

    long now() {
        return cpu ? THREADS.getCurrentThreadCpuTime() : System.nanoTime();
    }

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
