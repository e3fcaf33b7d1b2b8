package org.lifecert.liveness.action;

import java.util.List;

/**
 * BLINK: eyes open, then both eyes closed, then open again, within the step. Each eye's open probability is smoothed
 * over frames; "closed" needs both eyes closed (the higher of the two below {@code closedBelow}), so a wink or one
 * noisy eye is not a blink. "Open" takes the higher of the two eyes: on the development footage the image-left eye
 * alone reads closed on a quarter of open-eye frames, the other eye never does (README, "Thresholds").
 */
public final class BlinkDetector implements ActionDetector {

    private final int smoothingFrames;
    private final double closedBelow;
    private final double openAbove;

    public BlinkDetector(int smoothingFrames, double closedBelow, double openAbove) {
        if (!(closedBelow < openAbove)) {
            throw new IllegalArgumentException("closedBelow must be below openAbove");
        }
        this.smoothingFrames = smoothingFrames;
        this.closedBelow = closedBelow;
        this.openAbove = openAbove;
    }

    @Override
    public Detection detect(List<FrameSignal> frames) {
        double[] left = Smoothing.movingAverage(frames, FrameSignal::leftEyeOpen, smoothingFrames);
        double[] right = Smoothing.movingAverage(frames, FrameSignal::rightEyeOpen, smoothingFrames);
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
