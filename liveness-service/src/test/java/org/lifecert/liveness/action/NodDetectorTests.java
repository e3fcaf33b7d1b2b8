package org.lifecert.liveness.action;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NodDetectorTests {

    private final NodDetector detector = new NodDetector(12, 0.5);

    @Test
    void headDownAndBackIsANod() {
        assertThat(detector.detect(Signals.pitch(4, 2, -3, -10, -14, -9, -2, 3)).detected()).isTrue();
    }

    @Test
    void headThatStaysDownHasNotNodded() {
        assertThat(detector.detect(Signals.pitch(4, -4, -10, -14, -15, -14)).detected()).isFalse();
    }

    @Test
    void lookingUpIsNotANod() {
        assertThat(detector.detect(Signals.pitch(4, 10, 17, 20, 10, 4)).detected()).isFalse();
    }

    @Test
    void aHeadLiftedBeforeTheNodIsMeasuredFromItsHighestPoint() {
        // the step starts with the head lowered (0), the head comes up to +16, then nods to -2 and back to +12:
        // measured from the first frame that would be a 2 degree drop
        assertThat(detector.detect(Signals.pitch(0, -4, 4, 10, 16, 16, 5, -2, -2, 5, 12)).detected()).isTrue();
        // lifting the head and lowering it back to where it started is not yet a nod (no return)
        assertThat(detector.detect(Signals.pitch(0, 8, 16, 8, 2)).detected()).isFalse();
    }

    @Test
    void dropIsMeasuredFromTheStartingPitch() {
        // the footage rests near +4: -7 is an 11 degree drop, just short of 12
        assertThat(detector.detect(Signals.pitch(4, 0, -7, -7, 0, 4)).detected()).isFalse();
        assertThat(detector.detect(Signals.pitch(10, 5, -2, -2, 5, 10)).detected()).isTrue();
    }

    @Test
    void framesWithoutAMeasuredPoseAreSkipped() {
        double n = Double.NaN;
        // the start is the first measured pitch (+4), not a followed frame's NaN
        assertThat(detector.detect(Signals.pitch(n, 4, n, -10, n, 3)).detected()).isTrue();
        assertThat(detector.detect(Signals.pitch(n, 4, n, -4, n, 3)).detected()).isFalse();
        assertThat(detector.detect(Signals.pitch(n, n)).detected()).isFalse();
    }
}
