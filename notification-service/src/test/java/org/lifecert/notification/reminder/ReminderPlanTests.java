package org.lifecert.notification.reminder;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReminderPlanTests {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final List<Duration> OFFSETS = List.of(Duration.ofDays(14), Duration.ofDays(7), Duration.ofDays(1));

    @Test
    void remindersFallOnTheirDayAtTheBureausTimeOfDay() {
        var slots = ReminderPlan.slots(LocalDate.of(2026, 6, 30), OFFSETS, LocalTime.of(10, 0), SHANGHAI,
                Instant.parse("2026-06-01T00:00:00Z"));
        assertThat(slots).extracting(ReminderPlan.Slot::offsetKey).containsExactly("P14D", "P7D", "P1D");
        assertThat(slots.get(0).dueAt()).isEqualTo(Instant.parse("2026-06-16T02:00:00Z"));
        assertThat(slots.get(2).dueAt()).isEqualTo(Instant.parse("2026-06-29T02:00:00Z"));
    }

    @Test
    void remindersWhoseTimeHasPassedWhenThePeriodOpensAreNotScheduled() {
        var slots = ReminderPlan.slots(LocalDate.of(2026, 6, 30), OFFSETS, LocalTime.of(10, 0), SHANGHAI,
                Instant.parse("2026-06-25T00:00:00Z"));
        assertThat(slots).extracting(ReminderPlan.Slot::offsetKey).containsExactly("P1D");
    }
}
