package org.lifecert.liveness.frame;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.lifecert.events.Action;
import org.lifecert.face.AnalysisOptions;
import org.lifecert.face.FaceEngine;
import org.lifecert.face.FaceEngineConfig;
import org.lifecert.face.RetainedAnalysis;
import org.lifecert.face.StageTimings;
import org.lifecert.liveness.FaceFrames;
import org.lifecert.testing.frames.LoadFrames;

/**
 * Measurement, not a test (its name keeps it out of {@code verify}): face-engine CPU per liveness session of the load
 * run's shape (BLINK, OPEN_MOUTH, TURN_LEFT x 10 frames of 640x480), one thread, thread CPU time, after a warm-up;
 * the old full analysis of every frame (plus the best frame again with the embedding) against the stages per action
 * with anti-spoofing on 2 frames and one embedding per batch. Run by hand:
 * {@code ./mvnw -B -o -pl liveness-service test -Dtest=EngineCostRun -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class EngineCostRun {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    @Test
    void measure() {
        List<byte[]> frames = new ArrayList<>();
        for (String still : List.of(FaceFrames.EYES_OPEN, FaceFrames.FRONTAL, FaceFrames.EYES_CLOSED)) {
            frames.add(LoadFrames.vga(FaceFrames.still(still)));
        }
        List<Action> steps = List.of(Action.BLINK, Action.OPEN_MOUTH, Action.TURN_LEFT);
        int sessions = Integer.getInteger("cost.sessions", 8);
        try (FaceEngine engine = FaceEngine.load(FaceEngineConfig.defaults())) {
            for (int i = 0; i < 30; i++) {
                engine.analyze(frames.get(i % 3), AnalysisOptions.defaults().withEmbedding(true));
            }
            StageTimings full = StageTimings.cpuTime();
            long start = THREADS.getCurrentThreadCpuTime();
            for (int s = 0; s < sessions; s++) {
                for (Action ignored : steps) {
                    for (int f = 0; f < 10; f++) {
                        engine.analyze(frames.get(f % 3), AnalysisOptions.defaults().withTimings(full));
                    }
                    engine.analyze(frames.get(0), AnalysisOptions.defaults().withEmbedding(true).withTimings(full));
                }
            }
            double fullMs = (THREADS.getCurrentThreadCpuTime() - start) / 1e6 / sessions;
            StageTimings perAction = StageTimings.cpuTime();
            start = THREADS.getCurrentThreadCpuTime();
            for (int s = 0; s < sessions; s++) {
                for (Action action : steps) {
                    List<RetainedAnalysis> kept = new ArrayList<>();
                    for (int f = 0; f < 10; f++) {
                        RetainedAnalysis r = engine.analyzeRetained(frames.get(f % 3),
                                FrameAnalyzer.optionsFor(action).withTimings(perAction));
                        if (kept.size() < 2) {
                            kept.add(r);
                        } else {
                            r.close();
                        }
                    }
                    kept.get(0).antiSpoofScore(0);
                    kept.get(1).antiSpoofScore(0);
                    kept.get(0).embedding(0);
                    kept.forEach(RetainedAnalysis::close);
                }
            }
            double perActionMs = (THREADS.getCurrentThreadCpuTime() - start) / 1e6 / sessions;
            // as the worker does now: steps without head pose detect every 3rd frame and follow the face in between
            StageTimings tracked = StageTimings.cpuTime();
            int followed = 0;
            start = THREADS.getCurrentThreadCpuTime();
            for (int s = 0; s < sessions; s++) {
                for (Action action : steps) {
                    int every = FrameAnalyzer.detectEvery(action, 3);
                    List<RetainedAnalysis> kept = new ArrayList<>();
                    java.util.Optional<org.lifecert.face.FaceTrack> track = java.util.Optional.empty();
                    for (int f = 0; f < 10; f++) {
                        RetainedAnalysis r = engine.analyzeRetained(frames.get(f % 3),
                                FrameAnalyzer.optionsFor(action).withTimings(tracked),
                                f % every == 0 ? null : track.orElse(null));
                        followed += r.tracked() ? 1 : 0;
                        if (f % every == 0) {
                            track = r.track();
                        }
                        if (kept.size() < 2) {
                            kept.add(r);
                        } else {
                            r.close();
                        }
                    }
                    kept.get(0).antiSpoofScore(0);
                    kept.get(1).antiSpoofScore(0);
                    kept.get(0).embedding(0);
                    kept.forEach(RetainedAnalysis::close);
                }
            }
            double trackedMs = (THREADS.getCurrentThreadCpuTime() - start) / 1e6 / sessions;
            System.out.printf(Locale.ROOT, "COST engine CPU per session: full analysis of every frame %.0f ms, "
                    + "stages per action %.0f ms, + detector every 3rd frame of blink/mouth steps %.0f ms "
                    + "(%d of 30 frames followed) (load average %.1f)%n", fullMs, perActionMs, trackedMs,
                    followed / sessions, ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
            System.out.println("COST   full:       " + split(full, sessions));
            System.out.println("COST   per action: " + split(perAction, sessions));
            System.out.println("COST   + tracking: " + split(tracked, sessions));
        }
    }

    private static String split(StageTimings timings, int sessions) {
        StringBuilder line = new StringBuilder();
        for (StageTimings.Stage stage : StageTimings.Stage.values()) {
            List<Long> samples = timings.samples(stage);
            if (stage == StageTimings.Stage.TOTAL || samples.isEmpty()) {
                continue;
            }
            double sum = samples.stream().mapToLong(Long::longValue).sum() / 1e6;
            line.append(String.format(Locale.ROOT, "%s %.0f ms (%d x %.2f)  ", stage.name().toLowerCase(Locale.ROOT),
                    sum / sessions, samples.size() / sessions, sum / samples.size()));
        }
        return line.toString();
    }
}
