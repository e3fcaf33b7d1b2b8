package org.lifecert.face.cli;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class VerifyMetricsTests {

    @Test
    void separableScoresGiveFullAccuracyAndAucWithAMidpointThreshold() {
        VerifyMetrics m = VerifyMetrics.of(List.of(0.8, 0.7, 0.6), List.of(0.1, 0.2, 0.4));
        assertEquals(1.0, m.bestAccuracy(), 1e-12);
        assertEquals(0.5, m.bestThreshold(), 1e-12);
        assertEquals(1.0, m.rocAuc(), 1e-12);
    }

    @Test
    void aucCountsOrderedPairsAndHalfTies() {
        // genuine {0.5, 0.3} vs impostor {0.4, 0.3}: (0.5>0.4, 0.5>0.3, 0.3<0.4, 0.3=0.3) -> (1 + 1 + 0 + 0.5) / 4
        assertEquals(0.625, VerifyMetrics.auc(List.of(0.5, 0.3), List.of(0.4, 0.3)), 1e-12);
    }

    @Test
    void tarAtFarAcceptsAtMostTheAllowedImpostors() {
        List<Double> impostor = new java.util.ArrayList<>();
        for (int i = 0; i < 100; i++) {
            impostor.add(i / 100.0);  // 0.00 .. 0.99
        }
        List<Double> genuine = List.of(0.985, 0.995, 0.5);
        double[] far1 = VerifyMetrics.tarAtFar(genuine, impostor, 0.01);  // one impostor (0.99) may pass
        assertEquals(Math.nextUp(0.98), far1[1], 1e-15);
        assertEquals(2.0 / 3.0, far1[0], 1e-12);
        double[] far01 = VerifyMetrics.tarAtFar(genuine, impostor, 0.001); // none may pass
        assertEquals(1.0 / 3.0, far01[0], 1e-12);
    }

    @Test
    void pairsWithoutFaceCountAsRejected() {
        VerifyMetrics m = VerifyMetrics.of(List.of(0.9, Double.NEGATIVE_INFINITY), List.of(0.1));
        assertEquals(2.0 / 3.0, m.bestAccuracy(), 1e-12);
    }
}
