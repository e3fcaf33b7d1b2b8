package org.lifecert.facematch.match;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.lifecert.events.Decision;
import org.lifecert.face.FaceTemplate;

class MatchDeciderTests {

    private static final String MODEL = "m1";
    private final MatchDecider decider = new MatchDecider(MODEL);

    @Test
    void personWithoutTemplateIsNotCollected() {
        MatchDecider.Outcome outcome = decider.decide(List.of(new float[]{1, 0}), List.of(), 0.4);
        assertThat(outcome.decision()).isEqualTo(Decision.FAIL);
        assertThat(outcome.reason()).isEqualTo("NOT_COLLECTED");
    }

    @Test
    void bestOfSeveralTemplatesDecides() {
        FaceTemplate old = new FaceTemplate(List.of(new float[]{0, 1}), MODEL);
        FaceTemplate recent = new FaceTemplate(List.of(new float[]{1, 0.2f}), MODEL);
        MatchDecider.Outcome outcome = decider.decide(List.of(new float[]{1, 0}), List.of(old, recent), 0.4);
        assertThat(outcome.decision()).isEqualTo(Decision.PASS);
        assertThat(outcome.score()).isGreaterThan(0.95);
    }

    @Test
    void scoreBelowThresholdIsNotMatched() {
        FaceTemplate other = new FaceTemplate(List.of(new float[]{0.3f, 1}), MODEL);
        MatchDecider.Outcome outcome = decider.decide(List.of(new float[]{1, 0}), List.of(other), 0.4);
        assertThat(outcome.decision()).isEqualTo(Decision.FAIL);
        assertThat(outcome.reason()).isEqualTo("NOT_MATCHED");
        // just at the threshold passes
        assertThat(decider.decide(List.of(new float[]{1, 0}), List.of(other), outcome.score()).decision())
                .isEqualTo(Decision.PASS);
    }

    @Test
    void templatesOfAnotherModelAreNotCompared() {
        FaceTemplate foreign = new FaceTemplate(List.of(new float[]{1, 0}), "other-model");
        assertThat(decider.decide(List.of(new float[]{1, 0}), List.of(foreign), 0.4).reason())
                .isEqualTo("TEMPLATE_MODEL_MISMATCH");
    }

    @Test
    void noUsableFrameIsNoFace() {
        FaceTemplate t = new FaceTemplate(List.of(new float[]{1, 0}), MODEL);
        assertThat(decider.decide(List.of(), List.of(t), 0.4).reason()).isEqualTo("NO_FACE");
    }
}
