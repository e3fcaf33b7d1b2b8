package org.lifecert.appeal.period;

import java.time.LocalDate;

/** One certification period: {@code start} to {@code end} (the deadline), both inclusive. */
public record Period(String id, LocalDate start, LocalDate end) {

    public boolean contains(LocalDate date) {
        return !date.isBefore(start) && !date.isAfter(end);
    }

    public boolean endedBefore(LocalDate date) {
        return date.isAfter(end);
    }
}
