package org.lifecert.notification.delivery;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.smallrye.mutiny.TimeoutException;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.lifecert.notification.config.NotificationConfig;
import org.lifecert.notification.plan.Channel;

/**
 * The e-mail channel: SMTP through Quarkus Mailer (blocking: the dispatcher runs it on its own threads). A server that
 * does not answer within {@code quarkus.mailer.timeout} fails the attempt, which is retried with back-off.
 */
@ApplicationScoped
public class EmailSender implements ChannelSender {

    private final Mailer mailer;
    private final NotificationConfig config;
    private final Duration timeout;

    public EmailSender(Mailer mailer, NotificationConfig config,
            @ConfigProperty(name = "quarkus.mailer.timeout", defaultValue = "60s") Duration timeout) {
        this.mailer = mailer;
        this.config = config;
        this.timeout = timeout;
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
        } catch (TimeoutException e) {
            throw new DeliveryFailure("SMTP: no answer within " + timeout.toSeconds() + " s", null, e);
        } catch (RuntimeException e) {
            throw new DeliveryFailure("SMTP: " + e.getMessage(), null, e);
        }
    }
}
