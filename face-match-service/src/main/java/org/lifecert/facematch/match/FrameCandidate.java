package org.lifecert.facematch.match;

/**
 * One analysed frame as a candidate for matching.
 *
 * @param faces     faces found; only frames with exactly one are used
 * @param eyesOpen  the higher of the two eye-open probabilities
 * @param faceSize  face box side in pixels
 * @param sharpness Laplacian variance of the 64x64 face crop
 */
public record FrameCandidate(int sequence, int faces, double yaw, double pitch, double eyesOpen, double faceSize,
                             double sharpness) {
}
