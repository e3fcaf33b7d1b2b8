package org.lifecert.liveness.action;

import java.util.List;

/**
 * NOD: the pitch drops at least {@code minDrop} degrees below the highest pitch measured before it in the step (head
 * down; fr_pose reads looking down as negative pitch, measured on webcam-a frames 575 vs 131) and comes back up by
 * {@code returnFraction} of the drop. The reference is the highest pitch so far, not the first frame's: people hold
 * their head a few degrees up or down at rest (+4 on the development footage), and one who starts the step looking
 * down and lifts the head before nodding has nodded from where the head was. Frames without a measured pose (NaN
 * pitch: followed between measured frames) are skipped.
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
        double top = Double.NEGATIVE_INFINITY;
        double deepest = 0;
        boolean down = false;
        for (FrameSignal frame : frames) {
            double pitch = frame.pitch();
            if (Double.isNaN(pitch)) {
                continue;
            }
            if (!down) {
                top = Math.max(top, pitch);
            }
            double drop = top - pitch;
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
