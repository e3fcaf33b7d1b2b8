package org.lifecert.liveness.frame;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lifecert.events.Action;
import org.lifecert.face.FacePoint;

class FrameAnalyzerTests {

    /** 68 points with the outer eye corners at x 100 and 200 and the nose tip at {@code noseX}. */
    private static List<FacePoint> face(double noseX) {
        List<FacePoint> points = new ArrayList<>();
        for (int i = 0; i < 68; i++) {
            double x = i == 36 ? 100 : i == 45 ? 200 : i == 30 ? noseX : 150;
            points.add(new FacePoint(x, 100));
        }
        return points;
    }

    @Test
    void noseCentredBetweenTheEyesIsFrontal() {
        assertThat(FrameAnalyzer.landmarkFrontalness(face(150))).isEqualTo(1.0);
        assertThat(FrameAnalyzer.landmarkFrontalness(face(125))).isEqualTo(0.5);
        assertThat(FrameAnalyzer.landmarkFrontalness(face(175))).isEqualTo(0.5);
        assertThat(FrameAnalyzer.landmarkFrontalness(face(90))).isZero();
        assertThat(FrameAnalyzer.landmarkFrontalness(List.of())).isZero();
    }

    @Test
    void headPoseRunsOnlyOnStepsThatReadItAndAntiSpoofingNeverPerFrame() {
        for (Action action : Action.values()) {
            boolean pose = action == Action.TURN_LEFT || action == Action.TURN_RIGHT || action == Action.NOD;
            assertThat(FrameAnalyzer.optionsFor(action).pose()).as(action.name()).isEqualTo(pose);
            assertThat(FrameAnalyzer.optionsFor(action).antiSpoof()).as(action.name()).isFalse();
            assertThat(FrameAnalyzer.optionsFor(action).embedding()).as(action.name()).isFalse();
        }
    }
}
