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
}
