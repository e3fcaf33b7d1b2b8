package org.lifecert.events;

import java.util.List;
import java.util.UUID;

/**
 * Action liveness per step, passive anti-spoofing and identity continuity for one session.
 *
 * @param reasons reason codes (empty when passed)
 */
public record LivenessVerdict(
        UUID sessionId,
        UUID personId,
        Decision decision,
        List<StepResult> steps,
        double antiSpoofScore,
        double identityContinuity,
        List<String> reasons) implements EventData {

    public static final String TYPE = "LivenessVerdict";

    public LivenessVerdict {
        steps = steps == null ? null : List.copyOf(steps);
        reasons = reasons == null ? null : List.copyOf(reasons);
    }

    /** @param reason nullable reason code when the step failed */
    public record StepResult(int stepIndex, Action action, boolean passed, String reason) {
    }
}
