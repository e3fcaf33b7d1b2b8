package org.lifecert.liveness.action;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.lifecert.liveness.LivenessTestConfig;
import org.lifecert.liveness.config.LivenessConfig;

/** Builders of signal sequences for the detector tests: one frame every 40 ms (25 fps) unless told. */
final class Signals {

    static final long T0 = 1_700_000_000_000L;

    private Signals() {
    }

    /** The service's configuration with its coded defaults, plus {@code overrides}. */
    static LivenessConfig config(Map<String, String> overrides) {
        return LivenessTestConfig.of(overrides);
    }

    static LivenessConfig defaults() {
        return config(Map.of());
    }

    /** Frames whose eye-open probabilities are pairs (left, right). */
    static List<FrameSignal> eyes(double... leftRight) {
        List<FrameSignal> frames = new ArrayList<>();
        for (int i = 0; i < leftRight.length / 2; i++) {
            frames.add(FrameSignal.face(i, T0 + i * 40L).withEyes(leftRight[2 * i], leftRight[2 * i + 1]));
        }
        return frames;
    }

    static List<FrameSignal> mouth(double... openings) {
        return series(openings, (f, v) -> f.withMouth(v), 40);
    }

    static List<FrameSignal> yaw(double... degrees) {
        return series(degrees, (f, v) -> f.withPose(v, 4), 40);
    }

    static List<FrameSignal> pitch(double... degrees) {
        return series(degrees, (f, v) -> f.withPose(0, v), 40);
    }

    static List<FrameSignal> series(double[] values, BiFunction<FrameSignal, Double, FrameSignal> set, long stepMillis) {
        List<FrameSignal> frames = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            frames.add(set.apply(FrameSignal.face(i, T0 + i * stepMillis), values[i]));
        }
        return frames;
    }
}
