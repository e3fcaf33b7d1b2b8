package org.lifecert.face;

import org.opencv.core.Mat;

import java.util.List;

/**
 * An {@link ImageAnalysis} that still holds its decoded image and each face's detection and landmarks, so the costly
 * stages run later only where the caller needs them: a liveness worker tracks an action over ten frames with the
 * cheap stages, then scores anti-spoofing and the embedding on the one or two best frames without decoding or
 * detecting again. From {@link FaceEngine#analyzeRetained}; close it to free the image. Not thread-safe: one thread at
 * a time.
 */
public final class RetainedAnalysis implements AutoCloseable {

    /** A face as the engine saw it: what it reports, and what the later stages start from. */
    record Face(FaceObservation observation, OutputDecoding.Candidate candidate, double[] landmarks) {
    }

    private final FaceEngine engine;
    private final ImageAnalysis analysis;
    private final List<Face> faces;
    private final StageTimings timings;
    private final double[] antiSpoof;
    private final float[][] embeddings;
    private final HeadPose[] poses;
    private final boolean tracked;
    private Mat work;
    private final int workWidth;
    private final int workHeight;

    RetainedAnalysis(FaceEngine engine, Mat work, ImageAnalysis analysis, List<Face> faces,
                     StageTimings timings, boolean tracked) {
        this.engine = engine;
        this.tracked = tracked;
        this.workWidth = work == null ? 0 : work.cols();
        this.workHeight = work == null ? 0 : work.rows();
        this.work = work;
        this.analysis = analysis;
        this.faces = List.copyOf(faces);
        this.timings = timings;
        this.antiSpoof = new double[faces.size()];
        java.util.Arrays.fill(antiSpoof, Double.NaN);
        this.embeddings = new float[faces.size()][];
        this.poses = new HeadPose[faces.size()];
        for (int i = 0; i < this.faces.size(); i++) {
            FaceObservation o = this.faces.get(i).observation();
            antiSpoof[i] = o.antiSpoofScore();
            embeddings[i] = o.embedding().orElse(null);
            if (!Double.isNaN(o.yaw())) {
                poses[i] = new HeadPose(o.yaw(), o.pitch(), o.roll());
            }
        }
    }

    static RetainedAnalysis rejected(ImageAnalysis analysis) {
        return new RetainedAnalysis(null, null, analysis, List.of(), null, false);
    }

    boolean holdsImage() {
        return work != null;
    }

    /** Native memory the decoded image takes until {@link #close()} (0 once closed, or for a rejected image). */
    public long imageBytes() {
        Mat image = work;
        return image == null ? 0 : image.total() * image.elemSize();
    }

    /**
     * True when the face was followed from a {@link FaceTrack} instead of detected: then the analysis holds exactly
     * one face and says nothing about other faces in the image.
     */
    public boolean tracked() {
        return tracked;
    }

    /**
     * Where this frame's face is, for analysing the next frames without the detector; empty unless the frame holds
     * exactly one face. Stays valid after {@link #close()}.
     */
    public java.util.Optional<FaceTrack> track() {
        if (analysis.isRejected() || faces.size() != 1) {
            return java.util.Optional.empty();
        }
        Face f = faces.get(0);
        return java.util.Optional.of(new FaceTrack(f.candidate(), f.landmarks(), workWidth, workHeight));
    }

    /**
     * fr_pose (yaw, pitch, roll) of face {@code index}; computed on the first call, or the values the analysis options
     * already computed. Same values as {@link AnalysisOptions#withPose(boolean)} gives.
     *
     * @throws IllegalStateException on a {@link #tracked()} face (the pose model needs the detector's box)
     */
    public HeadPose headPose(int index) {
        Face face = face(index);
        if (tracked) {
            throw new IllegalStateException("no head pose on a tracked face: fr_pose needs the detector's framing");
        }
        if (poses[index] == null) {
            poses[index] = engine.headPose(work, face.candidate(), timings);
        }
        return poses[index];
    }

    /** What {@link FaceEngine#analyze} would have returned with the same options. */
    public ImageAnalysis analysis() {
        return analysis;
    }

    /**
     * fr_liveness score (probability live) of face {@code index} (largest first, as in {@link ImageAnalysis#faces()});
     * computed on the first call, or the value the analysis options already computed.
     *
     * @throws IllegalStateException when closed or rejected
     * @throws IndexOutOfBoundsException for an index with no face
     */
    public double antiSpoofScore(int index) {
        Face face = face(index);
        if (Double.isNaN(antiSpoof[index])) {
            antiSpoof[index] = engine.antiSpoof(work, face.candidate(), timings);
        }
        return antiSpoof[index];
    }

    /**
     * The L2-normalised embedding of face {@code index}, aligned from the landmarks already found; computed on the
     * first call. Same values as {@link AnalysisOptions#withEmbedding(boolean)} gives.
     */
    public float[] embedding(int index) {
        Face face = face(index);
        if (embeddings[index] == null) {
            embeddings[index] = engine.embed(work, face.landmarks(), timings);
        }
        return embeddings[index].clone();
    }

    private Face face(int index) {
        if (analysis.isRejected()) {
            throw new IllegalStateException("the image was rejected: " + analysis.rejection().orElseThrow());
        }
        if (work == null) {
            throw new IllegalStateException("closed");
        }
        return faces.get(index);
    }

    @Override
    public void close() {
        if (work != null) {
            work.release();
            work = null;
        }
    }
}
