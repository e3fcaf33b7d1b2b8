package org.lifecert.liveness.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.lifecert.events.Action;
import org.lifecert.events.Decision;
import org.lifecert.events.LivenessVerdict;
import org.lifecert.liveness.action.FrameSignal;
import org.lifecert.liveness.action.StepJudge;
import org.lifecert.liveness.LivenessTestConfig;
import org.lifecert.liveness.config.LivenessConfig;

class VerdictComposerTests {

    private static final long T0 = 1_700_000_000_000L;
    private final LivenessConfig config = LivenessTestConfig.of(java.util.Map.of());
    private final VerdictComposer composer = new VerdictComposer(new StepJudge(config), 0.4, 0.5);

    private static SessionState session() {
        return new SessionState(UUID.randomUUID(), UUID.randomUUID(), "bureau-a", Instant.ofEpochMilli(T0 + 60_000));
    }

    private static void blinkStep(SessionState state, int index, long from, float[] embedding) {
        SessionState.Step step = state.step(index, Action.BLINK);
        double[] eyes = {1, 1, 0, 0, 0, 1, 1};
        for (int i = 0; i < eyes.length; i++) {
            step.frames.add(FrameSignal.face(index * 100 + i, from + i * 40L).withEyes(eyes[i], eyes[i]));
        }
        step.embeddings.add(embedding);
    }

    private static float[] vector(float... v) {
        return v;
    }

    @Test
    void sameFaceThroughoutAndEveryActionSeenPasses() {
        SessionState state = session();
        blinkStep(state, 0, T0, vector(1, 0, 0));
        blinkStep(state, 1, T0 + 1000, vector(0.9f, 0.1f, 0));
        state.steps.values().forEach(composer::completeStep);
        LivenessVerdict verdict = composer.compose(state, null);
        assertThat(verdict.decision()).isEqualTo(Decision.PASS);
        assertThat(verdict.steps()).extracting(LivenessVerdict.StepResult::passed).containsExactly(true, true);
        assertThat(verdict.identityContinuity()).isGreaterThan(0.9);
        assertThat(verdict.reasons()).isEmpty();
    }

    @Test
    void anotherFaceInOneStepBreaksContinuity() {
        SessionState state = session();
        blinkStep(state, 0, T0, vector(1, 0, 0));
        blinkStep(state, 1, T0 + 1000, vector(0, 1, 0));
        state.steps.values().forEach(composer::completeStep);
        LivenessVerdict verdict = composer.compose(state, null);
        assertThat(verdict.decision()).isEqualTo(Decision.FAIL);
        assertThat(verdict.reasons()).containsExactly("IDENTITY_CHANGED");
    }

    @Test
    void sessionEndedWithoutItsLastBatchIsATimeoutOrInterruption() {
        SessionState state = session();
        blinkStep(state, 0, T0, vector(1, 0, 0));
        composer.completeStep(state.steps.get(0));
        state.step(1, Action.NOD).frames.add(FrameSignal.face(200, T0 + 2000));
        LivenessVerdict verdict = composer.compose(state, org.lifecert.liveness.action.LivenessReason.INTERRUPTED);
        assertThat(verdict.decision()).isEqualTo(Decision.FAIL);
        assertThat(verdict.steps().get(1).reason()).isEqualTo("ACTION_TIMEOUT");
        assertThat(verdict.reasons()).containsExactly("ACTION_TIMEOUT", "INTERRUPTED");
    }

    @Test
    void framesOutsideTheWindowOrOutOfOrderAreRejected() {
        FrameTimeline timeline = new FrameTimeline(Duration.ofMinutes(5), Duration.ofSeconds(5));
        SessionState state = session();
        assertThat(timeline.accept(state, 1, Instant.ofEpochMilli(T0))).isTrue();
        assertThat(timeline.accept(state, 2, Instant.ofEpochMilli(T0 + 40))).isTrue();
        assertThat(timeline.accept(state, 3, Instant.ofEpochMilli(T0 + 40))).as("same time").isFalse();
        assertThat(timeline.accept(state, 2, Instant.ofEpochMilli(T0 + 80))).as("sequence back").isFalse();
        assertThat(timeline.accept(state, 4, Instant.ofEpochMilli(T0 + 70_000))).as("after deadline").isFalse();
        assertThat(timeline.accept(state, 5, Instant.ofEpochMilli(T0 - 600_000))).as("before window").isFalse();
    }
}
