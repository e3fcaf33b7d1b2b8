package org.lifecert.appeal.appeal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** What the reviewer console shows. */
public final class AppealViews {

    private AppealViews() {
    }

    public record QueueItem(UUID appealId, UUID personId, String surname, String idNumberMasked, String period,
            Instant openedAt, LocalDate dueDate, boolean overdue, int failedAttempts) {
    }

    public record Detail(UUID appealId, UUID personId, String bureau, String surname, String idNumberMasked,
            String period, String state, String message, String status, Instant openedAt, LocalDate dueDate,
            boolean overdue, String decisionReason, String reviewer, Instant decidedAt, List<AttemptEvidence> attempts) {
    }

    /**
     * One attempt with its scores and reasons; the console shows its best frames through
     * {@code /console/api/evidence/{sessionId}} (capture-gateway's evidence API).
     */
    public record AttemptEvidence(UUID sessionId, String channel, UUID actingPersonId, Instant startedAt,
            Instant decidedAt, String role, boolean passed, List<String> reasons,
            String matchDecision, Double matchScore, Double matchThreshold, String matchModel, Double frameQuality,
            String livenessDecision, Double antiSpoofScore, Double identityContinuity, List<String> failedSteps) {
    }

    /**
     * {@code viewedEvidence}: the sessions whose frames the reviewer was shown; {@code referencePhotosShown}: how many
     * of the person's current reference photos the console showed (0 when enrollment had none or could not be reached).
     */
    public record DecisionRequest(Boolean approved, String reason, List<UUID> viewedEvidence, Integer referencePhotosShown) {
    }
}
