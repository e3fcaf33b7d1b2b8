package org.lifecert.notification.delivery;

import jakarta.enterprise.context.ApplicationScoped;
import org.lifecert.notification.plan.Channel;

/** The SMS channel: hands messages to whichever {@link SmsGateway} is installed. */
@ApplicationScoped
public class SmsSender implements ChannelSender {

    private final SmsGateway gateway;

    public SmsSender(SmsGateway gateway) {
        this.gateway = gateway;
    }

    @Override
    public Channel channel() {
        return Channel.SMS;
    }

    @Override
    public int send(Outgoing message) throws DeliveryFailure {
        return gateway.send(message.address(), message.body(), message.id().toString());
    }
}
