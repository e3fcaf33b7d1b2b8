package org.lifecert.face;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The decoders against values worked out by hand. */
class OutputDecodingTests {

    @Test
    void softmaxOfTwoLogitsIsTheLogistic() {
        double[] p = OutputDecoding.softmax(new float[]{2f, 0f});
        double expected = 1 / (1 + Math.exp(-2));  // 0.880797
        assertEquals(expected, p[0], 1e-9);
        assertEquals(1 - expected, p[1], 1e-9);
    }

    @Test
    void softmaxSurvivesLargeLogits() {
        double[] p = OutputDecoding.softmax(new float[]{1000f, 1000f, -1000f});
        assertArrayEquals(new double[]{0.5, 0.5, 0}, p, 1e-12);
    }

    @Test
    void poseAngleIsThreeTimesTheExpectedBinMinusNinetyNine() {
        float[] peaked = filled(-1000f);
        peaked[33] = 0f;
        assertEquals(0.0, OutputDecoding.poseAngle(peaked), 1e-9);  // 33 * 3 - 99

        float[] twoBins = filled(-1000f);
        twoBins[10] = 5f;
        twoBins[20] = 5f;
        assertEquals(-54.0, OutputDecoding.poseAngle(twoBins), 1e-9);  // (10 + 20) / 2 * 3 - 99

        float[] uniform = filled(0f);
        assertEquals(-1.5, OutputDecoding.poseAngle(uniform), 1e-9);  // mean bin 32.5 -> 97.5 - 99

        float[] weighted = filled(-1000f);
        weighted[40] = (float) Math.log(3);  // weights 3:1 for bins 40 and 44
        weighted[44] = 0f;
        assertEquals((40 * 0.75 + 44 * 0.25) * 3 - 99, OutputDecoding.poseAngle(weighted), 1e-5);  // 24.0
    }

    private static float[] filled(float v) {
        float[] a = new float[66];
        java.util.Arrays.fill(a, v);
        return a;
    }

    @Test
    void detectionsBelowThresholdAreDroppedAndOverlapsSuppressed() {
        // 4 priors: a face (0.95), a shifted duplicate of it (0.90, IoU 0.68), a second face (0.80), noise (0.30).
        float[] scores = {0.05f, 0.95f, 0.10f, 0.90f, 0.20f, 0.80f, 0.70f, 0.30f};
        float[] boxes = {
                0.10f, 0.10f, 0.30f, 0.40f,
                0.12f, 0.12f, 0.32f, 0.42f,
                0.60f, 0.20f, 0.80f, 0.50f,
                0.00f, 0.00f, 1.00f, 1.00f};
        List<OutputDecoding.Candidate> kept = OutputDecoding.selectDetections(scores, boxes, 4, 0.65, 750, 0.4, 320, 240);
        assertEquals(2, kept.size());
        OutputDecoding.Candidate first = kept.get(0);
        assertEquals(0.95, first.score(), 1e-6);
        assertEquals(32.0, first.x1(), 1e-4);   // 0.10 * 320
        assertEquals(24.0, first.y1(), 1e-4);   // 0.10 * 240
        assertEquals(96.0, first.x2(), 1e-4);   // 0.30 * 320
        assertEquals(96.0, first.y2(), 1e-4);   // 0.40 * 240
        assertEquals(0.80, kept.get(1).score(), 1e-6);
        assertEquals(192.0, kept.get(1).x1(), 1e-4);
    }

    @Test
    void intersectionOverUnionMatchesHandArithmetic() {
        OutputDecoding.Candidate a = new OutputDecoding.Candidate(0, 0, 10, 10, 1);
        OutputDecoding.Candidate b = new OutputDecoding.Candidate(5, 0, 15, 10, 1);
        assertEquals(50.0 / 150.0, a.iou(b), 1e-12);  // overlap 5x10, union 100 + 100 - 50
        OutputDecoding.Candidate c = new OutputDecoding.Candidate(20, 20, 30, 30, 1);
        assertEquals(0.0, a.iou(c), 1e-12);
    }

    @Test
    void nmsKeepsTheBestOfEachOverlappingGroup() {
        List<OutputDecoding.Candidate> sorted = List.of(
                new OutputDecoding.Candidate(0, 0, 10, 10, 0.9),
                new OutputDecoding.Candidate(1, 0, 11, 10, 0.8),   // IoU 90/110 = 0.82 with the first
                new OutputDecoding.Candidate(6, 0, 16, 10, 0.7),   // IoU 40/160 = 0.25 with the first: kept at 0.4
                new OutputDecoding.Candidate(7, 0, 17, 10, 0.6));  // IoU 90/110 with the third
        List<OutputDecoding.Candidate> kept = OutputDecoding.nms(sorted, 0.4);
        assertEquals(List.of(sorted.get(0), sorted.get(2)), kept);
    }

    @Test
    void detectionInsideALargerFaceIsDropped() {
        OutputDecoding.Candidate face = new OutputDecoding.Candidate(0, 0, 100, 100, 0.99);
        OutputDecoding.Candidate eye = new OutputDecoding.Candidate(20, 30, 40, 50, 0.72);      // fully inside
        OutputDecoding.Candidate edge = new OutputDecoding.Candidate(90, 0, 190, 100, 0.95);    // 10% inside
        OutputDecoding.Candidate half = new OutputDecoding.Candidate(80, 80, 120, 120, 0.9);    // 20x20 of 40x40 = 25% inside
        List<OutputDecoding.Candidate> kept = OutputDecoding.dropNested(List.of(eye, face, edge, half), 0.6);
        assertEquals(List.of(face, edge, half), kept);
    }
}
