package org.lifecert.facematch;

import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.lifecert.face.AnalysisOptions;
import org.lifecert.face.FaceEngine;
import org.lifecert.face.FaceEngineConfig;
import org.lifecert.face.StageTimings;
import org.lifecert.testing.frames.LoadFrames;

/**
 * Measurement, not a test (its name keeps it out of {@code verify}); run by hand:
 * {@code ./mvnw -B -o -pl face-match-service verify -Dtest=FrameCostRun -Dsurefire.failIfNoSpecifiedTests=false}.
 * CPU time of the calling thread per stage for the two analyses face-match makes of a 640x480 frame (the load run's
 * frames): the cheap candidate analysis and the embedding analysis. Median of 60 after 20 warm-up calls.
 */
class FrameCostRun {

    @Test
    void measure() {
        List<byte[]> frames = new ArrayList<>();
        for (String still : FaceFrames.CAMERA) {
            frames.add(LoadFrames.vga(FaceFrames.still(still)));
        }
        try (FaceEngine engine = FaceEngine.load(FaceEngineConfig.defaults())) {
            AnalysisOptions candidate = AnalysisOptions.defaults().withPose(false).withAntiSpoof(false);
            AnalysisOptions embed = AnalysisOptions.defaults().withAntiSpoof(false).withEmbedding(true);
            AnalysisOptions everything = AnalysisOptions.defaults().withEmbedding(true);
            report(engine, frames, "candidate (no pose, no anti-spoof)", candidate);
            report(engine, frames, "embedding (pose + embedding, no anti-spoof)", embed);
            report(engine, frames, "full analysis (as before: pose + anti-spoof + embedding)", everything);
            // the consumer threads of the service are not the thread that loaded the engine
            Thread other = new Thread(() -> report(engine, frames, "embedding, on another thread than the loading one", embed));
            other.start();
            try {
                other.join();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            String b64 = Base64.getEncoder().encodeToString(frames.get(0));
            long t0 = cpu();
            for (int i = 0; i < 200; i++) {
                Base64.getDecoder().decode(b64);
            }
            System.out.printf(Locale.ROOT, "COST base64 decode of one frame (%d KB): %.3f ms%n", frames.get(0).length / 1024,
                    (cpu() - t0) / 1e6 / 200);
        }
    }

    private static void report(FaceEngine engine, List<byte[]> frames, String label, AnalysisOptions options) {
        for (int i = 0; i < 20; i++) {
            engine.analyze(frames.get(i % frames.size()), options);
        }
        StageTimings timings = StageTimings.cpuTime();
        for (int i = 0; i < 60; i++) {
            engine.analyze(frames.get(i % frames.size()), options.withTimings(timings));
        }
        StringBuilder line = new StringBuilder("COST " + label + ":");
        for (StageTimings.Stage stage : StageTimings.Stage.values()) {
            List<Long> samples = new ArrayList<>(timings.samples(stage));
            if (!samples.isEmpty()) {
                Collections.sort(samples);
                line.append(String.format(Locale.ROOT, " %s=%.2fms", stage.name().toLowerCase(Locale.ROOT),
                        samples.get(samples.size() / 2) / 1e6));
            }
        }
        System.out.println(line);
    }

    private static long cpu() {
        return java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }
}
