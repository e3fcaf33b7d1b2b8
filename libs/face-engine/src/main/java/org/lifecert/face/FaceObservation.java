package org.lifecert.face;

import java.util.List;
import java.util.Optional;

/**
 * Everything the engine saw of one face.
 *
 * <p>Eyes: "left" is the eye on the left of the image (landmarks 36-41, the person's right eye); "right" is landmarks
 * 42-47. Eye values are the probability that the eye is open (fr_eye, first softmax output).
 * Mouth opening: mean inner-lip gap (landmarks 61/67, 62/66, 63/65) over inner-lip width (60-64): about 0.01
 * closed, 0.2-0.7 talking. Pose in degrees (fr_pose), measured on webcam footage: yaw is negative when the face
 * turns toward the image's right (the person's left), pitch is positive with the chin up. Anti-spoof score:
 * probability the face is a live person (fr_liveness). Pose and anti-spoof values are NaN when
 * {@link AnalysisOptions} skipped them.
 */
public final class FaceObservation {
    private final FaceBox box;
    private final double detectionScore;
    private final List<FacePoint> landmarks;
    private final double leftEyeOpen;
    private final double rightEyeOpen;
    private final double mouthOpening;
    private final double yaw;
    private final double pitch;
    private final double roll;
    private final double antiSpoofScore;
    private final Quality quality;
    private final float[] embedding;

    public FaceObservation(FaceBox box, double detectionScore, List<FacePoint> landmarks, double leftEyeOpen,
                           double rightEyeOpen, double mouthOpening, double yaw, double pitch, double roll,
                           double antiSpoofScore, Quality quality, float[] embedding) {
        this.box = box;
        this.detectionScore = detectionScore;
        this.landmarks = List.copyOf(landmarks);
        this.leftEyeOpen = leftEyeOpen;
        this.rightEyeOpen = rightEyeOpen;
        this.mouthOpening = mouthOpening;
        this.yaw = yaw;
        this.pitch = pitch;
        this.roll = roll;
        this.antiSpoofScore = antiSpoofScore;
        this.quality = quality;
        this.embedding = embedding == null ? null : embedding.clone();
    }

    public FaceBox box() { return box; }
    public double detectionScore() { return detectionScore; }
    /** 68 points, iBUG 300-W order. */
    public List<FacePoint> landmarks() { return landmarks; }
    public double leftEyeOpen() { return leftEyeOpen; }
    public double rightEyeOpen() { return rightEyeOpen; }
    public double mouthOpening() { return mouthOpening; }
    public double yaw() { return yaw; }
    public double pitch() { return pitch; }
    public double roll() { return roll; }
    public double antiSpoofScore() { return antiSpoofScore; }
    public Quality quality() { return quality; }

    /** The L2-normalised embedding, present when {@link AnalysisOptions#withEmbedding(boolean)} asked for it. */
    public Optional<float[]> embedding() {
        return embedding == null ? Optional.empty() : Optional.of(embedding.clone());
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT,
                "FaceObservation[box=%s, score=%.3f, eyes=%.2f/%.2f, mouth=%.3f, yaw=%.1f, pitch=%.1f, roll=%.1f, live=%.3f, %s]",
                box, detectionScore, leftEyeOpen, rightEyeOpen, mouthOpening, yaw, pitch, roll, antiSpoofScore, quality);
    }
}
