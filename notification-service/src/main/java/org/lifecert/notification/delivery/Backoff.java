package org.lifecert.notification.delivery;

import java.time.Duration;

/** Exponential back-off: base after the first failure, doubling after each further one, capped. */
public record Backoff(Duration base, Duration max) {

    /** Wait after the {@code failures}-th failure (1 = first). */
    public Duration after(int failures) {
        if (failures <= 1) {
            return min(base, max);
        }
        int shift = Math.min(failures - 1, 30);
        long millis = base.toMillis();
        long scaled = millis > (Long.MAX_VALUE >> shift) ? Long.MAX_VALUE : millis << shift;
        return min(Duration.ofMillis(scaled), max);
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
