package org.lifecert.face;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.core.MatOfInt;
import org.opencv.core.Size;
import org.opencv.imgcodecs.Imgcodecs;
import org.opencv.imgproc.Imgproc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A 640x480 frame decoded at half scale ({@link FaceEngineConfig#halfScaleDecodeMinSide()}) reads the signals a full
 * decode reads: the webcam-a stills scaled to 640x480 (as the workers' load runs send them), each analysed both ways.
 */
class HalfScaleDecodeTests {

    private static FaceEngine half;

    @BeforeAll
    static void load() {
        NativeLibraries.load();
        half = FaceEngine.load(FaceEngineConfig.builder().halfScaleDecodeMinSide(480).build());
    }

    @AfterAll
    static void close() {
        if (half != null) {
            half.close();
        }
    }

    @BeforeEach
    void data() {
        FaceData.assumePresent();
    }

    static byte[] vga(byte[] jpeg) {
        Mat in = Imgcodecs.imdecode(new MatOfByte(jpeg), Imgcodecs.IMREAD_COLOR);
        Mat out = new Mat();
        Imgproc.resize(in, out, new Size(640, 480), 0, 0, Imgproc.INTER_LINEAR);
        MatOfByte bytes = new MatOfByte();
        Imgcodecs.imencode(".jpg", out, bytes, new MatOfInt(Imgcodecs.IMWRITE_JPEG_QUALITY, 85));
        return bytes.toArray();
    }

    @Test
    void vgaFramesReadTheSameSignalsAtHalfScale() {
        AnalysisOptions options = AnalysisOptions.defaults().withEmbedding(true);
        for (String still : new String[]{"webcam-a-f0131.jpg", "webcam-a-f0291.jpg", "webcam-a-f0530.jpg",
                "webcam-a-f0640.jpg", "webcam-a-f0642.jpg", "webcam-a-f0786.jpg"}) {
            byte[] frame = vga(FaceData.frame(still));
            ImageAnalysis fullAnalysis = SharedEngine.get().analyze(frame, options);
            ImageAnalysis halfAnalysis = half.analyze(frame, options);
            assertEquals(1, fullAnalysis.faces().size(), still);
            assertEquals(1, halfAnalysis.faces().size(), still);
            assertEquals(640, halfAnalysis.imageWidth(), still);
            FaceObservation f = fullAnalysis.faces().get(0), h = halfAnalysis.faces().get(0);
            String msg = still + " full " + f + "\n half " + h;
            assertEquals(f.box().height(), h.box().height(), 0.1 * f.box().height(), msg);
            // the image-left eye is the noisy one at any scale (README "Eye output index"): compare the better eye, as
            // the blink detector reads "open", and require both closed on the blink frame
            assertEquals(Math.max(f.leftEyeOpen(), f.rightEyeOpen()), Math.max(h.leftEyeOpen(), h.rightEyeOpen()), 0.3, msg);
            if (still.equals("webcam-a-f0642.jpg")) {
                assertTrue(h.leftEyeOpen() < 0.3 && h.rightEyeOpen() < 0.3, msg);
            }
            assertEquals(f.mouthOpening(), h.mouthOpening(), 0.1, msg);
            assertEquals(f.yaw(), h.yaw(), 6, msg);
            assertEquals(f.pitch(), h.pitch(), 6, msg);
            assertTrue(h.antiSpoofScore() >= 0.5, msg);
            double cos = Embeddings.cosine(f.embedding().orElseThrow(), h.embedding().orElseThrow());
            assertTrue(cos > 0.9, still + " embedding cosine " + cos);
            System.out.printf(java.util.Locale.ROOT, "HALF %s eyes %.2f/%.2f vs %.2f/%.2f mouth %.3f vs %.3f yaw %.1f vs %.1f "
                            + "pitch %.1f vs %.1f live %.3f vs %.3f cosine %.3f%n", still, f.leftEyeOpen(), f.rightEyeOpen(),
                    h.leftEyeOpen(), h.rightEyeOpen(), f.mouthOpening(), h.mouthOpening(), f.yaw(), h.yaw(), f.pitch(),
                    h.pitch(), f.antiSpoofScore(), h.antiSpoofScore(), cos);
        }
    }

    @Test
    void smallerImagesAndPngAreDecodedAtFullScale() {
        byte[] still = FaceData.frame("webcam-a-f0131.jpg");   // 400x300: shorter side under 480
        FaceObservation f = SharedEngine.get().analyze(still, AnalysisOptions.defaults()).faces().get(0);
        FaceObservation h = half.analyze(still, AnalysisOptions.defaults()).faces().get(0);
        assertEquals(f.leftEyeOpen(), h.leftEyeOpen(), 1e-9);
        assertEquals(f.yaw(), h.yaw(), 1e-9);
        ImageAnalysis png = half.analyze(FaceData.bytes("verify/amy/1.png"), AnalysisOptions.defaults());
        assertFalse(png.isRejected());
    }
}
