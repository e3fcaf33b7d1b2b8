package org.lifecert.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class FrameBatchPaceTests {

    private static FrameBatchCaptured batch(List<FrameBatchCaptured.Frame> frames) {
        return new FrameBatchCaptured(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), 0, Action.BLINK, "n",
                frames, true, true, null, Instant.now());
    }

    private static List<FrameBatchCaptured.Frame> paced(long... offsets) {
        List<FrameBatchCaptured.Frame> frames = new ArrayList<>();
        for (int i = 0; i < offsets.length; i++) {
            frames.add(new FrameBatchCaptured.Frame(i, Instant.ofEpochMilli(1_000_000 + offsets[i]), "x"));
        }
        return frames;
    }

    @Test
    void medianGapIsTheCapturePaceInSequenceOrder() {
        assertThat(batch(paced(0, 125, 250, 375, 500)).medianFrameGapMillis()).isEqualTo(125);
        // one late frame does not move the median
        assertThat(batch(paced(0, 40, 80, 120, 900)).medianFrameGapMillis()).isEqualTo(40);
        // frames listed out of order are taken in sequence order
        List<FrameBatchCaptured.Frame> shuffled = new ArrayList<>(paced(0, 40, 80, 120));
        java.util.Collections.reverse(shuffled);
        assertThat(batch(shuffled).medianFrameGapMillis()).isEqualTo(40);
    }

    @Test
    void noPaceWithoutTwoUsableTimes() {
        assertThat(batch(paced(0)).medianFrameGapMillis()).isZero();
        assertThat(batch(List.of()).medianFrameGapMillis()).isZero();
        assertThat(batch(List.of(new FrameBatchCaptured.Frame(0, null, "x"), new FrameBatchCaptured.Frame(1, null, "x")))
                .medianFrameGapMillis()).isZero();
        // going back in time is not a pace
        assertThat(batch(paced(500, 400, 300)).medianFrameGapMillis()).isZero();
    }
}
