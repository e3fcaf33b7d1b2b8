package org.lifecert.face;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FaceEngineTests {
    private static final AnalysisOptions WITH_EMBEDDING = AnalysisOptions.defaults().withEmbedding(true);

    private FaceEngine engine;

    @BeforeEach
    void engine() {
        FaceData.assumePresent();
        engine = SharedEngine.get();
    }

    @Test
    void goodFaceIsFoundOnceWithLandmarksInsideItsBox() {
        ImageAnalysis analysis = engine.analyze(FaceData.bytes("liveness/live/T1.jpg"), WITH_EMBEDDING);

        assertFalse(analysis.isRejected(), analysis.toString());
        assertEquals(1, analysis.faces().size());
        FaceObservation face = analysis.faces().get(0);
        assertTrue(face.detectionScore() > 0.9, "score " + face.detectionScore());
        assertEquals(68, face.landmarks().size());
        double margin = face.box().width() * 0.05;
        face.landmarks().forEach(p -> assertTrue(face.box().contains(p, margin), p + " outside " + face.box()));
        float[] embedding = face.embedding().orElseThrow();
        assertEquals(512, embedding.length);
        double norm = 0;
        for (float v : embedding) {
            norm += v * v;
        }
        assertEquals(1.0, Math.sqrt(norm), 1e-4);
        assertTrue(face.quality().faceSize() > 150, face.quality().toString());
    }

    @Test
    void groupPhotoIsRefusedForSeveralFaces() {
        for (int i = 1; i <= 5; i++) {
            byte[] photo = FaceData.bytes("multi/group" + i + ".jpg");
            ImageAnalysis analysis = engine.analyze(photo, AnalysisOptions.defaults());
            assertTrue(analysis.faces().size() > 1, "group" + i + ": " + analysis.faces().size() + " faces");
            TemplateResult result = engine.template(List.of(photo));
            assertEquals(ReasonCode.MULTIPLE_FACES, result.rejections().get(0).code());
            assertTrue(result.template().isEmpty());
        }
    }

    @Test
    void imageWithoutFaceIsRejectedWithNoFace() {
        org.opencv.core.Mat grey = new org.opencv.core.Mat(240, 320, org.opencv.core.CvType.CV_8UC3,
                new org.opencv.core.Scalar(90, 120, 150));
        org.opencv.core.MatOfByte jpeg = new org.opencv.core.MatOfByte();
        org.opencv.imgcodecs.Imgcodecs.imencode(".jpg", grey, jpeg);

        ImageAnalysis analysis = engine.analyze(jpeg.toArray(), AnalysisOptions.defaults());

        assertEquals(ReasonCode.NO_FACE, analysis.rejection().orElseThrow().code());
    }

    @Test
    void genuinePairsScoreAboveImpostorPairs() throws Exception {
        List<String> lines = Files.readAllLines(FaceData.ROOT.resolve("verify/pairs.csv"));
        List<Double> genuine = new ArrayList<>(), impostor = new ArrayList<>();
        java.util.Map<String, float[]> cache = new java.util.HashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            float[] a = cache.computeIfAbsent(f[0], this::embedding);
            float[] b = cache.computeIfAbsent(f[1], this::embedding);
            (f[2].trim().equals("1") ? genuine : impostor).add(engine.similarity(a, b));
        }
        double minGenuine = genuine.stream().mapToDouble(d -> d).min().orElseThrow();
        double maxImpostor = impostor.stream().mapToDouble(d -> d).max().orElseThrow();
        System.out.printf(Locale.ROOT, "verify pairs: genuine min %.3f mean %.3f, impostor max %.3f mean %.3f%n",
                minGenuine, genuine.stream().mapToDouble(d -> d).average().orElseThrow(), maxImpostor,
                impostor.stream().mapToDouble(d -> d).average().orElseThrow());
        assertEquals(80, genuine.size());
        assertEquals(80, impostor.size());
        assertTrue(minGenuine > maxImpostor, "genuine min " + minGenuine + " <= impostor max " + maxImpostor);
        assertTrue(minGenuine >= engine.config().matchThreshold() && maxImpostor < engine.config().matchThreshold(),
                "default match threshold " + engine.config().matchThreshold() + " does not separate the set");
    }

    private float[] embedding(String relative) {
        ImageAnalysis analysis = engine.analyze(FaceData.bytes("verify/" + relative), WITH_EMBEDDING);
        assertFalse(analysis.isRejected(), relative + ": " + analysis);
        return analysis.faces().get(0).embedding().orElseThrow();
    }

    @Test
    void spoofSamplesScoreBelowTheLiveSample() {
        double live = engine.analyze(FaceData.bytes("liveness/live/T1.jpg"), AnalysisOptions.defaults())
                .faces().get(0).antiSpoofScore();
        double print = engine.analyze(FaceData.bytes("liveness/spoof/F1.jpg"), AnalysisOptions.defaults())
                .faces().get(0).antiSpoofScore();
        double screen = engine.analyze(FaceData.bytes("liveness/spoof/F2.jpg"), AnalysisOptions.defaults())
                .faces().get(0).antiSpoofScore();
        System.out.printf(Locale.ROOT, "anti-spoof: live T1 %.4f, spoof F1 %.4f, F2 %.4f%n", live, print, screen);
        assertTrue(print < live && screen < live);
        QualityGate gate = engine.qualityGate();
        assertFalse(gate.spoofSuspected(engine.analyze(FaceData.bytes("liveness/live/T1.jpg"), AnalysisOptions.defaults()).faces().get(0)));
        assertTrue(gate.spoofSuspected(engine.analyze(FaceData.bytes("liveness/spoof/F1.jpg"), AnalysisOptions.defaults()).faces().get(0)));
    }

    @Test
    void webcamFramesReadAsLive() {
        for (String f : List.of("webcam-a-f0131.jpg", "webcam-a-f0291.jpg", "webcam-a-f0786.jpg")) {
            double live = engine.analyze(FaceData.frame(f), AnalysisOptions.defaults()).faces().get(0).antiSpoofScore();
            assertTrue(live > engine.config().antiSpoofThreshold(), f + " anti-spoof " + live);
        }
    }

    @Test
    void closedEyesReadLowerThanOpenEyes() {
        FaceObservation open = single("webcam-a-f0640.jpg");
        FaceObservation closed = single("webcam-a-f0642.jpg");
        System.out.printf(Locale.ROOT, "eyes open frame %.3f/%.3f, closed frame %.3f/%.3f%n", open.leftEyeOpen(),
                open.rightEyeOpen(), closed.leftEyeOpen(), closed.rightEyeOpen());
        assertTrue(closed.rightEyeOpen() < 0.1 && open.rightEyeOpen() > 0.9);
        assertTrue(closed.leftEyeOpen() < 0.1 && open.leftEyeOpen() > closed.leftEyeOpen() + 0.3);
    }

    @Test
    void openMouthReadsWiderThanClosedMouth() {
        FaceObservation closed = single("webcam-a-f0131.jpg");
        FaceObservation open = single("webcam-a-f0291.jpg");
        System.out.printf(Locale.ROOT, "mouth closed %.3f, open %.3f%n", closed.mouthOpening(), open.mouthOpening());
        assertTrue(closed.mouthOpening() < 0.08, "closed " + closed.mouthOpening());
        assertTrue(open.mouthOpening() > 0.3, "open " + open.mouthOpening());
    }

    @Test
    void headTurnedTowardImageRightHasNegativeYaw() {
        FaceObservation towardRight = single("webcam-a-f0530.jpg");
        FaceObservation towardLeft = single("webcam-a-f0786.jpg");
        FaceObservation frontal = single("webcam-a-f0131.jpg");
        System.out.printf(Locale.ROOT, "yaw: toward image right %.1f, frontal %.1f, toward image left %.1f%n",
                towardRight.yaw(), frontal.yaw(), towardLeft.yaw());
        assertTrue(towardRight.yaw() < -20, "yaw " + towardRight.yaw());
        assertTrue(towardLeft.yaw() > towardRight.yaw() + 30);
        assertTrue(Math.abs(frontal.pitch()) < 15 && Math.abs(frontal.roll()) < 10);
    }

    private FaceObservation single(String frame) {
        ImageAnalysis analysis = engine.analyze(FaceData.frame(frame), AnalysisOptions.defaults());
        assertEquals(1, analysis.faces().size(), frame + ": " + analysis);
        return analysis.faces().get(0);
    }

    @Test
    void templateFromWebcamFramesMatchesTheSamePersonAndNotAnother() {
        TemplateResult result = engine.template(List.of(FaceData.frame("webcam-a-f0131.jpg"),
                FaceData.frame("webcam-a-f0786.jpg")));
        assertTrue(result.allAccepted(), result.rejections().toString());
        FaceTemplate template = FaceTemplate.fromBytes(result.template().orElseThrow().toBytes());
        assertEquals(FaceEngine.MODEL_VERSION, template.modelVersion());
        assertEquals(2, template.embeddings().size());

        float[] same = engine.analyze(FaceData.frame("webcam-a-f0291.jpg"), WITH_EMBEDDING).faces().get(0)
                .embedding().orElseThrow();
        float[] other = engine.analyze(FaceData.bytes("liveness/live/T1.jpg"), WITH_EMBEDDING).faces().get(0)
                .embedding().orElseThrow();
        double sameScore = engine.compare(template, same);
        double otherScore = engine.compare(template, other);
        System.out.printf(Locale.ROOT, "template: same person %.3f, other person %.3f%n", sameScore, otherScore);
        assertTrue(engine.qualityGate().matches(sameScore));
        assertFalse(engine.qualityGate().matches(otherScore));
    }

    @Test
    void templateReportsEachRejectedImageByIndex() {
        TemplateResult result = engine.template(List.of(FaceData.frame("webcam-a-f0131.jpg"), new byte[0],
                FaceData.bytes("multi/group1.jpg")));
        assertTrue(result.template().isPresent());
        assertFalse(result.allAccepted());
        assertEquals(ReasonCode.IMAGE_UNREADABLE, result.rejections().get(1).code());
        assertEquals(ReasonCode.MULTIPLE_FACES, result.rejections().get(2).code());
        assertFalse(result.rejections().containsKey(0));
    }

    @Test
    void analysisGivesTheSameResultFromSeveralThreads() throws Exception {
        byte[] frame = FaceData.frame("webcam-a-f0131.jpg");
        float[] expected = engine.analyze(frame, WITH_EMBEDDING).faces().get(0).embedding().orElseThrow();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<float[]>> results = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                results.add(pool.submit(() -> engine.analyze(frame, WITH_EMBEDDING).faces().get(0).embedding().orElseThrow()));
            }
            for (Future<float[]> r : results) {
                assertEquals(1.0, engine.similarity(expected, r.get()), 1e-5);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
