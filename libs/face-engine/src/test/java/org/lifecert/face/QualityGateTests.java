package org.lifecert.face;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.core.Point;
import org.opencv.core.Scalar;
import org.opencv.core.Size;
import org.opencv.imgcodecs.Imgcodecs;
import org.opencv.imgproc.Imgproc;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The gate on a real webcam frame and on degraded copies of it (each degradation a person could cause). */
class QualityGateTests {
    private FaceEngine engine;
    private Mat frame;

    @BeforeEach
    void setUp() {
        engine = SharedEngine.get();
        frame = Imgcodecs.imdecode(new MatOfByte(FaceData.frame("webcam-a-f0131.jpg")), Imgcodecs.IMREAD_COLOR);
    }

    private Optional<ReasonCode> gate(Mat image) {
        MatOfByte jpeg = new MatOfByte();
        Imgcodecs.imencode(".jpg", image, jpeg);
        return engine.qualityGate().assessSingleFace(engine.analyze(jpeg.toArray(), AnalysisOptions.defaults()))
                .map(Rejection::code);
    }

    @Test
    void frontalWellLitWebcamFacePasses() {
        assertEquals(Optional.empty(), gate(frame));
    }

    @Test
    void darkenedFaceIsTooDark() {
        Mat dark = new Mat();
        frame.convertTo(dark, -1, 0.25, 0);
        assertEquals(Optional.of(ReasonCode.TOO_DARK), gate(dark));
    }

    @Test
    void overexposedFaceIsTooBright() {
        Mat bright = new Mat();
        frame.convertTo(bright, -1, 2.2, 20);
        assertEquals(Optional.of(ReasonCode.TOO_BRIGHT), gate(bright));
    }

    @Test
    void faceAgainstABrightWindowIsBacklit() {
        FaceBox box = engine.analyze(FaceData.frame("webcam-a-f0131.jpg"), AnalysisOptions.defaults()).faces().get(0).box();
        Mat backlit = frame.clone();
        Mat faceMask = Mat.zeros(frame.size(), CvType.CV_8U);
        Imgproc.rectangle(faceMask, new Point(box.x(), box.y()), new Point(box.x() + box.width(), box.y() + box.height()),
                new Scalar(255), -1);
        Mat background = new Mat();
        Core.bitwise_not(faceMask, background);
        backlit.setTo(new Scalar(250, 250, 250), background);
        Mat dimFace = new Mat();
        backlit.convertTo(dimFace, -1, 0.7, 0);
        dimFace.copyTo(backlit, faceMask);
        assertEquals(Optional.of(ReasonCode.TOO_BRIGHT), gate(backlit));
    }

    @Test
    void blurredFaceIsBlurred() {
        Mat blurred = new Mat();
        Imgproc.GaussianBlur(frame, blurred, new Size(0, 0), 5);
        assertEquals(Optional.of(ReasonCode.BLURRED), gate(blurred));
    }

    @Test
    void distantFaceIsTooSmall() {
        Mat small = new Mat();
        Imgproc.resize(frame, small, new Size(), 0.25, 0.25, Imgproc.INTER_AREA);
        assertEquals(Optional.of(ReasonCode.FACE_TOO_SMALL), gate(small));
    }

    @Test
    void darkGlassesCoverTheEyes() {
        List<FacePoint> lm = engine.analyze(FaceData.frame("webcam-a-f0131.jpg"), AnalysisOptions.defaults())
                .faces().get(0).landmarks();
        Mat glasses = frame.clone();
        for (int first : new int[]{36, 42}) {
            double cx = 0, cy = 0;
            for (int i = first; i < first + 6; i++) {
                cx += lm.get(i).x() / 6;
                cy += lm.get(i).y() / 6;
            }
            double w = lm.get(first + 3).x() - lm.get(first).x();
            Imgproc.ellipse(glasses, new Point(cx, cy), new Size(w * 0.9, w * 0.6), 0, 0, 360, new Scalar(20, 20, 20), -1);
        }
        assertEquals(Optional.of(ReasonCode.EYES_COVERED), gate(glasses));
    }

    @Test
    void turnedHeadIsNotFrontal() {
        Mat turned = Imgcodecs.imdecode(new MatOfByte(FaceData.frame("webcam-a-f0530.jpg")), Imgcodecs.IMREAD_COLOR);
        assertEquals(Optional.of(ReasonCode.NOT_FRONTAL), gate(turned));
    }
}
