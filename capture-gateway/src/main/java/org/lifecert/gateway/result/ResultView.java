package org.lifecert.gateway.result;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * What the page shows after the upload (seed 图4-11..4-13): success with the next period, failure
 * with the reasons and a retry, or the automatic appeal after the second failure.
 */
public record ResultView(UUID sessionId, String outcome, String message, LocalDate nextPeriodStart, List<String> reasons,
        boolean retryAllowed, LocalDate appealDueDate) {

    public static final String PENDING = "PENDING";
    public static final String CERTIFIED = "CERTIFIED";
    public static final String FAILED = "FAILED";
    public static final String APPEAL_OPENED = "APPEAL_OPENED";
    public static final String EXPIRED = "EXPIRED";

    public boolean decided() {
        return !PENDING.equals(outcome);
    }
}
