package org.lifecert.appeal.period;

import java.time.LocalDate;
import java.time.MonthDay;

/**
 * How a bureau sets its periods (DESIGN.md, "Certification state"): a fixed yearly window, or
 * rolling (due N months after the last certification).
 */
public sealed interface PeriodPolicy {

    /**
     * The period a fact dated {@code date} belongs to, given the person's current period (null when
     * none yet) and the day they were certified in it (null if not certified).
     */
    Period periodAt(LocalDate date, Period current, LocalDate certifiedOn);

    /** First day of the period after {@code current}, for the "next period" the recipient is shown. */
    LocalDate nextPeriodStart(Period current, LocalDate certifiedOn);

    /**
     * Yearly window {@code start}..{@code end}; a window whose end is before its start runs into the
     * next year. The period id is the start year ("2026"). A date between two windows belongs to the
     * earlier one (closed: attempts then count as late certification).
     */
    record FixedYearly(MonthDay start, MonthDay end) implements PeriodPolicy {

        public Period window(int year) {
            LocalDate from = start.atYear(year);
            LocalDate to = end.atYear(year);
            if (to.isBefore(from)) {
                to = end.atYear(year + 1);
            }
            return new Period(String.valueOf(year), from, to);
        }

        @Override
        public Period periodAt(LocalDate date, Period current, LocalDate certifiedOn) {
            Period candidate = window(date.getYear());
            return date.isBefore(candidate.start()) ? window(date.getYear() - 1) : candidate;
        }

        @Override
        public LocalDate nextPeriodStart(Period current, LocalDate certifiedOn) {
            return window(current.start().getYear() + 1).start();
        }
    }

    /**
     * Rolling: due {@code months} after the last certification, open {@code openDays} before that.
     * A person never certified gets a first period of {@code openDays} from when they became known.
     * The period id is "R" + its deadline.
     */
    record Rolling(int months, int openDays) implements PeriodPolicy {

        public Period after(LocalDate certifiedOn) {
            LocalDate end = certifiedOn.plusMonths(months);
            return new Period("R" + end, end.minusDays(openDays), end);
        }

        @Override
        public Period periodAt(LocalDate date, Period current, LocalDate certifiedOn) {
            if (current == null) {
                LocalDate end = date.plusDays(openDays);
                return new Period("R" + end, date, end);
            }
            if (certifiedOn != null) {
                Period next = after(certifiedOn);
                if (!date.isBefore(next.start())) {
                    return next;
                }
            }
            return current;
        }

        @Override
        public LocalDate nextPeriodStart(Period current, LocalDate certifiedOn) {
            return after(certifiedOn == null ? current.end() : certifiedOn).start();
        }
    }
}
