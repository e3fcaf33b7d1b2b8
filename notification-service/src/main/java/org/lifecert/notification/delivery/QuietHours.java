package org.lifecert.notification.delivery;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * A bureau's nightly quiet hours: no SMS between {@code start} and {@code end} (local time of the
 * bureau; may span midnight). A message due inside them is deferred to their end, never dropped.
 * start == end means no quiet hours.
 */
public record QuietHours(LocalTime start, LocalTime end, ZoneId zone) {

    public boolean contains(Instant instant) {
        if (start.equals(end)) {
            return false;
        }
        LocalTime t = instant.atZone(zone).toLocalTime();
        return start.isBefore(end)
                ? !t.isBefore(start) && t.isBefore(end)
                : !t.isBefore(start) || t.isBefore(end);
    }

    /** The instant {@code instant} may be sent: itself outside quiet hours, else when they end. */
    public Instant sendableFrom(Instant instant) {
        if (!contains(instant)) {
            return instant;
        }
        ZonedDateTime local = instant.atZone(zone);
        ZonedDateTime end = local.with(this.end);
        if (!end.isAfter(local)) {
            end = end.plusDays(1);
        }
        return end.toInstant();
    }
}
