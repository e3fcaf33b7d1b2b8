package org.lifecert.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class QuietHoursTests {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private final QuietHours night = new QuietHours(LocalTime.of(21, 0), LocalTime.of(8, 0), SHANGHAI);

    @Test
    void nightSpansMidnightInTheBureausZone() {
        assertThat(night.contains(Instant.parse("2026-03-01T14:30:00Z"))).isTrue();  // 22:30 Shanghai
        assertThat(night.contains(Instant.parse("2026-03-01T23:59:00Z"))).isTrue();  // 07:59
        assertThat(night.contains(Instant.parse("2026-03-02T00:00:00Z"))).isFalse(); // 08:00
        assertThat(night.contains(Instant.parse("2026-03-01T12:59:00Z"))).isFalse(); // 20:59
    }

    @Test
    void messageInQuietHoursIsDeferredToTheirEndNotDropped() {
        assertThat(night.sendableFrom(Instant.parse("2026-03-01T14:30:00Z"))).isEqualTo(Instant.parse("2026-03-02T00:00:00Z"));
        assertThat(night.sendableFrom(Instant.parse("2026-03-01T22:00:00Z"))).isEqualTo(Instant.parse("2026-03-02T00:00:00Z"));
        Instant day = Instant.parse("2026-03-01T03:00:00Z");
        assertThat(night.sendableFrom(day)).isEqualTo(day);
    }

    @Test
    void equalStartAndEndMeansNoQuietHours() {
        QuietHours none = new QuietHours(LocalTime.MIDNIGHT, LocalTime.MIDNIGHT, SHANGHAI);
        assertThat(none.contains(Instant.parse("2026-03-01T16:00:00Z"))).isFalse();
    }

    @Test
    void daytimeWindowDoesNotWrap() {
        QuietHours lunch = new QuietHours(LocalTime.of(12, 0), LocalTime.of(13, 0), ZoneId.of("UTC"));
        assertThat(lunch.contains(Instant.parse("2026-03-01T12:30:00Z"))).isTrue();
        assertThat(lunch.contains(Instant.parse("2026-03-01T13:30:00Z"))).isFalse();
        assertThat(lunch.sendableFrom(Instant.parse("2026-03-01T12:30:00Z"))).isEqualTo(Instant.parse("2026-03-01T13:00:00Z"));
    }
}
