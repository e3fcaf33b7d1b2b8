package org.lifecert.appeal.certification;

import org.lifecert.appeal.calendar.WorkingDayCalendar;
import org.lifecert.appeal.period.PeriodPolicy;

/** Per-bureau rules the fold needs: how periods are set and which days are working days. */
public interface BureauRules {

    PeriodPolicy periodPolicy(String bureau);

    WorkingDayCalendar calendar(String bureau);
}
