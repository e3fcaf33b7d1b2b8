package org.lifecert.liveness.action;

import java.util.List;

/**
 * NOD: the pitch drops at least {@code minDrop} degrees below the step's starting pitch (head down; fr_pose reads
 * looking down as negative pitch, measured on webcam-a frames 575 vs 131) and comes back up. The start is the first
 * frame's pitch: people hold their head a few degrees up or down at rest (+4 on the development footage).
 */
public final class NodDetector implements ActionDetector {

    private final double minDrop;
    private final double returnFraction;

    public NodDetector(double minDrop, double returnFraction) {
        this.minDrop = minDrop;
        this.returnFraction = returnFraction;
    }

    @Override
    public Detection detect(List<FrameSignal> frames) {
        if (frames.isEmpty()) {
            return Detection.missed(0);
        }
        double start = frames.get(0).pitch();
        double deepest = 0;
        boolean down = false;
        for (FrameSignal frame : frames) {
            double drop = start - frame.pitch();
            deepest = Math.max(deepest, drop);
            if (!down) {
                down = drop >= minDrop;
            } else if (drop <= deepest * returnFraction) {
                return Detection.seen(deepest / minDrop, frame.atMillis());
            }
        }
        return Detection.missed(deepest / minDrop);
    }
}
