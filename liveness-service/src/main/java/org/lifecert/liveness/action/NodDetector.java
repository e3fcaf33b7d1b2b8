package org.lifecert.liveness.action;

import java.util.List;

/**
 * NOD: the pitch drops at least {@code minDrop} degrees below the step's starting pitch (head down; fr_pose reads
 * looking down as negative pitch, measured on webcam-a frames 575 vs 131) and comes back up. The start is the first
 * frame's pitch: people hold their head a few degrees up or down at rest (+4 on the development footage). Frames
 * without a measured pose (NaN pitch: followed between measured frames) are skipped.
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
        List<FrameSignal> measured = frames.stream().filter(f -> !Double.isNaN(f.pitch())).toList();
        if (measured.isEmpty()) {
            return Detection.missed(0);
        }
        double start = measured.get(0).pitch();
        double deepest = 0;
        boolean down = false;
        for (FrameSignal frame : measured) {
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
