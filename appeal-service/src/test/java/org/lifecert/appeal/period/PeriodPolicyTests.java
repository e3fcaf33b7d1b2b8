package org.lifecert.appeal.period;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.MonthDay;
import org.junit.jupiter.api.Test;

class PeriodPolicyTests {

    @Test
    void fixedYearlyWindowNamesThePeriodByItsStartYear() {
        PeriodPolicy p = new PeriodPolicy.FixedYearly(MonthDay.of(7, 1), MonthDay.of(6, 30));
        Period period = p.periodAt(LocalDate.of(2027, 2, 10), null, null);
        assertThat(period).isEqualTo(new Period("2026", LocalDate.of(2026, 7, 1), LocalDate.of(2027, 6, 30)));
        assertThat(p.nextPeriodStart(period, null)).isEqualTo(LocalDate.of(2027, 7, 1));
    }

    @Test
    void dateBetweenWindowsBelongsToTheClosedEarlierWindow() {
        PeriodPolicy p = new PeriodPolicy.FixedYearly(MonthDay.of(3, 1), MonthDay.of(6, 30));
        assertThat(p.periodAt(LocalDate.of(2026, 8, 1), null, null).id()).isEqualTo("2026");
        assertThat(p.periodAt(LocalDate.of(2026, 2, 1), null, null).id()).isEqualTo("2025");
    }

    @Test
    void rollingPeriodIsDueMonthsAfterTheLastCertification() {
        PeriodPolicy.Rolling p = new PeriodPolicy.Rolling(6, 30);
        Period first = p.periodAt(LocalDate.of(2026, 1, 10), null, null);
        assertThat(first.end()).isEqualTo(LocalDate.of(2026, 2, 9));
        assertThat(p.periodAt(LocalDate.of(2026, 6, 1), first, LocalDate.of(2026, 1, 20))).isEqualTo(first);
        Period next = p.periodAt(LocalDate.of(2026, 6, 20), first, LocalDate.of(2026, 1, 20));
        assertThat(next).isEqualTo(new Period("R2026-07-20", LocalDate.of(2026, 6, 20), LocalDate.of(2026, 7, 20)));
    }
}
