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
    private Mat work;

    RetainedAnalysis(FaceEngine engine, Mat work, ImageAnalysis analysis, List<Face> faces,
                     StageTimings timings) {
        this.engine = engine;
        this.work = work;
        this.analysis = analysis;
        this.faces = List.copyOf(faces);
        this.timings = timings;
        this.antiSpoof = new double[faces.size()];
        java.util.Arrays.fill(antiSpoof, Double.NaN);
        this.embeddings = new float[faces.size()][];
        for (int i = 0; i < this.faces.size(); i++) {
            FaceObservation o = this.faces.get(i).observation();
            antiSpoof[i] = o.antiSpoofScore();
            embeddings[i] = o.embedding().orElse(null);
        }
    }

    static RetainedAnalysis rejected(ImageAnalysis analysis) {
        return new RetainedAnalysis(null, null, analysis, List.of(), null);
    }

    boolean holdsImage() {
        return work != null;
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
