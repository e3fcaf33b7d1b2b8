package org.lifecert.liveness.action;

import java.time.Duration;
import java.util.List;

/**
 * BLINK: eyes open, then both eyes closed, then open again, within the step. Each eye's open probability is smoothed
 * over capture time ({@link Smoothing}); "closed" needs both eyes closed (the higher of the two below {@code closedBelow}), so a wink or one
 * noisy eye is not a blink. "Open" takes the higher of the two eyes: on the development footage the image-left eye
 * alone reads closed on a quarter of open-eye frames, the other eye never does (README, "Thresholds").
 */
public final class BlinkDetector implements ActionDetector {

    private final Duration smoothing;
    private final double closedBelow;
    private final double openAbove;

    public BlinkDetector(Duration smoothing, double closedBelow, double openAbove) {
        if (!(closedBelow < openAbove)) {
            throw new IllegalArgumentException("closedBelow must be below openAbove");
        }
        this.smoothing = smoothing;
        this.closedBelow = closedBelow;
        this.openAbove = openAbove;
    }

    @Override
    public Detection detect(List<FrameSignal> frames) {
        double[] left = Smoothing.movingAverage(frames, FrameSignal::leftEyeOpen, smoothing);
        double[] right = Smoothing.movingAverage(frames, FrameSignal::rightEyeOpen, smoothing);
        boolean openBefore = false;
        boolean closed = false;
        double lowest = 1;
        for (int i = 0; i < frames.size(); i++) {
            double eyes = Math.max(left[i], right[i]);
            if (!openBefore) {
                openBefore = eyes >= openAbove;
            } else if (!closed) {
                lowest = Math.min(lowest, eyes);
                closed = eyes <= closedBelow;
            } else if (eyes >= openAbove) {
                return Detection.seen(score(lowest), frames.get(i).atMillis());
            } else {
                lowest = Math.min(lowest, eyes);
            }
        }
        return Detection.missed(openBefore ? score(lowest) : 0);
    }

    /** 1.0 when the eyes just reached the closed threshold, more when they closed further. */
    private double score(double lowest) {
        return (1 - lowest) / (1 - closedBelow);
    }
}
