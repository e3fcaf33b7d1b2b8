package org.lifecert.liveness.session;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HeldFramesTests {

    private static HeldFrames.Held frame(int index, double quality) {
        return new HeldFrames.Held(index, quality, index, 1_000L + index, "jpeg-" + index);
    }

    @Test
    void keepsTheBestByQualityAcrossBatchesBestFirst() {
        HeldFrames held = new HeldFrames(3);
        held.offer(frame(0, 0.5));
        held.offer(frame(1, 0.9));
        held.offer(frame(2, 0.2));
        held.offer(frame(3, 0.7)); // a later batch: pushes out frame 2
        assertThat(held.best()).extracting(HeldFrames.Held::index).containsExactly(1, 3, 0);
    }

    @Test
    void ofEqualQualityTheEarlierStaysAhead() {
        HeldFrames held = new HeldFrames(2);
        held.offer(frame(0, 0.8));
        held.offer(frame(1, 0.8));
        held.offer(frame(2, 0.8));
        assertThat(held.best()).extracting(HeldFrames.Held::index).containsExactly(0, 1);
    }

    @Test
    void clearedWhenTheStepIsScored() {
        HeldFrames held = new HeldFrames(0); // at least one is kept
        held.offer(frame(0, 0.1));
        held.offer(frame(1, 0.3));
        assertThat(held.best()).extracting(HeldFrames.Held::index).containsExactly(1);
        held.clear();
        assertThat(held.isEmpty()).isTrue();
    }
}
