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

    @Test
    void stepsReadingTheHeadPoseDetectEveryFrameOthersEveryNth() {
        assertThat(FrameAnalyzer.detectEvery(Action.BLINK, 3)).isEqualTo(3);
        assertThat(FrameAnalyzer.detectEvery(Action.OPEN_MOUTH, 3)).isEqualTo(3);
        assertThat(FrameAnalyzer.detectEvery(Action.TURN_LEFT, 3)).isEqualTo(1);
        assertThat(FrameAnalyzer.detectEvery(Action.TURN_RIGHT, 3)).isEqualTo(1);
        assertThat(FrameAnalyzer.detectEvery(Action.NOD, 3)).isEqualTo(1);
        assertThat(FrameAnalyzer.detectEvery(Action.BLINK, 0)).isEqualTo(1);
    }

    @Test
    void framesBetweenDetectedOnesStartAfterTheirDetectedFrameInOrder() {
        for (int threads : new int[]{1, 2}) {
            List<String> calls = java.util.Collections.synchronizedList(new ArrayList<>());
            java.util.Set<Integer> done = java.util.concurrent.ConcurrentHashMap.newKeySet();
            try (FramePool pool = new FramePool(threads)) {
                List<AnalysedFrame> results = pool.start(List.of(0, 1, 2, 3, 4, 5, 6), 3, (Integer i, java.util.Optional<org.lifecert.face.FaceTrack> track) -> {
                    int detected = i - i % 3;
                    if (i % 3 != 0) {
                        assertThat(done).as("frame " + i + " after frame " + detected).contains(detected);
                    }
                    calls.add(i % 3 == 0 ? "detect " + i : "follow " + i);
                    done.add(i);
                    return AnalysedFrame.undecodable(i, 0);
                }).await();
                assertThat(results).extracting(f -> f.signal().sequence()).containsExactly(0, 1, 2, 3, 4, 5, 6);
            }
            assertThat(calls).filteredOn(c -> c.startsWith("detect")).containsExactlyInAnyOrder("detect 0", "detect 3", "detect 6");
        }
    }

    @Test
    void turnAndNodStepsMeasureThePoseAboutEveryPoseInterval() {
        // pose interval 160 ms: a 25 fps camera (40 ms) every 4th, frames 80 ms apart every 2nd, the browser (125 ms)
        // every frame
        assertThat(FrameAnalyzer.detectEvery(Action.TURN_LEFT, 3, 40, 160)).isEqualTo(4);
        assertThat(FrameAnalyzer.detectEvery(Action.NOD, 3, 80, 160)).isEqualTo(2);
        assertThat(FrameAnalyzer.detectEvery(Action.NOD, 3, 125, 160)).isEqualTo(1);
        assertThat(FrameAnalyzer.detectEvery(Action.TURN_RIGHT, 3, 5, 160)).as("at most every 4th").isEqualTo(4);
        assertThat(FrameAnalyzer.detectEvery(Action.TURN_LEFT, 3, 40, 0)).as("PT0S: every frame").isEqualTo(1);
        assertThat(FrameAnalyzer.detectEvery(Action.NOD, 3, 0, 160)).as("no usable capture times").isEqualTo(1);
        // steps without head pose keep frames.detect-every
        assertThat(FrameAnalyzer.detectEvery(Action.BLINK, 3, 40, 160)).isEqualTo(3);
    }
}
