package org.lifecert.facematch.match;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lifecert.face.FacePoint;

class FrameSelectorTests {

    private final FrameSelector selector = new FrameSelector(25);

    private static FrameCandidate frontal() {
        return new FrameCandidate(1, 1, 2, 3, 1.0, 200, 0.3);
    }

    @Test
    void frontalSharpLargeOpenEyedFrameRanksHighest() {
        FrameCandidate best = frontal();
        assertThat(selector.score(best)).isGreaterThan(0.99);
        assertThat(selector.score(new FrameCandidate(1, 1, 20, 3, 1.0, 200, 0.3))).isLessThan(selector.score(best));
        assertThat(selector.score(new FrameCandidate(1, 1, 2, 3, 1.0, 200, 0.1))).isLessThan(selector.score(best));
        assertThat(selector.score(new FrameCandidate(1, 1, 2, 3, 1.0, 80, 0.3))).isLessThan(selector.score(best));
        assertThat(selector.score(new FrameCandidate(1, 1, 2, 3, 0.6, 200, 0.3))).isLessThan(selector.score(best));
    }

    @Test
    void framesWithTwoFacesTurnedHeadsOrClosedEyesAreNotUsed() {
        assertThat(selector.score(new FrameCandidate(1, 2, 2, 3, 1.0, 200, 0.3))).isZero();
        assertThat(selector.score(new FrameCandidate(1, 1, 30, 3, 1.0, 200, 0.3))).isZero();
        assertThat(selector.score(new FrameCandidate(1, 1, 2, -26, 1.0, 200, 0.3))).isZero();
        assertThat(selector.score(new FrameCandidate(1, 1, 2, 3, 0.1, 200, 0.3))).isZero();
    }

    @Test
    void candidatesWithTwoFacesOrClosedEyesRankZeroAndFrontalOnesRankFirst() {
        assertThat(selector.rank(2, 1, 1, 200, 0.3)).isZero();
        assertThat(selector.rank(1, 1, 0.2, 200, 0.3)).isZero();
        assertThat(selector.rank(1, 1, 1, 200, 0.3)).isGreaterThan(selector.rank(1, 0.5, 1, 200, 0.3));
        assertThat(selector.rank(1, 1, 1, 200, 0.3)).isGreaterThan(selector.rank(1, 1, 1, 100, 0.3));
    }

    @Test
    void landmarkFrontalnessFallsAsTheNoseMovesTowardOneEye() {
        assertThat(FrameSelector.landmarkFrontalness(face(50))).isEqualTo(1.0);
        double halfTurned = FrameSelector.landmarkFrontalness(face(35));
        assertThat(halfTurned).isLessThan(0.6);
        assertThat(FrameSelector.landmarkFrontalness(face(25))).isLessThan(halfTurned);
        assertThat(FrameSelector.landmarkFrontalness(List.of())).isZero();
    }

    /** 68 points, outer eye corners at x 20 and 80, nose tip (30) at {@code noseX}. */
    private static List<FacePoint> face(double noseX) {
        List<FacePoint> points = new ArrayList<>();
        for (int i = 0; i < 68; i++) {
            points.add(new FacePoint(50, 50));
        }
        points.set(36, new FacePoint(20, 40));
        points.set(45, new FacePoint(80, 40));
        points.set(30, new FacePoint(noseX, 60));
        return points;
    }

    @Test
    void sessionKeepsOnlyItsBestFrames() {
        MatchState state = new MatchState();
        for (int i = 0; i < 6; i++) {
            double q = i / 10.0 + 0.1;
            if (state.wouldKeep(q, 3)) {
                state.keep(new MatchState.BestFrame(i, q, new float[]{1}), 3);
            }
        }
        assertThat(state.best).extracting(MatchState.BestFrame::sequence).containsExactly(5, 4, 3);
        assertThat(state.wouldKeep(0.2, 3)).isFalse();
    }

    @Test
    void denseUploadsAreThinnedToAboutTheAnalyseInterval() {
        // analyse-every 3, interval 240 ms: the page (125 ms) keeps every 3rd, a 25 fps upload every 6th, at most 8th
        assertThat(FramePicker.candidateEvery(3, 125, 240)).isEqualTo(3);
        assertThat(FramePicker.candidateEvery(3, 40, 240)).isEqualTo(6);
        assertThat(FramePicker.candidateEvery(3, 5, 240)).isEqualTo(8);
        assertThat(FramePicker.candidateEvery(3, 40, 0)).as("interval off").isEqualTo(3);
        assertThat(FramePicker.candidateEvery(3, 0, 240)).as("no usable capture times").isEqualTo(3);
        assertThat(FramePicker.candidateEvery(0, 500, 240)).isEqualTo(1);
    }
}
