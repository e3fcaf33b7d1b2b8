package org.lifecert.liveness.action;

import java.time.Duration;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * Trailing moving average over capture time: each frame is averaged with the frames captured less than {@code window}
 * before it, so a single noisy frame of a dense upload cannot make or break an action on its own, and the window means
 * the same at any frame rate (80 ms: 2 frames at 25 fps, the frame alone at the page's 8 frames/s, where one frame
 * may be all a blink leaves).
 */
final class Smoothing {

    private Smoothing() {
    }

    static double[] movingAverage(List<FrameSignal> frames, ToDoubleFunction<FrameSignal> signal, Duration window) {
        long span = window.toMillis();
        double[] out = new double[frames.size()];
        for (int i = 0; i < frames.size(); i++) {
            // summed afresh per window (not a running sum) so that equal inputs give exactly their value
            long since = frames.get(i).atMillis() - span;
            double sum = 0;
            int count = 0;
            for (int j = i; j >= 0 && (j == i || frames.get(j).atMillis() > since); j--) {
                sum += signal.applyAsDouble(frames.get(j));
                count++;
            }
            out[i] = sum / count;
        }
        return out;
    }
}
