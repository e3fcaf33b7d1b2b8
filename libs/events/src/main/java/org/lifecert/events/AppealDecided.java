package org.lifecert.events;

import java.time.Instant;
import java.util.UUID;

/** A reviewer decided an appeal. */
public record AppealDecided(
        UUID appealId, UUID personId, String period, boolean approved, String reason, String reviewer,
        Instant decidedAt) implements EventData {

    public static final String TYPE = "AppealDecided";
}
