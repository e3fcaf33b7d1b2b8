package org.lifecert.liveness.action;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class MouthOpeningDetectorTests {

    private final MouthOpeningDetector detector = new MouthOpeningDetector(Duration.ofMillis(80), 0.12, 0.5);

    @Test
    void mouthOpenedAndClosedAgainIsDetected() {
        Detection d = detector.detect(Signals.mouth(0.012, 0.014, 0.011, 0.2, 0.35, 0.4, 0.3, 0.05, 0.015, 0.012));
        assertThat(d.detected()).isTrue();
        assertThat(d.score()).isGreaterThan(2.5);
    }

    @Test
    void mouthThatStaysOpenHasNotReturned() {
        assertThat(detector.detect(Signals.mouth(0.01, 0.01, 0.3, 0.4, 0.4, 0.4, 0.4)).detected()).isFalse();
    }

    @Test
    void mouthOpenFromTheStartHasNoBaselineToRiseFrom() {
        assertThat(detector.detect(Signals.mouth(0.4, 0.42, 0.41, 0.4, 0.43, 0.42)).detected()).isFalse();
    }

    @Test
    void riseIsMeasuredFromThePersonsOwnBaseline() {
        // a person whose closed mouth reads 0.1 (moustache, landmarks) must still open 0.12 more
        assertThat(detector.detect(Signals.mouth(0.1, 0.1, 0.1, 0.18, 0.2, 0.18, 0.1, 0.1)).detected()).isFalse();
        assertThat(detector.detect(Signals.mouth(0.1, 0.1, 0.1, 0.3, 0.35, 0.3, 0.1, 0.1)).detected()).isTrue();
    }

    @Test
    void talkingSizedTwitchBelowTheRiseIsNotEnough() {
        // closed-mouth noise on the footage stays under 0.04; a 0.1 rise is below the 0.12 minimum
        assertThat(detector.detect(Signals.mouth(0.01, 0.01, 0.11, 0.11, 0.11, 0.01, 0.01)).detected()).isFalse();
    }

    @Test
    void borderlineRiseExactlyAtTheMinimumCounts() {
        Detection d = detector.detect(Signals.mouth(0.01, 0.01, 0.13, 0.13, 0.13, 0.01, 0.01, 0.01));
        assertThat(d.detected()).isTrue();
        assertThat(d.score()).isEqualTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
    }
}
