package org.lifecert.face;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The retained analysis gives the costly stages later, with the values a full analysis gives. */
class RetainedAnalysisTests {

    private FaceEngine engine;

    @BeforeEach
    void engine() {
        FaceData.assumePresent();
        engine = SharedEngine.get();
    }

    @Test
    void antiSpoofAndEmbeddingLaterEqualTheFullAnalysis() {
        byte[] live = FaceData.bytes("liveness/live/T1.jpg");
        FaceObservation full = engine.analyze(live, AnalysisOptions.defaults().withEmbedding(true))
                .faces().get(0);
        try (RetainedAnalysis retained = engine.analyzeRetained(live,
                AnalysisOptions.defaults().withPose(false).withAntiSpoof(false))) {
            FaceObservation cheap = retained.analysis().faces().get(0);
            assertTrue(Double.isNaN(cheap.antiSpoofScore()));
            assertTrue(Double.isNaN(cheap.yaw()));
            assertFalse(cheap.embedding().isPresent());
            assertEquals(full.leftEyeOpen(), cheap.leftEyeOpen(), 1e-9);
            assertEquals(full.mouthOpening(), cheap.mouthOpening(), 1e-9);

            assertEquals(full.antiSpoofScore(), retained.antiSpoofScore(0), 1e-6);
            assertArrayEquals(full.embedding().orElseThrow(), retained.embedding(0), 1e-6f);
        }
    }

    @Test
    void spoofSampleScoredLaterStillReadsAsSpoof() {
        try (RetainedAnalysis retained = engine.analyzeRetained(FaceData.bytes("liveness/spoof/F1.jpg"),
                AnalysisOptions.defaults().withAntiSpoof(false))) {
            assertTrue(retained.antiSpoofScore(0) < 0.05, "F1 " + retained.antiSpoofScore(0));
        }
    }

    @Test
    void stagesAfterCloseOrOnARejectedImageAreRefused() {
        RetainedAnalysis retained = engine.analyzeRetained(FaceData.bytes("liveness/live/T1.jpg"),
                AnalysisOptions.defaults().withAntiSpoof(false));
        retained.close();
        assertThrows(IllegalStateException.class, () -> retained.antiSpoofScore(0));
        try (RetainedAnalysis rejected = engine.analyzeRetained(new byte[]{1, 2, 3}, AnalysisOptions.defaults())) {
            assertEquals(ReasonCode.IMAGE_UNREADABLE, rejected.analysis().rejection().orElseThrow().code());
            assertThrows(IllegalStateException.class, () -> rejected.embedding(0));
        }
    }

    @Test
    void imageMemoryCountsWhileTheImageIsHeld() {
        RetainedAnalysis retained = engine.analyzeRetained(FaceData.bytes("liveness/live/T1.jpg"),
                AnalysisOptions.defaults().withAntiSpoof(false));
        // the decoded 3-channel image: at most the image's own size (a large image is worked on smaller)
        long own = 3L * retained.analysis().imageWidth() * retained.analysis().imageHeight();
        assertTrue(retained.imageBytes() > own / 100 && retained.imageBytes() <= own, retained.imageBytes() + " of " + own);
        assertEquals(0, retained.imageBytes() % 3);
        retained.close();
        assertEquals(0, retained.imageBytes());
        try (RetainedAnalysis rejected = engine.analyzeRetained(new byte[]{1, 2, 3}, AnalysisOptions.defaults())) {
            assertEquals(0, rejected.imageBytes());
        }
    }

    @Test
    void timingsRecordTheLaterStages() {
        StageTimings timings = new StageTimings();
        try (RetainedAnalysis retained = engine.analyzeRetained(FaceData.bytes("liveness/live/T1.jpg"),
                AnalysisOptions.defaults().withPose(false).withAntiSpoof(false).withTimings(timings))) {
            assertTrue(timings.samples(StageTimings.Stage.ANTI_SPOOF).isEmpty());
            retained.antiSpoofScore(0);
            retained.embedding(0);
            retained.embedding(0);
        }
        assertEquals(1, timings.samples(StageTimings.Stage.ANTI_SPOOF).size());
        assertEquals(1, timings.samples(StageTimings.Stage.EMBEDDING).size());
        assertTrue(timings.samples(StageTimings.Stage.POSE).isEmpty());
    }
    @Test
    void headPoseLaterEqualsTheFullAnalysis() {
        byte[] turned = FaceData.frame("webcam-a-f0530.jpg");
        FaceObservation full = engine.analyze(turned, AnalysisOptions.defaults()).faces().get(0);
        try (RetainedAnalysis retained = engine.analyzeRetained(turned,
                AnalysisOptions.defaults().withPose(false).withAntiSpoof(false))) {
            assertTrue(Double.isNaN(retained.analysis().faces().get(0).yaw()));
            HeadPose pose = retained.headPose(0);
            assertEquals(full.yaw(), pose.yaw(), 1e-6);
            assertEquals(full.pitch(), pose.pitch(), 1e-6);
            assertEquals(full.roll(), pose.roll(), 1e-6);
        }
    }

    @Test
    void trackedFrameReadsTheSignalsTheDetectedFrameReads() {
        // no pose: fr_pose reads the crop's framing, and a tracked box frames a turned head differently from the
        // detector (webcam-a f0530 followed from f0131: yaw -2.2 instead of -30.7), so callers reading the pose detect
        AnalysisOptions options = AnalysisOptions.defaults().withPose(false).withAntiSpoof(false);
        // eyes open -> closed, mouth closed -> open, frontal -> turned: each followed from the previous still
        String[][] pairs = {{"webcam-a-f0640.jpg", "webcam-a-f0642.jpg"}, {"webcam-a-f0131.jpg", "webcam-a-f0291.jpg"},
                {"webcam-a-f0131.jpg", "webcam-a-f0530.jpg"}, {"webcam-a-f0131.jpg", "webcam-a-f0131.jpg"}};
        for (String[] pair : pairs) {
            FaceTrack track;
            try (RetainedAnalysis first = engine.analyzeRetained(FaceData.frame(pair[0]), options)) {
                assertFalse(first.tracked());
                track = first.track().orElseThrow();
            }
            FaceObservation detected = engine.analyze(FaceData.frame(pair[1]), options).faces().get(0);
            try (RetainedAnalysis followed = engine.analyzeRetained(FaceData.frame(pair[1]), options, track)) {
                assertTrue(followed.tracked(), pair[1] + " lost its track");
                assertEquals(1, followed.analysis().faces().size());
                FaceObservation f = followed.analysis().faces().get(0);
                double side = detected.box().height();
                for (int i = 0; i < 68; i++) {
                    double d = Math.hypot(f.landmarks().get(i).x() - detected.landmarks().get(i).x(),
                            f.landmarks().get(i).y() - detected.landmarks().get(i).y());
                    assertTrue(d < 0.08 * side, pair[1] + " point " + i + " off by " + d + " px");
                }
                assertEquals(detected.leftEyeOpen(), f.leftEyeOpen(), 0.3, pair[1]);
                assertEquals(detected.rightEyeOpen(), f.rightEyeOpen(), 0.3, pair[1]);
                assertEquals(detected.mouthOpening(), f.mouthOpening(), 0.1, pair[1]);
            }
        }
    }

    @Test
    void imageOfAnotherSizeIsDetectedNotTracked() {
        FaceTrack track;
        try (RetainedAnalysis first = engine.analyzeRetained(FaceData.frame("webcam-a-f0131.jpg"),
                AnalysisOptions.defaults())) {
            track = first.track().orElseThrow();
        }
        try (RetainedAnalysis group = engine.analyzeRetained(FaceData.bytes("multi/group1.jpg"),
                AnalysisOptions.defaults(), track)) {
            assertFalse(group.tracked());
            assertTrue(group.analysis().faces().size() > 1);
            assertTrue(group.track().isEmpty(), "no track from a frame with several faces");
        }
    }

    @Test
    void landmarksThatMovedOrScaledTooFarLoseTheTrack() {
        double[] lm = new double[136];
        for (int i = 0; i < 68; i++) {
            lm[2 * i] = 100 + 50 * Math.cos(i);
            lm[2 * i + 1] = 120 + 50 * Math.sin(i);
        }
        FaceTrack track = new FaceTrack(new OutputDecoding.Candidate(50, 70, 150, 170, 0.9), lm, 400, 300);
        double[] moved = lm.clone(), far = lm.clone(), grown = lm.clone();
        for (int i = 0; i < 68; i++) {
            moved[2 * i] += 10;
            far[2 * i] += 30;
            grown[2 * i] = 100 + 1.4 * (lm[2 * i] - 100);
            grown[2 * i + 1] = 120 + 1.4 * (lm[2 * i + 1] - 120);
        }
        OutputDecoding.Candidate followed = track.follow(moved, 0.25, 1.25);
        assertEquals(60, followed.x1(), 1e-9);
        assertEquals(160, followed.x2(), 1e-9);
        assertEquals(70, followed.y1(), 1e-9);
        assertTrue(track.follow(far, 0.25, 1.25) == null, "30 px of a 100 px box");
        assertTrue(track.follow(grown, 0.25, 1.25) == null, "1.4 x the spread");
    }
}
