package org.lifecert.events;

import java.util.UUID;

/** A session passed its deadline before completing. */
public record SessionExpired(UUID sessionId, UUID personId, String reason) implements EventData {

    public static final String TYPE = "SessionExpired";
}
