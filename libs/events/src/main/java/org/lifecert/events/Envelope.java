package org.lifecert.events;

import java.time.Instant;
import java.util.UUID;

/**
 * The JSON envelope every event travels in.
 *
 * @param id            unique event id; consumers record it to stay idempotent
 * @param type          event type name, e.g. {@code PersonEnrolled}
 * @param source        producing service, e.g. {@code enrollment-service}
 * @param time          when the event happened
 * @param subject       the person id the event is about
 * @param bureau        the social-security bureau the person belongs to
 * @param schemaVersion version of the {@code data} schema
 * @param data          the payload
 */
public record Envelope<T extends EventData>(
        UUID id,
        String type,
        String source,
        Instant time,
        String subject,
        String bureau,
        int schemaVersion,
        T data) {

    /**
     * A new envelope with a random id, the current time and the current type and schema version of
     * {@code data}'s class.
     */
    public static <T extends EventData> Envelope<T> of(String source, String subject, String bureau, T data) {
        if (data == null) {
            throw new IllegalArgumentException("data must not be null");
        }
        EventTypes.Registration registration = EventTypes.current(data.getClass());
        return new Envelope<>(UUID.randomUUID(), registration.type(), source, Instant.now(), subject, bureau,
                registration.version(), data);
    }

    /** Topic this event is published on. */
    public String topic() {
        return EventTypes.topicOf(type);
    }

    /**
     * Kafka record key: the session id for frame batches (all batches of a session on one partition,
     * in order), the person id ({@link #subject}) for everything else.
     */
    public String partitionKey() {
        if (data instanceof FrameBatchCaptured frames && frames.sessionId() != null) {
            return frames.sessionId().toString();
        }
        return subject;
    }
}
