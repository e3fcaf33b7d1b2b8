package org.lifecert.notification.plan;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One thing to tell: the event (or scheduled reminder) it comes from, about whom, and the values its
 * templates use. {@code relatives} are the relatives to tell as well (proxy certification).
 */
public record Notice(String eventId, String eventType, MessageKind kind, UUID personId, String bureau,
        Map<String, Object> values, List<UUID> relatives) {

    public Notice {
        values = Map.copyOf(values);
        relatives = List.copyOf(relatives);
    }
}
