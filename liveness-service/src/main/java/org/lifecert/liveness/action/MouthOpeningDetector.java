package org.lifecert.liveness.action;

import java.time.Duration;
import java.util.List;

/**
 * OPEN_MOUTH: the mouth-opening ratio rises well above the person's own baseline and comes back. The baseline is the
 * lowest smoothed ratio seen before the opening, so a person whose closed mouth reads 0.04 is held to the same rise
 * as one at 0.01; a mouth held open from the first frame has no baseline to rise from and does not count.
 */
public final class MouthOpeningDetector implements ActionDetector {

    private final Duration smoothing;
    private final double minRise;
    private final double returnFraction;

    public MouthOpeningDetector(Duration smoothing, double minRise, double returnFraction) {
        this.smoothing = smoothing;
        this.minRise = minRise;
        this.returnFraction = returnFraction;
    }

    @Override
    public Detection detect(List<FrameSignal> frames) {
        double[] mouth = Smoothing.movingAverage(frames, FrameSignal::mouthOpening, smoothing);
        double baseline = Double.MAX_VALUE;
        double peak = 0;
        boolean open = false;
        for (int i = 0; i < mouth.length; i++) {
            if (!open) {
                baseline = Math.min(baseline, mouth[i]);
                peak = Math.max(peak, mouth[i] - baseline);
                open = mouth[i] - baseline >= minRise;
            } else {
                peak = Math.max(peak, mouth[i] - baseline);
                if (mouth[i] <= baseline + minRise * returnFraction) {
                    return Detection.seen(peak / minRise, frames.get(i).atMillis());
                }
            }
        }
        return Detection.missed(peak / minRise);
    }
}
