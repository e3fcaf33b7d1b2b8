package org.lifecert.notification.delivery;

import java.time.Instant;
import java.util.UUID;

/** A delivery as the APIs show it (no address: it is personal data). */
public record DeliveryView(UUID id, String eventId, String eventType, String kind, UUID personId, String bureau,
        String party, String recipientId, String channel, String language, String subject, String body,
        String status, int attempts, Instant nextAttemptAt, String lastError, Integer lastStatusCode,
        Instant createdAt, Instant sentAt) {
}
