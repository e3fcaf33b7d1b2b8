package org.lifecert.appeal.certification;

import java.time.Duration;
import java.time.ZoneId;

/**
 * @param zone                 the bureaus' time zone: dates of periods and due dates are local dates there
 * @param verdictGrace         how long after the session deadline a missing verdict is still awaited
 * @param defaultSessionLength deadline assumed for a session whose SessionStarted was never seen
 * @param appealWorkingDays    an appeal is due this many working days after it opened (seed: 10)
 */
public record FoldSettings(ZoneId zone, Duration verdictGrace, Duration defaultSessionLength, int appealWorkingDays) {

    public static FoldSettings defaults() {
        return new FoldSettings(ZoneId.of("Asia/Shanghai"), Duration.ofMinutes(2), Duration.ofMinutes(10), 10);
    }
}
