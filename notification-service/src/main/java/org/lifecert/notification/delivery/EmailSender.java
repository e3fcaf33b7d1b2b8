package org.lifecert.notification.delivery;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import jakarta.enterprise.context.ApplicationScoped;
import org.lifecert.notification.config.NotificationConfig;
import org.lifecert.notification.plan.Channel;

/** The e-mail channel: SMTP through Quarkus Mailer (blocking: the dispatcher runs it on its own threads). */
@ApplicationScoped
public class EmailSender implements ChannelSender {

    private final Mailer mailer;
    private final NotificationConfig config;

    public EmailSender(Mailer mailer, NotificationConfig config) {
        this.mailer = mailer;
        this.config = config;
    }

    @Override
    public Channel channel() {
        return Channel.EMAIL;
    }

    @Override
    public int send(Outgoing message) throws DeliveryFailure {
        try {
            mailer.send(Mail.withText(message.address(), message.subject(), message.body())
                    .setFrom(config.email().from())
                    .addHeader("X-LifeCert-Delivery", message.id().toString()));
            return 250;
        } catch (RuntimeException e) {
            throw new DeliveryFailure("SMTP: " + e.getMessage(), null, e);
        }
    }
}
