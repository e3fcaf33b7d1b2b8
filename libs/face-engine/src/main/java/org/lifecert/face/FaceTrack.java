package org.lifecert.face;

/**
 * Where the one face of an analysed frame was (its detection box and landmarks), so that a following frame of the
 * same camera can be analysed without running the detector: {@link FaceEngine#analyzeRetained(byte[], AnalysisOptions,
 * FaceTrack)} finds the landmarks inside this box, moves and scales the box by how far the landmarks moved, and analyses
 * the face there. When the landmarks moved too far ({@link FaceEngineConfig#trackMaxShift()},
 * {@link FaceEngineConfig#trackMaxScaleChange()}), the image size differs or the head pose is asked for, it detects as
 * usual. A tracked frame always reports one face, and the landmark model finds "a face" in whatever the box holds (a
 * face shifted by half the box still read as followed): the caller must detect regularly (every few frames) to notice
 * a face that left, a second face or none.
 * From {@link RetainedAnalysis#track()}; immutable, may be used from any thread.
 */
public final class FaceTrack {
    final OutputDecoding.Candidate candidate;
    final double[] landmarks;
    final int workWidth;
    final int workHeight;

    FaceTrack(OutputDecoding.Candidate candidate, double[] landmarks, int workWidth, int workHeight) {
        this.candidate = candidate;
        this.landmarks = landmarks.clone();
        this.workWidth = workWidth;
        this.workHeight = workHeight;
    }

    /** Centroid x, centroid y and root-mean-square distance from it of 68 landmark points (x, y pairs). */
    static double[] spread(double[] lm) {
        int n = lm.length / 2;
        double cx = 0, cy = 0;
        for (int i = 0; i < n; i++) {
            cx += lm[2 * i];
            cy += lm[2 * i + 1];
        }
        cx /= n;
        cy /= n;
        double ss = 0;
        for (int i = 0; i < n; i++) {
            double dx = lm[2 * i] - cx, dy = lm[2 * i + 1] - cy;
            ss += dx * dx + dy * dy;
        }
        return new double[]{cx, cy, Math.sqrt(ss / n)};
    }

    /**
     * The box for a frame whose landmarks, found inside this track's box, are {@code found}: moved by the centroid's
     * shift and scaled by the spread's ratio; null when the shift or the scale change exceeds the limits.
     */
    OutputDecoding.Candidate follow(double[] found, double maxShift, double maxScaleChange) {
        double[] was = spread(landmarks), now = spread(found);
        double side = Math.max(1e-6, Math.max(candidate.x2() - candidate.x1(), candidate.y2() - candidate.y1()));
        double shift = Math.hypot(now[0] - was[0], now[1] - was[1]) / side;
        double scale = was[2] > 1e-6 ? now[2] / was[2] : Double.NaN;
        if (!(shift <= maxShift) || !(scale <= maxScaleChange) || !(scale >= 1 / maxScaleChange)) {
            return null;
        }
        double cx = (candidate.x1() + candidate.x2()) / 2 + (now[0] - was[0]);
        double cy = (candidate.y1() + candidate.y2()) / 2 + (now[1] - was[1]);
        double hw = (candidate.x2() - candidate.x1()) / 2 * scale, hh = (candidate.y2() - candidate.y1()) / 2 * scale;
        return new OutputDecoding.Candidate(cx - hw, cy - hh, cx + hw, cy + hh, candidate.score());
    }
}
