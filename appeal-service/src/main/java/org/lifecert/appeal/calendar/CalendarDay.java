package org.lifecert.appeal.calendar;

import java.time.LocalDate;

/** One day that differs from the Monday-to-Friday rule: a holiday, or a weekend day worked in exchange (调休). */
public record CalendarDay(LocalDate day, Kind kind, String name) {

    public enum Kind {
        HOLIDAY, WORKDAY
    }
}
