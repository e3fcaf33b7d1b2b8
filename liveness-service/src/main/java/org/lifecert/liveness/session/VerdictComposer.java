package org.lifecert.liveness.session;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.lifecert.events.Decision;
import org.lifecert.events.LivenessVerdict;
import org.lifecert.liveness.action.LivenessReason;
import org.lifecert.liveness.action.StepJudge;

/**
 * Turns a finished session's state into its LivenessVerdict: every step passed, one identity throughout (every
 * step's embedding close enough to the session's first), a live face on the best frames of every step, and no
 * session-level finding (frame times, replay). The reasons are listed once each, step reasons first.
 */
public final class VerdictComposer {

    private final StepJudge judge;
    private final double continuityThreshold;
    private final double antiSpoofThreshold;

    public VerdictComposer(StepJudge judge, double continuityThreshold, double antiSpoofThreshold) {
        this.judge = judge;
        this.continuityThreshold = continuityThreshold;
        this.antiSpoofThreshold = antiSpoofThreshold;
    }

    /** Judges a step whose last batch has arrived (idempotent). */
    public StepJudge.StepOutcome completeStep(SessionState.Step step) {
        if (step.outcome == null) {
            step.outcome = judge.judge(step.action, step.frames);
        }
        step.complete = true;
        return step.outcome;
    }

    /** Lowest cosine similarity between the session's first embedding and any later one; 1 with fewer than two. */
    public static double identityContinuity(SessionState state) {
        float[] first = null;
        double lowest = 1;
        for (SessionState.Step step : state.steps.values()) {
            for (float[] e : step.embeddings) {
                if (first == null) {
                    first = e;
                } else {
                    lowest = Math.min(lowest, cosine(first, e));
                }
            }
        }
        return lowest;
    }

    static double cosine(float[] a, float[] b) {
        double dot = 0, na = 0, nb = 0;
        for (int i = 0; i < Math.min(a.length, b.length); i++) {
            dot += a[i] * b[i];
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }
        return na == 0 || nb == 0 ? 0 : dot / Math.sqrt(na * nb);
    }

    /**
     * The verdict. {@code extra} adds a session-level reason decided outside the frames (INTERRUPTED, ACTION_TIMEOUT
     * when the last batch never came); null when the session ended normally.
     */
    public LivenessVerdict compose(SessionState state, LivenessReason extra) {
        List<LivenessVerdict.StepResult> results = new ArrayList<>();
        Set<LivenessReason> reasons = new LinkedHashSet<>();
        double antiSpoof = 1;
        boolean anyStep = false;
        for (Map.Entry<Integer, SessionState.Step> entry : state.steps.entrySet()) {
            SessionState.Step step = entry.getValue();
            StepJudge.StepOutcome outcome;
            if (step.complete) {
                outcome = completeStep(step);
            } else {
                // the step's last batch never came: judge what arrived, a missing action reads as a timeout
                outcome = judge.judge(step.action, step.frames);
                if (!outcome.passed()) {
                    outcome = new StepJudge.StepOutcome(step.action, false, LivenessReason.ACTION_TIMEOUT,
                            outcome.actionScore(), outcome.antiSpoof(), outcome.faceFrames());
                }
            }
            anyStep = true;
            antiSpoof = Math.min(antiSpoof, outcome.antiSpoof());
            results.add(new LivenessVerdict.StepResult(entry.getKey(), step.action, outcome.passed(),
                    outcome.reason() == null ? null : outcome.reason().name()));
            if (outcome.reason() != null) {
                reasons.add(outcome.reason());
            }
        }
        if (!anyStep) {
            antiSpoof = 0;
            reasons.add(LivenessReason.STEP_MISSING);
        }
        if (anyStep && antiSpoof < antiSpoofThreshold) {
            // a presentation attack fails the session whatever its steps say (a photo cannot blink, so the step
            // reports the missing action first)
            reasons.add(LivenessReason.SPOOF_SUSPECTED);
        }
        double continuity = identityContinuity(state);
        if (continuity < continuityThreshold) {
            reasons.add(LivenessReason.IDENTITY_CHANGED);
        }
        reasons.addAll(state.sessionFindings);
        if (extra != null) {
            reasons.add(extra);
        }
        Decision decision = reasons.isEmpty() ? Decision.PASS : Decision.FAIL;
        return new LivenessVerdict(state.sessionId, state.personId, decision, results, antiSpoof, continuity,
                reasons.stream().map(Enum::name).toList());
    }
}
