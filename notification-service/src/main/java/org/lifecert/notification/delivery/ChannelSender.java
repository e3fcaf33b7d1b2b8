package org.lifecert.notification.delivery;

import org.lifecert.notification.plan.Channel;

/** Hands a message to one outside channel; returns the far side's status code (or 0) once it accepted it. */
public interface ChannelSender {

    Channel channel();

    int send(Outgoing message) throws DeliveryFailure;
}
