package org.lifecert.facematch.match;

/**
 * Picks the frames worth matching: exactly one face, frontal (|yaw| and |pitch| under the limit), sharp, eyes open,
 * large. The score multiplies the four (each 0..1), so a frame bad on any one of them ranks low; the scales are the
 * face engine's quality gates (64 px face, Laplacian variance 40) with a margin.
 */
public final class FrameSelector {

    private final double maxAngle;

    public FrameSelector(double maxAngle) {
        this.maxAngle = maxAngle;
    }

    public boolean usable(FrameCandidate c) {
        return c.faces() == 1 && Math.abs(c.yaw()) <= maxAngle && Math.abs(c.pitch()) <= maxAngle
                && c.eyesOpen() >= 0.5;
    }

    /** 0 for unusable frames; otherwise frontalness x sharpness x eyes x size, each 0..1. */
    public double score(FrameCandidate c) {
        if (!usable(c)) {
            return 0;
        }
        double frontal = Math.cos(Math.toRadians(c.yaw())) * Math.cos(Math.toRadians(c.pitch()));
        double sharp = Math.min(1, c.sharpness() / 200);
        double size = Math.min(1, c.faceSize() / 160);
        return frontal * sharp * c.eyesOpen() * size;
    }
}
