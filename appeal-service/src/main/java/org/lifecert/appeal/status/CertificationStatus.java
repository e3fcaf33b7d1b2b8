package org.lifecert.appeal.status;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.lifecert.appeal.certification.CertificationRecord;
import org.lifecert.appeal.certification.Outcome;

/**
 * The status contract of SERVICE-CONVENTIONS.md ({@code GET /internal/v1/persons/{personId}/certification}),
 * also what the recipient sees when querying their result (seed: 查询本人资格认证结果的采纳情况).
 */
public record CertificationStatus(
        UUID personId,
        String bureau,
        String period,
        String state,
        String message,
        LocalDate nextPeriodStart,
        int failedAttempts,
        Appeal appeal) {

    public record Appeal(UUID appealId, String status, Instant openedAt, LocalDate dueDate) {
    }

    public static CertificationStatus of(CertificationRecord r, Outcome o) {
        Appeal appeal = o.appeal() == null ? null
                : new Appeal(o.appeal().appealId(), o.appeal().status().name(), o.appeal().openedAt(), o.appeal().dueDate());
        return new CertificationStatus(r.personId, r.bureau, r.period == null ? null : r.period.id(), o.state().name(),
                o.message(), o.nextPeriodStart(), o.failedAttempts(), appeal);
    }
}
