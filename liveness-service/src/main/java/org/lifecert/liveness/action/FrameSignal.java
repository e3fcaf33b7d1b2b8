package org.lifecert.liveness.action;

/**
 * What the face engine measured on one frame of a step, reduced to what the action detectors read.
 *
 * @param atMillis     capture time, epoch milliseconds
 * @param faces        faces found (0 when none)
 * @param leftEyeOpen  probability the image-left eye is open
 * @param rightEyeOpen probability the image-right eye is open
 * @param mouthOpening inner-lip gap over inner-lip width
 * @param yaw          degrees; negative when the head turns toward the image's right in an unmirrored frame
 * @param pitch        degrees; negative looking down; yaw and pitch are NaN on steps that are not turns or nods
 *                     (the head pose is not measured there)
 * @param antiSpoof    probability live; NaN on frames that were not among the batch's best (not scored)
 */
public record FrameSignal(int sequence, long atMillis, int faces, double leftEyeOpen, double rightEyeOpen,
                          double mouthOpening, double yaw, double pitch, double antiSpoof, double quality,
                          String qualityIssue) {

    public boolean hasFace() {
        return faces > 0;
    }

    /** A frame in which the face engine found no usable face (undecodable, no face). */
    public static FrameSignal noFace(int sequence, long atMillis, String issue) {
        return new FrameSignal(sequence, atMillis, 0, 0, 0, 0, 0, 0, 0, 0, issue);
    }

    /** A frame with one face and neutral signals, for tests and builders. */
    public static FrameSignal face(int sequence, long atMillis) {
        return new FrameSignal(sequence, atMillis, 1, 1, 1, 0.02, 0, 0, 0.99, 1, null);
    }

    public FrameSignal withEyes(double left, double right) {
        return new FrameSignal(sequence, atMillis, faces, left, right, mouthOpening, yaw, pitch, antiSpoof, quality, qualityIssue);
    }

    public FrameSignal withMouth(double opening) {
        return new FrameSignal(sequence, atMillis, faces, leftEyeOpen, rightEyeOpen, opening, yaw, pitch, antiSpoof, quality, qualityIssue);
    }

    /** The same frame with its anti-spoof score (NaN until the worker scores it: only the best frames are). */
    public FrameSignal withAntiSpoof(double score) {
        return new FrameSignal(sequence, atMillis, faces, leftEyeOpen, rightEyeOpen, mouthOpening, yaw, pitch, score, quality, qualityIssue);
    }

    public FrameSignal withPose(double newYaw, double newPitch) {
        return new FrameSignal(sequence, atMillis, faces, leftEyeOpen, rightEyeOpen, mouthOpening, newYaw, newPitch, antiSpoof, quality, qualityIssue);
    }
}
