package org.lifecert.liveness.action;

import java.util.List;
import java.util.function.ToDoubleFunction;

/** Trailing moving average: a single noisy frame cannot make or break an action on its own. */
final class Smoothing {

    private Smoothing() {
    }

    static double[] movingAverage(List<FrameSignal> frames, ToDoubleFunction<FrameSignal> signal, int window) {
        int w = Math.max(1, window);
        double[] out = new double[frames.size()];
        for (int i = 0; i < frames.size(); i++) {
            // summed afresh per window (not a running sum) so that equal inputs give exactly their value
            double sum = 0;
            int from = Math.max(0, i - w + 1);
            for (int j = from; j <= i; j++) {
                sum += signal.applyAsDouble(frames.get(j));
            }
            out[i] = sum / (i - from + 1);
        }
        return out;
    }
}
