package org.lifecert.face;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Every threshold and limit the engine uses, with defaults calibrated on the development set (see README,
 * "Calibration"). Immutable; build with {@link #builder()} or take {@link #defaults()}.
 */
public final class FaceEngineConfig {
    private final Path modelDirectory;
    private final int intraOpThreads;
    private final int maxImageBytes;
    private final long maxImagePixels;
    private final int maxImageSide;
    private final double detectionScoreThreshold;
    private final double nmsIouThreshold;
    private final int detectionTopK;
    private final int maxFaces;
    private final double maxNestedFaceOverlap;
    private final boolean padWhenNoFace;
    private final double minFaceSize;
    private final double minBrightness;
    private final double maxBrightness;
    private final double maxBacklight;
    private final double minSharpness;
    private final double maxYaw;
    private final double maxPitch;
    private final double minEyeOpen;
    private final double matchThreshold;
    private final double antiSpoofThreshold;
    private final double trackMaxShift;
    private final int halfScaleDecodeMinSide;
    private final double trackMaxScaleChange;

    private FaceEngineConfig(Builder b) {
        this.modelDirectory = b.modelDirectory;
        this.intraOpThreads = b.intraOpThreads;
        this.maxImageBytes = b.maxImageBytes;
        this.maxImagePixels = b.maxImagePixels;
        this.maxImageSide = b.maxImageSide;
        this.detectionScoreThreshold = b.detectionScoreThreshold;
        this.nmsIouThreshold = b.nmsIouThreshold;
        this.detectionTopK = b.detectionTopK;
        this.maxFaces = b.maxFaces;
        this.maxNestedFaceOverlap = b.maxNestedFaceOverlap;
        this.padWhenNoFace = b.padWhenNoFace;
        this.minFaceSize = b.minFaceSize;
        this.minBrightness = b.minBrightness;
        this.maxBrightness = b.maxBrightness;
        this.maxBacklight = b.maxBacklight;
        this.minSharpness = b.minSharpness;
        this.maxYaw = b.maxYaw;
        this.maxPitch = b.maxPitch;
        this.minEyeOpen = b.minEyeOpen;
        this.matchThreshold = b.matchThreshold;
        this.antiSpoofThreshold = b.antiSpoofThreshold;
        this.trackMaxShift = b.trackMaxShift;
        this.halfScaleDecodeMinSide = b.halfScaleDecodeMinSide;
        this.trackMaxScaleChange = b.trackMaxScaleChange;
    }

    public static FaceEngineConfig defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.modelDirectory = modelDirectory;
        b.intraOpThreads = intraOpThreads;
        b.maxImageBytes = maxImageBytes;
        b.maxImagePixels = maxImagePixels;
        b.maxImageSide = maxImageSide;
        b.detectionScoreThreshold = detectionScoreThreshold;
        b.nmsIouThreshold = nmsIouThreshold;
        b.detectionTopK = detectionTopK;
        b.maxFaces = maxFaces;
        b.maxNestedFaceOverlap = maxNestedFaceOverlap;
        b.padWhenNoFace = padWhenNoFace;
        b.minFaceSize = minFaceSize;
        b.minBrightness = minBrightness;
        b.maxBrightness = maxBrightness;
        b.maxBacklight = maxBacklight;
        b.minSharpness = minSharpness;
        b.maxYaw = maxYaw;
        b.maxPitch = maxPitch;
        b.minEyeOpen = minEyeOpen;
        b.matchThreshold = matchThreshold;
        b.antiSpoofThreshold = antiSpoofThreshold;
        b.trackMaxShift = trackMaxShift;
        b.halfScaleDecodeMinSide = halfScaleDecodeMinSide;
        b.trackMaxScaleChange = trackMaxScaleChange;
        return b;
    }

    /** Directory holding fr_*.onnx; empty = the models shipped on the class path (models/). */
    public Optional<Path> modelDirectory() { return Optional.ofNullable(modelDirectory); }
    /** ONNX Runtime intra-op threads per session (1: scale with more frames in parallel, not more threads per frame). */
    public int intraOpThreads() { return intraOpThreads; }
    /** Larger encoded images are rejected with IMAGE_TOO_LARGE before decoding. */
    public int maxImageBytes() { return maxImageBytes; }
    /** Declared width x height above this is rejected with IMAGE_TOO_LARGE before decoding (decompression bombs). */
    public long maxImagePixels() { return maxImagePixels; }
    public int maxImageSide() { return maxImageSide; }
    /** Detector score (face class probability) to keep a candidate; 0.65 in the reference. */
    public double detectionScoreThreshold() { return detectionScoreThreshold; }
    public double nmsIouThreshold() { return nmsIouThreshold; }
    public int detectionTopK() { return detectionTopK; }
    /** At most this many faces are analysed and returned per image (largest first); two are enough for MULTIPLE_FACES. */
    public int maxFaces() { return maxFaces; }
    /**
     * A detection whose box lies inside a larger one by more than this share of its area is dropped (the detector
     * sometimes fires on an eye of a large face: verify/howard/5.png, verify/sheldon/5.png at score 0.72).
     */
    public double maxNestedFaceOverlap() { return maxNestedFaceOverlap; }
    /** When nothing is found, detect again on the image padded to twice its size (tight face crops). */
    public boolean padWhenNoFace() { return padWhenNoFace; }
    /** Minimum face box side in pixels (FACE_TOO_SMALL). */
    public double minFaceSize() { return minFaceSize; }
    /** Minimum mean grey level of the face (TOO_DARK). */
    public double minBrightness() { return minBrightness; }
    /** Maximum mean grey level of the face (TOO_BRIGHT). */
    public double maxBrightness() { return maxBrightness; }
    /** Maximum (image mean grey - face mean grey): above it the face is backlit (TOO_BRIGHT). */
    public double maxBacklight() { return maxBacklight; }
    /** Minimum contrast-normalised Laplacian variance of the 64x64 face crop (BLURRED), see {@link Quality#sharpness()}. */
    public double minSharpness() { return minSharpness; }
    /** Maximum |yaw| in degrees (NOT_FRONTAL). */
    public double maxYaw() { return maxYaw; }
    /** Maximum |pitch| in degrees (NOT_FRONTAL). */
    public double maxPitch() { return maxPitch; }
    /** When both eyes' open probability is below this the eyes are taken as covered (EYES_COVERED). */
    public double minEyeOpen() { return minEyeOpen; }
    /** Cosine similarity at or above which two embeddings are the same person. */
    public double matchThreshold() { return matchThreshold; }
    /** Anti-spoof score (probability live) below which a face is a suspected presentation attack. */
    public double antiSpoofThreshold() { return antiSpoofThreshold; }
    /**
     * Tracking ({@link FaceTrack}): when the landmarks found in the tracked box have moved by more than this share of
     * the box side from where they were on the detected frame, the track is lost and the frame is detected instead.
     */
    public double trackMaxShift() { return trackMaxShift; }
    /** Tracking: a landmark spread grown or shrunk by more than this factor loses the track (detect instead). */
    public double trackMaxScaleChange() { return trackMaxScaleChange; }
    /**
     * JPEGs whose shorter side is at least this are decoded at half scale (libjpeg's DCT scaling: 0.9 instead of
     * 1.9 ms for 640x480) and analysed there; coordinates and sizes are still reported in the image's own pixels.
     * 0 (default) = always full scale. The models' inputs are small (detector 320x240, eyes 24 px, landmarks 64 px,
     * embedding 112 px), so a 640x480 frame keeps their detail at half scale; see the README for what was compared.
     */
    public int halfScaleDecodeMinSide() { return halfScaleDecodeMinSide; }

    public static final class Builder {
        private Path modelDirectory;
        private int intraOpThreads = 1;
        private int maxImageBytes = 15 * 1024 * 1024;
        private long maxImagePixels = 40_000_000L;
        private int maxImageSide = 12_000;
        private double detectionScoreThreshold = 0.65;
        private double nmsIouThreshold = 0.4;
        private int detectionTopK = 750;
        private int maxFaces = 10;
        private double maxNestedFaceOverlap = 0.6;
        private boolean padWhenNoFace = true;
        private double minFaceSize = 64;
        private double minBrightness = 50;
        private double maxBrightness = 215;
        private double maxBacklight = 70;
        private double minSharpness = 0.08;
        private double maxYaw = 25;
        private double maxPitch = 25;
        private double minEyeOpen = 0.2;
        private double matchThreshold = 0.35;
        private double antiSpoofThreshold = 0.5;
        private double trackMaxShift = 0.25;
        private int halfScaleDecodeMinSide = 0;
        private double trackMaxScaleChange = 1.25;

        private Builder() {
        }

        public Builder modelDirectory(Path v) { modelDirectory = v; return this; }
        public Builder intraOpThreads(int v) { intraOpThreads = v; return this; }
        public Builder maxImageBytes(int v) { maxImageBytes = v; return this; }
        public Builder maxImagePixels(long v) { maxImagePixels = v; return this; }
        public Builder maxImageSide(int v) { maxImageSide = v; return this; }
        public Builder detectionScoreThreshold(double v) { detectionScoreThreshold = v; return this; }
        public Builder nmsIouThreshold(double v) { nmsIouThreshold = v; return this; }
        public Builder detectionTopK(int v) { detectionTopK = v; return this; }
        public Builder maxFaces(int v) { maxFaces = v; return this; }
        public Builder maxNestedFaceOverlap(double v) { maxNestedFaceOverlap = v; return this; }
        public Builder padWhenNoFace(boolean v) { padWhenNoFace = v; return this; }
        public Builder minFaceSize(double v) { minFaceSize = v; return this; }
        public Builder minBrightness(double v) { minBrightness = v; return this; }
        public Builder maxBrightness(double v) { maxBrightness = v; return this; }
        public Builder maxBacklight(double v) { maxBacklight = v; return this; }
        public Builder minSharpness(double v) { minSharpness = v; return this; }
        public Builder maxYaw(double v) { maxYaw = v; return this; }
        public Builder maxPitch(double v) { maxPitch = v; return this; }
        public Builder minEyeOpen(double v) { minEyeOpen = v; return this; }
        public Builder matchThreshold(double v) { matchThreshold = v; return this; }
        public Builder antiSpoofThreshold(double v) { antiSpoofThreshold = v; return this; }
        public Builder trackMaxShift(double v) { trackMaxShift = v; return this; }
        public Builder halfScaleDecodeMinSide(int v) { halfScaleDecodeMinSide = v; return this; }
        public Builder trackMaxScaleChange(double v) { trackMaxScaleChange = v; return this; }

        public FaceEngineConfig build() {
            if (intraOpThreads < 1 || maxImageBytes < 1 || maxImagePixels < 1 || maxImageSide < 1 || maxFaces < 1
                    || detectionTopK < 1) {
                throw new IllegalArgumentException("limits must be positive");
            }
            return new FaceEngineConfig(this);
        }
    }
}
