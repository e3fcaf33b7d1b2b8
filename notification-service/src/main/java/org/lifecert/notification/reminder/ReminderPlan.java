package org.lifecert.notification.reminder;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * When the reminders of a period go out: for each offset, the day {@code deadline - offset} at
 * {@code timeOfDay} in the bureau's zone. Reminders whose time has already passed when the period
 * opens are not scheduled (the period-opened message covers them).
 */
public final class ReminderPlan {

    private ReminderPlan() {
    }

    public record Slot(String offsetKey, Instant dueAt) {
    }

    public static List<Slot> slots(LocalDate deadline, List<Duration> offsets, LocalTime timeOfDay, ZoneId zone,
            Instant now) {
        List<Slot> slots = new ArrayList<>();
        for (Duration offset : offsets) {
            long days = offset.toDays();
            Instant dueAt = deadline.minusDays(days).atTime(timeOfDay).atZone(zone).toInstant();
            if (dueAt.isAfter(now)) {
                slots.add(new Slot("P" + days + "D", dueAt));
            }
        }
        return slots;
    }
}
