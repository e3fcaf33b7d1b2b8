package org.lifecert.notification.delivery;

import java.util.UUID;
import org.lifecert.notification.plan.Channel;
import org.lifecert.notification.plan.MessageKind;
import org.lifecert.notification.plan.Party;

/** A planned and rendered delivery, about to be stored. */
public record NewDelivery(UUID id, String idempotencyKey, String eventId, String eventType, MessageKind kind,
        UUID personId, String bureau, Party party, String recipientId, Channel channel, String language,
        String address, String subject, String body) {
}
