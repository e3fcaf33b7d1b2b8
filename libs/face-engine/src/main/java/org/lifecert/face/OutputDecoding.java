package org.lifecert.face;

import java.util.ArrayList;
import java.util.List;

/** Decoding of the models' raw outputs, kept free of ONNX and OpenCV so tests can check them against hand-computed values. */
final class OutputDecoding {
    /** fr_pose: 66 bins of 3 degrees; angle = 3 x expected bin - 99 (as lib/fr_pose.js). */
    static final int POSE_BINS = 66;
    static final double POSE_BIN_DEGREES = 3;
    static final double POSE_OFFSET_DEGREES = 99;

    private OutputDecoding() {
    }

    static double[] softmax(float[] logits, int offset, int length) {
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < length; i++) {
            max = Math.max(max, logits[offset + i]);
        }
        double[] out = new double[length];
        double sum = 0;
        for (int i = 0; i < length; i++) {
            out[i] = Math.exp(logits[offset + i] - max);
            sum += out[i];
        }
        for (int i = 0; i < length; i++) {
            out[i] /= sum;
        }
        return out;
    }

    static double[] softmax(float[] logits) {
        return softmax(logits, 0, logits.length);
    }

    /** Expected angle in degrees from one 66-bin pose head. */
    static double poseAngle(float[] binLogits) {
        if (binLogits.length != POSE_BINS) {
            throw new IllegalArgumentException("pose head has " + binLogits.length + " bins");
        }
        double[] p = softmax(binLogits);
        double expected = 0;
        for (int i = 0; i < p.length; i++) {
            expected += p[i] * i;
        }
        return expected * POSE_BIN_DEGREES - POSE_OFFSET_DEGREES;
    }

    /** A detector candidate in pixel coordinates (corners). */
    record Candidate(double x1, double y1, double x2, double y2, double score) {
        double area() {
            return Math.max(0, x2 - x1) * Math.max(0, y2 - y1);
        }

        double iou(Candidate o) {
            double ix = Math.max(0, Math.min(x2, o.x2) - Math.max(x1, o.x1));
            double iy = Math.max(0, Math.min(y2, o.y2) - Math.max(y1, o.y1));
            double inter = ix * iy;
            double union = area() + o.area() - inter;
            return union <= 0 ? 0 : inter / union;
        }
    }

    /**
     * fr_detect's outputs are already decoded (normalised corners; the prior-box code in lib/fr_detect.js is dead):
     * keep scores (face class, column 1) at or above the threshold, the best {@code topK}, then greedy IoU
     * non-maximum suppression. Boxes are scaled by {@code width}, {@code height}.
     */
    static List<Candidate> selectDetections(float[] scores, float[] boxes, int priors, double scoreThreshold,
                                            int topK, double iouThreshold, double width, double height) {
        List<Candidate> kept = new ArrayList<>();
        for (int i = 0; i < priors; i++) {
            double s = scores[i * 2 + 1];
            if (s >= scoreThreshold) {
                Candidate c = new Candidate(boxes[i * 4] * width, boxes[i * 4 + 1] * height,
                        boxes[i * 4 + 2] * width, boxes[i * 4 + 3] * height, s);
                if (c.x2() > c.x1() && c.y2() > c.y1()) {
                    kept.add(c);
                }
            }
        }
        kept.sort((a, b) -> Double.compare(b.score(), a.score()));
        if (kept.size() > topK) {
            kept = new ArrayList<>(kept.subList(0, topK));
        }
        return nms(kept, iouThreshold);
    }

    /**
     * Drops candidates lying mostly inside a larger candidate (share of their own area above {@code maxInside}):
     * a face cannot be inside another face, but the detector sometimes fires on an eye of a large face.
     */
    static List<Candidate> dropNested(List<Candidate> candidates, double maxInside) {
        List<Candidate> byArea = new ArrayList<>(candidates);
        byArea.sort((a, b) -> Double.compare(b.area(), a.area()));
        List<Candidate> kept = new ArrayList<>();
        for (Candidate c : byArea) {
            boolean nested = false;
            for (Candidate big : kept) {
                double ix = Math.max(0, Math.min(c.x2(), big.x2()) - Math.max(c.x1(), big.x1()));
                double iy = Math.max(0, Math.min(c.y2(), big.y2()) - Math.max(c.y1(), big.y1()));
                if (c.area() > 0 && ix * iy / c.area() > maxInside) {
                    nested = true;
                    break;
                }
            }
            if (!nested) {
                kept.add(c);
            }
        }
        return kept;
    }

    /** Greedy non-maximum suppression of candidates sorted by descending score. */
    static List<Candidate> nms(List<Candidate> sortedByScore, double iouThreshold) {
        List<Candidate> result = new ArrayList<>();
        boolean[] suppressed = new boolean[sortedByScore.size()];
        for (int i = 0; i < sortedByScore.size(); i++) {
            if (suppressed[i]) {
                continue;
            }
            Candidate c = sortedByScore.get(i);
            result.add(c);
            for (int j = i + 1; j < sortedByScore.size(); j++) {
                if (!suppressed[j] && c.iou(sortedByScore.get(j)) > iouThreshold) {
                    suppressed[j] = true;
                }
            }
        }
        return result;
    }
}
