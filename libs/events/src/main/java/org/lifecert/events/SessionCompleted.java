package org.lifecert.events;

import java.util.UUID;

/** All frames of a session were uploaded. */
public record SessionCompleted(UUID sessionId, UUID personId, int batchCount, int frameCount) implements EventData {

    public static final String TYPE = "SessionCompleted";
}
