package org.lifecert.notification.plan;

/**
 * One message to one party on one channel. {@link #idempotencyKey()} is (event, recipient, channel):
 * stored UNIQUE, so each key is delivered exactly once however often the event arrives.
 */
public record PlannedDelivery(Party party, String recipientId, Channel channel, String language, String address,
        String name) {

    public String idempotencyKey(String eventId) {
        return eventId + "|" + recipientId + "|" + channel.name();
    }
}
