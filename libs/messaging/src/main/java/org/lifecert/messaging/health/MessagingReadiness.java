package org.lifecert.messaging.health;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.lifecert.messaging.consumer.EventConsumers;
import org.lifecert.messaging.outbox.OutboxRelay;

/** Ready when the outbox relay (where it runs here) streams and every consumer loop polls. */
@Readiness
@ApplicationScoped
public class MessagingReadiness implements HealthCheck {

    private final OutboxRelay relay;
    private final EventConsumers consumers;

    public MessagingReadiness(OutboxRelay relay, EventConsumers consumers) {
        this.relay = relay;
        this.consumers = consumers;
    }

    @Override
    public HealthCheckResponse call() {
        boolean relayOk = !relay.enabled() || relay.streaming();
        return HealthCheckResponse.named("lifecert-messaging")
                .status(relayOk && consumers.healthy())
                .withData("outboxRelay", relay.enabled() ? (relay.streaming() ? "streaming" : "not streaming") : "external")
                .withData("consumers", consumers.healthy() ? "polling" : "stopped")
                .build();
    }
}
