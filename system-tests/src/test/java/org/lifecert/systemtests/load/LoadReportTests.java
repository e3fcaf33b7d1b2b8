package org.lifecert.systemtests.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The report's arithmetic, without a stack: which sessions the measured window holds, and their percentiles. */
class LoadReportTests {

    private static final Instant BEGIN = Instant.parse("2026-12-04T12:00:00Z");

    @Test
    void measuredWindowHoldsOnlySessionsDecidedAfterTheWarmUpAndBeforeItsEnd() {
        List<SessionRow> rows = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            rows.add(decided(5 + i, 9_000)); // warm-up: slow
        }
        for (int i = 0; i < 20; i++) {
            rows.add(decided(125 + i, 600 + i * 10)); // measured: 600..790 ms
        }
        rows.add(decided(185, 20_000)); // after the measured minute: left out too
        String summary = new LoadReport(rows, List.of(), BEGIN, 190, 120, 60).summary("t", 4, 30, "-", "-");

        assertThat(summary).contains("for 120 s of warm-up and 60 s measured")
                .contains("(60 s after the 120 s warm-up): sessions decided, sessions/s | 20, **0.333** |")
                .contains("p50 / p95 / p99 | 690 / **780** / 790 ms")
                .contains("(whole run, warm-up included) | 0.163 |")
                .contains("p50 / p95 / p99 (whole run) | 750 / 9000 / 20000 ms");
    }

    @Test
    void withoutWarmUpTheReportHasNoMeasuredWindow() {
        String summary = new LoadReport(List.of(decided(5, 700)), List.of(), BEGIN, 10, 0, 10).summary("t", 1, 0, "-", "-");

        assertThat(summary).doesNotContain("measured window").contains("(whole run) | 0.100 |");
    }

    private static SessionRow decided(int endSecond, long verdictMillis) {
        Instant end = BEGIN.plusSeconds(endSecond);
        return new SessionRow(end.minusSeconds(9), end, UUID.randomUUID(), UUID.randomUUID(), "BLINK", "CERTIFIED", 7_000,
                verdictMillis, "");
    }
}
