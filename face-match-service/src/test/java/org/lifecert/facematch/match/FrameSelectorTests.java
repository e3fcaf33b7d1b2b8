package org.lifecert.facematch.match;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FrameSelectorTests {

    private final FrameSelector selector = new FrameSelector(25);

    private static FrameCandidate frontal() {
        return new FrameCandidate(1, 1, 2, 3, 1.0, 200, 300);
    }

    @Test
    void frontalSharpLargeOpenEyedFrameRanksHighest() {
        FrameCandidate best = frontal();
        assertThat(selector.score(best)).isGreaterThan(0.99);
        assertThat(selector.score(new FrameCandidate(1, 1, 20, 3, 1.0, 200, 300))).isLessThan(selector.score(best));
        assertThat(selector.score(new FrameCandidate(1, 1, 2, 3, 1.0, 200, 60))).isLessThan(selector.score(best));
        assertThat(selector.score(new FrameCandidate(1, 1, 2, 3, 1.0, 80, 300))).isLessThan(selector.score(best));
        assertThat(selector.score(new FrameCandidate(1, 1, 2, 3, 0.6, 200, 300))).isLessThan(selector.score(best));
    }

    @Test
    void framesWithTwoFacesTurnedHeadsOrClosedEyesAreNotUsed() {
        assertThat(selector.score(new FrameCandidate(1, 2, 2, 3, 1.0, 200, 300))).isZero();
        assertThat(selector.score(new FrameCandidate(1, 1, 30, 3, 1.0, 200, 300))).isZero();
        assertThat(selector.score(new FrameCandidate(1, 1, 2, -26, 1.0, 200, 300))).isZero();
        assertThat(selector.score(new FrameCandidate(1, 1, 2, 3, 0.1, 200, 300))).isZero();
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
}
