package org.lifecert.liveness.action;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class BlinkDetectorTests {

    private final BlinkDetector detector = new BlinkDetector(Duration.ofMillis(80), 0.3, 0.7);

    @Test
    void openClosedOpenIsABlink() {
        // the shape of webcam-a frames 640-648: open, both eyes 0.00 for four frames, open again
        Detection d = detector.detect(Signals.eyes(0.74, 1.0, 0.9, 1.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.01,
                0.01, 0.57, 0.0, 1.0, 0.61, 1.0, 0.51, 0.99));
        assertThat(d.detected()).isTrue();
        assertThat(d.score()).isGreaterThan(1.3);
    }

    @Test
    void eyesThatNeverReopenAreNoBlink() {
        assertThat(detector.detect(Signals.eyes(1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0)).detected()).isFalse();
    }

    @Test
    void eyesClosedFromTheFirstFrameNeedToOpenFirst() {
        // closed then open only: no open -> closed -> open
        assertThat(detector.detect(Signals.eyes(0, 0, 0, 0, 0, 0, 1, 1, 1, 1)).detected()).isFalse();
    }

    @Test
    void oneEyeClosedIsAWinkNotABlink() {
        assertThat(detector.detect(Signals.eyes(1, 1, 1, 1, 0, 1, 0, 1, 0, 1, 1, 1, 1, 1)).detected()).isFalse();
    }

    @Test
    void aSingleNoisyFrameIsSmoothedAway() {
        // one frame reading both eyes 0.1 between open frames (webcam-a frame 780-like noise) averages to 0.55
        assertThat(detector.detect(Signals.eyes(1, 1, 1, 1, 0.1, 0.1, 1, 1, 1, 1)).detected()).isFalse();
    }

    @Test
    void noisyImageLeftEyeDoesNotHideTheOpenState() {
        // webcam-a: the image-left eye reads 0.01-0.5 on open eyes while the other reads 1.00
        Detection d = detector.detect(Signals.eyes(0.01, 1.0, 0.07, 1.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.01, 0.05, 1.0,
                0.13, 1.0));
        assertThat(d.detected()).isTrue();
    }

    @Test
    void atThePagesEightFramesPerSecondABlinkOnOneFrameCounts() {
        // webcam-a 630-654 every 3rd frame, as the page grabs them: only 642 falls inside the 160 ms the eyes are shut;
        // frames 125 ms apart are not averaged with each other, so that frame alone is the closure
        List<FrameSignal> frames = Signals.series(new double[]{1.0, 1.0, 1.0, 1.0, 0.0, 1.0, 1.0, 1.0},
                (f, v) -> f.withEyes(v, v), 125);
        assertThat(detector.detect(frames).detected()).isTrue();
    }

    @Test
    void atTwentyFiveFramesPerSecondTheSameSingleFrameIsNoise() {
        List<FrameSignal> frames = Signals.series(new double[]{1.0, 1.0, 1.0, 1.0, 0.0, 1.0, 1.0, 1.0},
                (f, v) -> f.withEyes(v, v), 40);
        assertThat(detector.detect(frames).detected()).isFalse();
    }

    @Test
    void borderlineClosureJustAtTheThresholdCounts() {
        // smoothed higher eye reaches exactly 0.3 for a frame
        Detection d = detector.detect(Signals.eyes(1, 1, 0.3, 0.3, 0.3, 0.3, 1, 1, 1, 1));
        assertThat(d.detected()).isTrue();
        assertThat(d.score()).isEqualTo(1.0);
    }

    @Test
    void closureJustAboveTheThresholdDoesNot() {
        assertThat(detector.detect(Signals.eyes(1, 1, 0.31, 0.31, 0.31, 0.31, 1, 1, 1, 1)).detected()).isFalse();
    }
}
