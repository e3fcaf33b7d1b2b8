package org.lifecert.notification.delivery;

import java.time.Instant;
import java.util.UUID;

/** A delivery that exhausted its attempts. */
public record DeadLetter(UUID id, UUID deliveryId, String bureau, String channel, String reason, int attempts,
        Instant createdAt, Instant retriedAt, String eventType, String recipientId) {
}
