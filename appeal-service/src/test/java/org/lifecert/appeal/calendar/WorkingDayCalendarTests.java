package org.lifecert.appeal.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class WorkingDayCalendarTests {

    static WorkingDayCalendar national() {
        InputStream in = WorkingDayCalendar.class.getResourceAsStream("/holidays/cn-national.csv");
        return WorkingDayCalendar.parse(in);
    }

    @Test
    void tenWorkingDaysSkipWeekends() {
        // Monday 2026-03-02 + 10 working days = Monday 2026-03-16
        assertThat(WorkingDayCalendar.weekendsOnly().addWorkingDays(LocalDate.of(2026, 3, 2), 10))
                .isEqualTo(LocalDate.of(2026, 3, 16));
    }

    @Test
    void dueDateAcrossNationalDayHolidayAndWeekend() {
        // Opened Tue 2026-09-29: working days 9-30, (10-1..10-7 holiday), 10-8, 10-9, 10-10 (Saturday worked), 10-12..10-16, 10-19
        assertThat(national().addWorkingDays(LocalDate.of(2026, 9, 29), 10)).isEqualTo(LocalDate.of(2026, 10, 19));
    }

    @Test
    void dueDateAcrossSpringFestivalCountsTheWorkedSaturdays() {
        // Opened Fri 2026-02-13: 2-14 (Sat worked), holiday 2-15..2-23, 2-24..2-27, 2-28 (Sat worked), 3-2..3-5
        assertThat(national().addWorkingDays(LocalDate.of(2026, 2, 13), 10)).isEqualTo(LocalDate.of(2026, 3, 5));
    }

    @Test
    void bureauHolidaysAddToTheNationalOnes() {
        WorkingDayCalendar bureau = national().with(List.of(LocalDate.of(2026, 3, 3)), List.of());
        assertThat(bureau.isWorkingDay(LocalDate.of(2026, 3, 3))).isFalse();
        assertThat(bureau.addWorkingDays(LocalDate.of(2026, 3, 2), 10)).isEqualTo(LocalDate.of(2026, 3, 17));
    }
}
