package org.lifecert.face;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opencv.core.CvType;
import org.opencv.core.Mat;

class ModelInputTests {

    @BeforeAll
    static void load() {
        NativeLibraries.load();
    }

    @Test
    void chwGivesExactlyTheFloatsOfTheChannelByChannelLoop() {
        Mat image = random(CvType.CV_8UC3, 37, 23, 1);
        float[] mean = {0.485f * 255, 0.456f * 255, 0.406f * 255};
        float[] scale = {0.229f * 255, 0.224f * 255, 0.225f * 255};
        ModelInput input = new ModelInput(16);
        for (boolean rgb : new boolean[]{true, false}) {
            FloatBuffer out = direct(37 * 23 * 3);
            input.chw(image, out, rgb, mean, scale);
            assertArrayEquals(reference(image, rgb, mean, scale), floats(out), "rgb=" + rgb);
        }
        image.release();
    }

    @Test
    void oneInputServesImagesOfChangingSizesAndCropsOfLargerImages() {
        float[] mean = {127, 127, 127};
        float[] scale = {128, 128, 128};
        Mat large = random(CvType.CV_8UC3, 40, 50, 3);
        Mat crop = large.submat(5, 17, 8, 18);
        Mat small = random(CvType.CV_8UC3, 7, 9, 4);
        ModelInput input = new ModelInput(16);
        for (Mat image : new Mat[]{small, crop, large, small}) {
            int n = image.rows() * image.cols() * 3;
            FloatBuffer out = direct(n);
            input.chw(image, out, true, mean, scale);
            assertArrayEquals(reference(image, true, mean, scale), floats(out), image.rows() + "x" + image.cols());
        }
        crop.release();
        large.release();
        small.release();
    }

    @Test
    void greyScalesEveryPixel() {
        Mat image = random(CvType.CV_8UC1, 9, 11, 2);
        FloatBuffer out = direct(99);
        new ModelInput(4).grey(image, out, 256f);
        byte[] px = new byte[99];
        image.get(0, 0, px);
        float[] expected = new float[99];
        for (int i = 0; i < 99; i++) {
            expected[i] = (px[i] & 0xff) * (1f / 256f);
        }
        assertArrayEquals(expected, floats(out));
        image.release();
    }

    /** The loop FaceEngine used before: output channel c from source byte (rgb ? 2 - c : c), a float at a time. */
    private static float[] reference(Mat bgr, boolean rgb, float[] mean, float[] scale) {
        int plane = bgr.rows() * bgr.cols();
        byte[] px = new byte[plane * 3];
        bgr.get(0, 0, px);
        FloatBuffer out = direct(plane * 3);
        for (int c = 0; c < 3; c++) {
            int src = rgb ? 2 - c : c;
            float m = mean[c], inv = 1f / scale[c];
            for (int i = 0; i < plane; i++) {
                out.put(((px[i * 3 + src] & 0xff) - m) * inv);
            }
        }
        out.rewind();
        return floats(out);
    }

    private static Mat random(int type, int rows, int cols, long seed) {
        Mat m = new Mat(rows, cols, type);
        byte[] px = new byte[rows * cols * CvType.channels(type)];
        new Random(seed).nextBytes(px);
        m.put(0, 0, px);
        return m;
    }

    private static FloatBuffer direct(int n) {
        return ByteBuffer.allocateDirect(n * 4).order(ByteOrder.nativeOrder()).asFloatBuffer();
    }

    private static float[] floats(FloatBuffer b) {
        float[] a = new float[b.remaining()];
        b.duplicate().get(a);
        return a;
    }
}
