package org.lifecert.appeal.certification;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.lifecert.events.CertificationChannel;

/** The state derived from a {@link CertificationRecord}'s facts. */
public record Outcome(
        CertificationState state,
        CertificationChannel channel,
        Instant certifiedAt,
        String certifiedBy,
        UUID certifyingSession,
        UUID actingPersonId,
        int failedAttempts,
        List<AttemptView> attempts,
        AppealView appeal,
        LocalDate nextPeriodStart,
        Instant earliestPendingDeadline) {

    /** What an attempt counted as. */
    public enum Role { PENDING, PASSED, FAILED, AFTER_CERTIFICATION, REFUSED_DURING_APPEAL }

    public record AttemptView(UUID sessionId, CertificationChannel channel, UUID actingPersonId, Instant startedAt,
            Instant decidedAt, boolean passed, List<String> reasons, Role role, int failureNumber) {
    }

    public enum AppealStatus { UNDER_REVIEW, APPROVED, REJECTED }

    public record AppealView(UUID appealId, Instant openedAt, LocalDate dueDate, AppealStatus status,
            String reason, String reviewer, Instant decidedAt) {
    }

    /** The recipient-facing message: the seed's words, plus the next period for CERTIFIED (seed: 提示下次认证期). */
    public String message() {
        if (state == CertificationState.CERTIFIED && nextPeriodStart != null) {
            return state.message() + "，下次认证期：" + nextPeriodStart + " 起";
        }
        return state.message();
    }
}
