package org.lifecert.face;

import java.util.Optional;

/**
 * Decides whether one face is good enough to enrol or match, with the thresholds of {@link FaceEngineConfig}.
 * The order of the checks is the order in which a person can fix them: distance, light, stillness, pose, eyes.
 * Anti-spoofing is separate ({@link #spoofSuspected}): enrollment also accepts photos of ID documents.
 */
public final class QualityGate {
    private final FaceEngineConfig config;

    public QualityGate(FaceEngineConfig config) {
        this.config = config;
    }

    public Optional<ReasonCode> assess(FaceObservation face) {
        Quality q = face.quality();
        if (q.faceSize() < config.minFaceSize()) {
            return Optional.of(ReasonCode.FACE_TOO_SMALL);
        }
        if (q.brightness() < config.minBrightness()) {
            return Optional.of(ReasonCode.TOO_DARK);
        }
        if (q.brightness() > config.maxBrightness()
                || q.backgroundBrightness() - q.brightness() > config.maxBacklight()) {
            return Optional.of(ReasonCode.TOO_BRIGHT);
        }
        if (q.sharpness() < config.minSharpness()) {
            return Optional.of(ReasonCode.BLURRED);
        }
        if (Math.abs(face.yaw()) > config.maxYaw() || Math.abs(face.pitch()) > config.maxPitch()) {
            return Optional.of(ReasonCode.NOT_FRONTAL);
        }
        if (Math.max(face.leftEyeOpen(), face.rightEyeOpen()) < config.minEyeOpen()) {
            return Optional.of(ReasonCode.EYES_COVERED);
        }
        return Optional.empty();
    }

    /** Exactly one acceptable face, or the reason why not. */
    public Optional<Rejection> assessSingleFace(ImageAnalysis analysis) {
        if (analysis.isRejected()) {
            return analysis.rejection();
        }
        if (analysis.faces().size() > 1) {
            return Optional.of(Rejection.of(ReasonCode.MULTIPLE_FACES, analysis.faces().size() + " faces"));
        }
        FaceObservation face = analysis.faces().get(0);
        return assess(face).map(code -> Rejection.of(code, face.toString()));
    }

    /** True below the threshold, and when anti-spoofing was not run (NaN): fail closed. */
    public boolean spoofSuspected(FaceObservation face) {
        return !(face.antiSpoofScore() >= config.antiSpoofThreshold());
    }

    public boolean matches(double similarity) {
        return similarity >= config.matchThreshold();
    }
}
