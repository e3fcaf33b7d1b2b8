package org.lifecert.liveness.action;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lifecert.events.Action;

class StepJudgeTests {

    private final StepJudge judge = new StepJudge(Signals.defaults());

    private static List<FrameSignal> blinkAt(long stepMillis) {
        return Signals.series(new double[]{1, 1, 0, 0, 0, 1, 1}, (f, v) -> f.withEyes(v, v), stepMillis);
    }

    @Test
    void blinkWithinTheTimeLimitPasses() {
        StepJudge.StepOutcome outcome = judge.judge(Action.BLINK, blinkAt(40));
        assertThat(outcome.passed()).isTrue();
        assertThat(outcome.reason()).isNull();
    }

    @Test
    void blinkCompletedAfterTheStepTimeLimitIsATimeout() {
        // default limit 10 s; frames this far apart are not smoothed together, so the eyes read open again at frame 5:
        // 5 x 2.05 s = 10.25 s after the first frame
        StepJudge.StepOutcome outcome = judge.judge(Action.BLINK, blinkAt(2050));
        assertThat(outcome.passed()).isFalse();
        assertThat(outcome.reason()).isEqualTo(LivenessReason.ACTION_TIMEOUT);
        assertThat(outcome.reason().messageZh()).startsWith("动作超时");
    }

    @Test
    void blinkCompletedJustInsideTheLimitPasses() {
        // 5 x 1.98 s = 9.9 s
        assertThat(judge.judge(Action.BLINK, blinkAt(1980)).passed()).isTrue();
    }

    @Test
    void stepWithoutTheActionSaysWhichActionWasMissing() {
        StepJudge.StepOutcome outcome = judge.judge(Action.BLINK, Signals.eyes(1, 1, 1, 1, 1, 1, 1, 1));
        assertThat(outcome.reason()).isEqualTo(LivenessReason.BLINK_NOT_DETECTED);
        assertThat(outcome.reason().messageZh()).startsWith("未检测到眨眼动作");
        assertThat(judge.judge(Action.NOD, Signals.pitch(4, 4, 4, 4)).reason())
                .isEqualTo(LivenessReason.NOD_NOT_DETECTED);
    }

    @Test
    void tooFewFramesWithAFaceIsNoFace() {
        List<FrameSignal> frames = new ArrayList<>(blinkAt(40).subList(0, 2));
        frames.add(FrameSignal.noFace(9, Signals.T0 + 400, "NO_FACE"));
        assertThat(judge.judge(Action.BLINK, frames).reason()).isEqualTo(LivenessReason.NO_FACE);
    }

    @Test
    void secondFaceInAFrameFailsTheStep() {
        List<FrameSignal> frames = new ArrayList<>(blinkAt(40));
        FrameSignal f = frames.get(3);
        frames.set(3, new FrameSignal(f.sequence(), f.atMillis(), 2, f.leftEyeOpen(), f.rightEyeOpen(),
                f.mouthOpening(), f.yaw(), f.pitch(), f.antiSpoof(), f.quality(), null));
        assertThat(judge.judge(Action.BLINK, frames).reason()).isEqualTo(LivenessReason.MULTIPLE_FACES);
    }

    @Test
    void darkFramesWithoutTheActionAskForBetterLight() {
        List<FrameSignal> frames = Signals.series(new double[]{1, 1, 1, 1}, (f, v) -> new FrameSignal(f.sequence(),
                f.atMillis(), 1, v, v, 0.02, 0, 0, 0.9, 1, "TOO_DARK"), 40);
        StepJudge.StepOutcome outcome = judge.judge(Action.BLINK, frames);
        assertThat(outcome.reason()).isEqualTo(LivenessReason.TOO_DARK);
        assertThat(outcome.reason().messageZh()).contains("光线不符");
    }

    @Test
    void lowAntiSpoofOnTheBestFramesFailsEvenWhenTheActionIsSeen() {
        List<FrameSignal> frames = blinkAt(40).stream().map(f -> new FrameSignal(f.sequence(), f.atMillis(), 1,
                f.leftEyeOpen(), f.rightEyeOpen(), f.mouthOpening(), f.yaw(), f.pitch(), 0.04, f.quality(), null)).toList();
        StepJudge.StepOutcome outcome = judge.judge(Action.BLINK, frames);
        assertThat(outcome.reason()).isEqualTo(LivenessReason.SPOOF_SUSPECTED);
        assertThat(outcome.antiSpoof()).isEqualTo(0.04, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void onlyTheScoredFramesCountForAntiSpoofing() {
        // the worker scores the best frames of a batch; the others carry NaN and must not dilute or hide the score
        List<FrameSignal> frames = new ArrayList<>(blinkAt(40).stream().map(f -> f.withAntiSpoof(Double.NaN)).toList());
        frames.set(0, frames.get(0).withAntiSpoof(0.04));
        frames.set(6, frames.get(6).withAntiSpoof(0.06));
        StepJudge.StepOutcome outcome = judge.judge(Action.BLINK, frames);
        assertThat(outcome.reason()).isEqualTo(LivenessReason.SPOOF_SUSPECTED);
        assertThat(outcome.antiSpoof()).isEqualTo(0.05, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void stepWithNoScoredFrameIsNotTakenAsLive() {
        List<FrameSignal> frames = blinkAt(40).stream().map(f -> f.withAntiSpoof(Double.NaN)).toList();
        StepJudge.StepOutcome outcome = judge.judge(Action.BLINK, frames);
        assertThat(outcome.reason()).isEqualTo(LivenessReason.SPOOF_SUSPECTED);
        assertThat(outcome.antiSpoof()).isZero();
    }

    @Test
    void configuredTimeLimitIsUsed() {
        StepJudge strict = new StepJudge(Signals.config(Map.of("lifecert.liveness.session.step-time-limit", "PT0.1S")));
        assertThat(strict.judge(Action.BLINK, blinkAt(40)).reason()).isEqualTo(LivenessReason.ACTION_TIMEOUT);
    }
}
