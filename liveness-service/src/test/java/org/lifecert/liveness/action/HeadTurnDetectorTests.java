package org.lifecert.liveness.action;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HeadTurnDetectorTests {

    @Test
    void turnToThePersonsLeftReadsAsNegativeYawInUnmirroredFrames() {
        HeadTurnDetector left = new HeadTurnDetector(HeadTurnDetector.Side.LEFT, 20, false);
        assertThat(left.detect(Signals.yaw(3, 0, -8, -15, -22, -30, -25)).detected()).isTrue();
    }

    @Test
    void turnTheOtherWayDoesNotCount() {
        HeadTurnDetector right = new HeadTurnDetector(HeadTurnDetector.Side.RIGHT, 20, false);
        assertThat(right.detect(Signals.yaw(3, 0, -8, -15, -22, -30, -25)).detected()).isFalse();
    }

    @Test
    void mirroredFramesSwapTheSides() {
        // the selfie preview shows the person's left turn on the image's left: yaw reads positive
        HeadTurnDetector mirroredLeft = new HeadTurnDetector(HeadTurnDetector.Side.LEFT, 20, true);
        HeadTurnDetector mirroredRight = new HeadTurnDetector(HeadTurnDetector.Side.RIGHT, 20, true);
        var frames = Signals.yaw(0, 10, 25, 30);
        assertThat(mirroredLeft.detect(frames).detected()).isTrue();
        assertThat(mirroredRight.detect(frames).detected()).isFalse();
    }

    @Test
    void smallTurnOfTalkingIsNotATurn() {
        // webcam footage while talking: yaw within -8..+12
        HeadTurnDetector right = new HeadTurnDetector(HeadTurnDetector.Side.RIGHT, 20, false);
        var d = right.detect(Signals.yaw(3, 6, 9, 12, 11, 8));
        assertThat(d.detected()).isFalse();
        assertThat(d.score()).isEqualTo(0.6, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void faceAlreadyTurnedInTheFirstFrameIsAHeldPose() {
        HeadTurnDetector right = new HeadTurnDetector(HeadTurnDetector.Side.RIGHT, 20, false);
        assertThat(right.detect(Signals.yaw(28, 29, 30, 29)).detected()).isFalse();
    }

    @Test
    void borderlineYawExactlyAtTheAngleCounts() {
        HeadTurnDetector right = new HeadTurnDetector(HeadTurnDetector.Side.RIGHT, 20, false);
        assertThat(right.detect(Signals.yaw(0, 10, 20)).detected()).isTrue();
        assertThat(right.detect(Signals.yaw(0, 10, 19.9)).detected()).isFalse();
    }

    @Test
    void framesWithoutAMeasuredPoseAreSkipped() {
        // frames followed between measured ones carry NaN yaw (turn steps of a 25 fps camera: pose on every 2nd)
        HeadTurnDetector left = new HeadTurnDetector(HeadTurnDetector.Side.LEFT, 20, false);
        assertThat(left.detect(Signals.yaw(3, Double.NaN, -8, Double.NaN, -22, Double.NaN)).detected()).isTrue();
        assertThat(left.detect(Signals.yaw(Double.NaN, 3, Double.NaN, -25)).detected()).isTrue();
        assertThat(left.detect(Signals.yaw(Double.NaN, Double.NaN, Double.NaN)).detected()).isFalse();
        // the first measured frame already turned is still a held pose
        assertThat(left.detect(Signals.yaw(Double.NaN, -25, Double.NaN, -30)).detected()).isFalse();
    }
}
