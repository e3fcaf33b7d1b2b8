package org.lifecert.facematch.match;

import java.util.List;
import org.lifecert.face.FacePoint;

/**
 * Picks the frames worth matching: exactly one face, frontal (|yaw| and |pitch| under the limit), sharp, eyes open,
 * large. The score multiplies the four (each 0..1), so a frame bad on any one of them ranks low; the scales are the
 * face engine's quality gates (64 px face, contrast-normalised sharpness 0.08; webcam frames read 0.19-0.31) with a
 * margin.
 *
 * <p>Two uses: {@link #rank} orders a batch's candidates from the cheap analysis (no pose model: frontalness from the
 * landmarks), {@link #score} is the final quality of a frame analysed with the pose model.
 */
public final class FrameSelector {

    /** Sharpness (Laplacian variance over grey variance of the face crop) counted as fully sharp. */
    static final double SHARP = 0.25;
    /** Face box side in pixels counted as fully large. */
    static final double LARGE = 160;

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
        return frontal * quality(c.eyesOpen(), c.faceSize(), c.sharpness());
    }

    /**
     * Rank of a candidate analysed without the pose model: 0 unless exactly one face with open eyes; otherwise
     * landmark frontalness x sharpness x eyes x size.
     */
    public double rank(int faces, double landmarkFrontalness, double eyesOpen, double faceSize, double sharpness) {
        if (faces != 1 || eyesOpen < 0.5) {
            return 0;
        }
        return landmarkFrontalness * quality(eyesOpen, faceSize, sharpness);
    }

    private static double quality(double eyesOpen, double faceSize, double sharpness) {
        return Math.min(1, sharpness / SHARP) * eyesOpen * Math.min(1, faceSize / LARGE);
    }

    /**
     * Frontalness 0..1 from the 68 landmarks, without the pose model: the nose tip (30) lies as far from the outer
     * corner of one eye (36) as from the other (45) on a frontal face; turning the head makes one distance shrink.
     * 1 - |dl - dr| / (dl + dr), squared so a half-turned face ranks well below a frontal one.
     */
    public static double landmarkFrontalness(List<FacePoint> landmarks) {
        if (landmarks.size() < 68) {
            return 0;
        }
        double dl = landmarks.get(30).distanceTo(landmarks.get(36));
        double dr = landmarks.get(30).distanceTo(landmarks.get(45));
        if (dl + dr <= 0) {
            return 0;
        }
        double symmetry = 1 - Math.abs(dl - dr) / (dl + dr);
        return symmetry * symmetry;
    }
}
