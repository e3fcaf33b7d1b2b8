package org.lifecert.notification.delivery;

import java.util.UUID;
import org.lifecert.notification.plan.Channel;

/** A claimed delivery, ready to hand to its channel. {@code attempts} counts earlier failed tries. */
public record Outgoing(UUID id, String idempotencyKey, String eventType, String bureau, String recipientId,
        Channel channel, String address, String subject, String body, int attempts) {
}
