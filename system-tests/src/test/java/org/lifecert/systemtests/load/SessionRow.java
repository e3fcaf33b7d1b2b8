package org.lifecert.systemtests.load;

import java.time.Instant;
import java.util.UUID;

/**
 * One simulated recipient's session: when it started and ended, what was challenged, the page's
 * outcome, the upload time and the time from the last batch accepted to the decided result.
 */
record SessionRow(Instant start, Instant end, UUID personId, UUID sessionId, String actions, String outcome,
        long uploadMillis, long verdictMillis, String error) {

    boolean decided() {
        return verdictMillis >= 0;
    }

    boolean failedWithError() {
        return outcome.equals("ERROR");
    }
}
