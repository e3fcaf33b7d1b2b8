package org.lifecert.face;

/** Geometry on boxes and the 68 landmarks (iBUG 300-W order), free of OpenCV so tests can check it by hand. */
final class FaceGeometry {
    /** The 112x112 ArcFace reference positions of eye centres, nose tip and mouth corners (lib/fr_feature.js). */
    static final double[][] REFERENCE_FIVE_POINTS = {
            {38.29459953, 51.69630051},
            {73.53179932, 51.50139999},
            {56.02519989, 71.73660278},
            {41.54930115, 92.3655014},
            {70.72990036, 92.20410156}};
    /** Eye crop side = this x the eye's corner-to-corner distance (lib/fr_eye.js). */
    static final double EYE_CROP_SCALE = 1.6;
    /** Pose crop: the box widened by a quarter of its size on each side (lib/fr_pose.js). */
    static final double POSE_CROP_MARGIN = 0.25;
    /** Anti-spoofing crop: 2.7 x the box, shrunk to fit and shifted inside the image (lib/fr_liveness.js). */
    static final double LIVENESS_CROP_SCALE = 2.7;

    private FaceGeometry() {
    }

    /** Square box with side = the box height, same centre (lib/fr_detect.js scaleResult, without the clipping). */
    static double[] squareBox(double x1, double y1, double x2, double y2) {
        double side = y2 - y1;
        double cx = (x1 + x2) / 2, cy = (y1 + y2) / 2;
        return new double[]{cx - side / 2, cy - side / 2, side, side};
    }

    /** Landmarks from normalised model output (x, y in 0..1 of the box) to image pixels. */
    static double[] landmarksToImage(float[] normalised, double bx, double by, double bw, double bh) {
        double[] out = new double[normalised.length];
        for (int i = 0; i < normalised.length; i += 2) {
            out[i] = normalised[i] * bw + bx;
            out[i + 1] = normalised[i + 1] * bh + by;
        }
        return out;
    }

    static double px(double[] lm, int point) {
        return lm[point * 2];
    }

    static double py(double[] lm, int point) {
        return lm[point * 2 + 1];
    }

    /**
     * Square eye crop {x, y, side}: centred on the mean of the four lid points, side 1.6 x the corner distance.
     * {@code first} = 36 for the image-left eye (lids 37, 38, 40, 41; corners 36, 39), 42 for the other.
     */
    static double[] eyeCrop(double[] lm, int first) {
        double cx = (px(lm, first + 1) + px(lm, first + 2) + px(lm, first + 4) + px(lm, first + 5)) / 4;
        double cy = (py(lm, first + 1) + py(lm, first + 2) + py(lm, first + 4) + py(lm, first + 5)) / 4;
        double cornerDistance = Math.hypot(px(lm, first + 3) - px(lm, first), py(lm, first + 3) - py(lm, first));
        double side = Math.max(1, cornerDistance * EYE_CROP_SCALE);
        return new double[]{cx - side / 2, cy - side / 2, side};
    }

    /** Mean inner-lip gap (61-67, 62-66, 63-65) over inner-lip width (60-64). */
    static double mouthOpening(double[] lm) {
        double width = Math.hypot(px(lm, 64) - px(lm, 60), py(lm, 64) - py(lm, 60));
        if (width <= 0) {
            return 0;
        }
        double gap = (Math.hypot(px(lm, 61) - px(lm, 67), py(lm, 61) - py(lm, 67))
                + Math.hypot(px(lm, 62) - px(lm, 66), py(lm, 62) - py(lm, 66))
                + Math.hypot(px(lm, 63) - px(lm, 65), py(lm, 63) - py(lm, 65))) / 3;
        return gap / width;
    }

    /** Eye centres, nose tip, mouth corners from the 68 points (lib/fr_feature.js convert68pts5pts). */
    static double[][] fivePoints(double[] lm) {
        return new double[][]{
                {(px(lm, 37) + px(lm, 38) + px(lm, 40) + px(lm, 41)) / 4, (py(lm, 37) + py(lm, 38) + py(lm, 40) + py(lm, 41)) / 4},
                {(px(lm, 43) + px(lm, 44) + px(lm, 46) + px(lm, 47)) / 4, (py(lm, 43) + py(lm, 44) + py(lm, 46) + py(lm, 47)) / 4},
                {px(lm, 30), py(lm, 30)},
                {(px(lm, 48) + px(lm, 60)) / 2, (py(lm, 48) + py(lm, 60)) / 2},
                {(px(lm, 54) + px(lm, 64)) / 2, (py(lm, 54) + py(lm, 64)) / 2}};
    }

    /**
     * Least-squares similarity transform (rotation, uniform scale, translation) taking {@code src} onto {@code dst}
     * (Umeyama without reflection), as a 2x3 row-major matrix {a, -b, tx, b, a, ty}. All points count, unlike the
     * reference's 3-point affine fit.
     */
    static double[] similarityTransform(double[][] src, double[][] dst) {
        int n = src.length;
        double sx = 0, sy = 0, dx = 0, dy = 0;
        for (int i = 0; i < n; i++) {
            sx += src[i][0];
            sy += src[i][1];
            dx += dst[i][0];
            dy += dst[i][1];
        }
        sx /= n;
        sy /= n;
        dx /= n;
        dy /= n;
        double num1 = 0, num2 = 0, den = 0;
        for (int i = 0; i < n; i++) {
            double px = src[i][0] - sx, py = src[i][1] - sy;
            double qx = dst[i][0] - dx, qy = dst[i][1] - dy;
            num1 += px * qx + py * qy;
            num2 += px * qy - py * qx;
            den += px * px + py * py;
        }
        if (den == 0) {
            throw new IllegalArgumentException("degenerate points");
        }
        double a = num1 / den, b = num2 / den;
        double tx = dx - (a * sx - b * sy);
        double ty = dy - (b * sx + a * sy);
        return new double[]{a, -b, tx, b, a, ty};
    }

    /** The liveness crop {x, y, w, h} inside a {@code width} x {@code height} image (lib/fr_liveness.js). */
    static double[] livenessCrop(double bx, double by, double bw, double bh, int width, int height) {
        double scale = Math.min((height - 1) / bh, Math.min((width - 1) / bw, LIVENESS_CROP_SCALE));
        double nw = bw * scale, nh = bh * scale;
        double cx = bw / 2 + bx, cy = bh / 2 + by;
        double x1 = cx - nw / 2, y1 = cy - nh / 2, x2 = cx + nw / 2, y2 = cy + nh / 2;
        if (x1 < 0) {
            x2 -= x1;
            x1 = 0;
        }
        if (y1 < 0) {
            y2 -= y1;
            y1 = 0;
        }
        if (x2 > width - 1) {
            x1 -= x2 - width + 1;
            x2 = width - 1;
        }
        if (y2 > height - 1) {
            y1 -= y2 - height + 1;
            y2 = height - 1;
        }
        x1 = Math.max(0, x1);
        y1 = Math.max(0, y1);
        return new double[]{x1, y1, Math.max(1, x2 - x1), Math.max(1, y2 - y1)};
    }
}
