package org.lifecert.liveness.action;

import java.util.List;

/**
 * TURN_LEFT / TURN_RIGHT, in the person's own terms: the yaw crosses {@code minYaw} degrees toward the requested side
 * during the step (it must start short of it: a face already turned in the first frame is a held pose, not a turn).
 * Frames without a measured pose (NaN yaw: followed between measured frames) are skipped.
 *
 * <p>Sign: in an unmirrored camera frame a turn to the person's left points the face toward the image's right, which
 * fr_pose reads as negative yaw (face-engine README; webcam-a frame 530). A mirrored selfie preview swaps image left and
 * right, so when the frames arrive mirrored the sign flips.
 */
public final class HeadTurnDetector implements ActionDetector {

    /** Which way the person is asked to turn, in their own terms. */
    public enum Side { LEFT, RIGHT }

    private final Side side;
    private final double minYaw;
    private final boolean framesMirrored;

    public HeadTurnDetector(Side side, double minYaw, boolean framesMirrored) {
        this.side = side;
        this.minYaw = minYaw;
        this.framesMirrored = framesMirrored;
    }

    @Override
    public Detection detect(List<FrameSignal> frames) {
        double sign = (side == Side.LEFT ? -1 : 1) * (framesMirrored ? -1 : 1);
        boolean startedShort = false;
        double furthest = 0;
        for (FrameSignal frame : frames) {
            if (Double.isNaN(frame.yaw())) {
                continue; // followed between measured frames: no pose
            }
            double toward = frame.yaw() * sign;
            furthest = Math.max(furthest, toward);
            if (!startedShort) {
                startedShort = toward < minYaw;
            } else if (toward >= minYaw) {
                return Detection.seen(toward / minYaw, frame.atMillis());
            }
        }
        return Detection.missed(Math.max(0, furthest) / minYaw);
    }
}
