package org.lifecert.face;

import java.nio.FloatBuffer;
import org.opencv.core.Mat;

/**
 * A model's input tensor filled from an 8-bit image, with the scratch arrays of one thread (not thread-safe; one per
 * engine workspace). Each image is read once into a heap array, converted there, and copied into the direct buffer
 * ONNX Runtime reads in one bulk put: writing the direct buffer a float at a time was a quarter of liveness-service's
 * Java CPU (JFR of the whole-stack load run, 2026-12-04).
 */
final class ModelInput {

    private byte[] pixels;
    private float[] floats;

    ModelInput(int initialSize) {
        pixels = new byte[initialSize];
        floats = new float[initialSize];
    }

    /**
     * BGR 8-bit HxW -> CHW floats {@code (v - mean[c]) / scale[c]} for output channel c, channels in RGB order when
     * {@code rgb} (output channel 0 is then the image's red).
     */
    void chw(Mat bgr, FloatBuffer out, boolean rgb, float[] mean, float[] scale) {
        int plane = bgr.rows() * bgr.cols();
        byte[] px = pixels(plane * 3);
        bgr.get(0, 0, px);
        float[] planes = floats(plane * 3);
        // the output channel of each interleaved source byte (B, G, R)
        int c0 = rgb ? 2 : 0, c2 = rgb ? 0 : 2;
        int o0 = c0 * plane, o1 = plane, o2 = c2 * plane;
        float m0 = mean[c0], m1 = mean[1], m2 = mean[c2];
        float i0 = 1f / scale[c0], i1 = 1f / scale[1], i2 = 1f / scale[c2];
        for (int i = 0, p = 0; i < plane; i++, p += 3) {
            planes[o0 + i] = ((px[p] & 0xff) - m0) * i0;
            planes[o1 + i] = ((px[p + 1] & 0xff) - m1) * i1;
            planes[o2 + i] = ((px[p + 2] & 0xff) - m2) * i2;
        }
        out.clear();
        out.put(planes, 0, plane * 3);
        out.rewind();
    }

    /** Grey 8-bit HxW -> floats {@code v / divisor}. */
    void grey(Mat grey, FloatBuffer out, float divisor) {
        int n = grey.rows() * grey.cols();
        byte[] px = pixels(n);
        grey.get(0, 0, px);
        float[] values = floats(n);
        float inv = 1f / divisor;
        for (int i = 0; i < n; i++) {
            values[i] = (px[i] & 0xff) * inv;
        }
        out.clear();
        out.put(values, 0, n);
        out.rewind();
    }

    private byte[] pixels(int n) {
        if (pixels.length < n) {
            pixels = new byte[n];
        }
        return pixels;
    }

    private float[] floats(int n) {
        if (floats.length < n) {
            floats = new float[n];
        }
        return floats;
    }
}
