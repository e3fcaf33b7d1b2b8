package org.lifecert.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** An appeal opened (automatically on the second failure); due in 10 working days. */
public record AppealOpened(UUID appealId, UUID personId, String period, Instant openedAt, LocalDate dueDate)
        implements EventData {

    public static final String TYPE = "AppealOpened";
}
