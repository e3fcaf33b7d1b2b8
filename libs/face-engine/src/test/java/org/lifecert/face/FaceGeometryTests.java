package org.lifecert.face;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opencv.calib3d.Calib3d;
import org.opencv.core.Mat;
import org.opencv.core.MatOfPoint2f;
import org.opencv.core.Point;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class FaceGeometryTests {

    @BeforeAll
    static void opencv() {
        NativeLibraries.load();
    }

    @Test
    void boxIsMadeSquareOnItsHeightAroundTheSameCentre() {
        assertArrayEquals(new double[]{5, 0, 40, 40}, FaceGeometry.squareBox(10, 0, 40, 40), 1e-12);
    }

    @Test
    void similarityTransformRecoversAKnownRotationScaleAndShift() {
        double scale = 1.7, angle = Math.toRadians(12), tx = -30, ty = 14;
        double a = scale * Math.cos(angle), b = scale * Math.sin(angle);
        double[][] src = {{100, 120}, {160, 118}, {131, 150}, {108, 182}, {155, 181}};
        double[][] dst = new double[5][];
        for (int i = 0; i < 5; i++) {
            dst[i] = new double[]{a * src[i][0] - b * src[i][1] + tx, b * src[i][0] + a * src[i][1] + ty};
        }
        assertArrayEquals(new double[]{a, -b, tx, b, a, ty}, FaceGeometry.similarityTransform(src, dst), 1e-9);
    }

    @Test
    void similarityTransformAgreesWithOpenCvOnNoisyLandmarks() {
        double[][] src = {{101.3, 119.2}, {158.8, 121.5}, {129.1, 152.7}, {107.4, 180.9}, {153.2, 183.6}};
        double[] m = FaceGeometry.similarityTransform(src, FaceGeometry.REFERENCE_FIVE_POINTS);
        // Independent: OpenCV's least-squares partial affine fit (LMEDS on 5 points is exhaustive enough; refine on).
        MatOfPoint2f from = new MatOfPoint2f(), to = new MatOfPoint2f();
        Point[] f = new Point[5], t = new Point[5];
        for (int i = 0; i < 5; i++) {
            f[i] = new Point(src[i][0], src[i][1]);
            t[i] = new Point(FaceGeometry.REFERENCE_FIVE_POINTS[i][0], FaceGeometry.REFERENCE_FIVE_POINTS[i][1]);
        }
        from.fromArray(f);
        to.fromArray(t);
        Mat inliers = new Mat();
        Mat cv = Calib3d.estimateAffinePartial2D(from, to, inliers, Calib3d.RANSAC, 1000, 2000, 0.99, 10);
        double[] expected = new double[6];
        for (int r = 0; r < 2; r++) {
            for (int c = 0; c < 3; c++) {
                expected[r * 3 + c] = cv.get(r, c)[0];
            }
        }
        assertArrayEquals(expected, m, 1e-3);
    }

    @Test
    void mouthOpeningIsInnerLipGapOverInnerLipWidth() {
        double[] lm = new double[136];
        set(lm, 60, 0, 0);
        set(lm, 64, 40, 0);
        set(lm, 61, 10, -2);
        set(lm, 67, 10, 4);   // gap 6
        set(lm, 62, 20, -3);
        set(lm, 66, 20, 6);   // gap 9
        set(lm, 63, 30, -2);
        set(lm, 65, 30, 4);   // gap 6
        assertEquals(7.0 / 40.0, FaceGeometry.mouthOpening(lm), 1e-12);
    }

    @Test
    void eyeCropIsCentredOnTheLidsAndOnePointSixCornerDistancesWide() {
        double[] lm = new double[136];
        set(lm, 36, 100, 50);
        set(lm, 39, 120, 50);
        set(lm, 37, 105, 46);
        set(lm, 38, 115, 46);
        set(lm, 40, 115, 54);
        set(lm, 41, 105, 54);
        // centre (110, 50), side 1.6 x 20 = 32
        assertArrayEquals(new double[]{94, 34, 32}, FaceGeometry.eyeCrop(lm, 36), 1e-9);
    }

    @Test
    void fivePointsAreEyeCentresNoseTipAndMouthCorners() {
        double[] lm = new double[136];
        for (int i = 0; i < 68; i++) {
            set(lm, i, i, 2 * i);
        }
        double[][] five = FaceGeometry.fivePoints(lm);
        assertArrayEquals(new double[]{39, 78}, five[0], 1e-12);   // (37 + 38 + 40 + 41) / 4
        assertArrayEquals(new double[]{45, 90}, five[1], 1e-12);   // (43 + 44 + 46 + 47) / 4
        assertArrayEquals(new double[]{30, 60}, five[2], 1e-12);
        assertArrayEquals(new double[]{54, 108}, five[3], 1e-12);  // (48 + 60) / 2
        assertArrayEquals(new double[]{59, 118}, five[4], 1e-12);  // (54 + 64) / 2
    }

    @Test
    void livenessCropIsShrunkToFitAndShiftedInside() {
        // 400x300 image, box 100x100 at (250, 150): 2.7x would be 270 px; fits (299/100 > 2.7), centre (300, 200)
        // gives x 165..435 -> shifted left by 36 to 129..399; y 65..335 -> shifted up by 36 to 29..299.
        assertArrayEquals(new double[]{129, 29, 270, 270}, FaceGeometry.livenessCrop(250, 150, 100, 100, 400, 300), 1e-9);
        // 200x150 image, box 100x100: scale min(149/100, 199/100, 2.7) = 1.49 -> 149 px square.
        double[] r = FaceGeometry.livenessCrop(50, 25, 100, 100, 200, 150);
        assertEquals(149, r[2], 1e-9);
        assertEquals(149, r[3], 1e-9);
        assertEquals(0, r[1], 1e-9);
    }

    @Test
    void landmarksAreScaledFromTheBoxToTheImage() {
        float[] normalised = {0.5f, 0.25f, 1f, 1f};
        assertArrayEquals(new double[]{60, 45, 110, 120}, FaceGeometry.landmarksToImage(normalised, 10, 20, 100, 100), 1e-6);
    }

    private static void set(double[] lm, int point, double x, double y) {
        lm[point * 2] = x;
        lm[point * 2 + 1] = y;
    }
}
