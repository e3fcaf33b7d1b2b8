package org.lifecert.notification.webhook;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.lifecert.notification.config.NotificationConfig;
import org.lifecert.notification.delivery.ChannelSender;
import org.lifecert.notification.delivery.DeliveryFailure;
import org.lifecert.notification.delivery.Outgoing;
import org.lifecert.notification.plan.Channel;

/** POSTs the event envelope to the bureau's endpoint, signed (see {@link WebhookSignature}); 2xx = delivered. */
@ApplicationScoped
public class WebhookSender implements ChannelSender {

    private final WebhookEndpoints endpoints;
    private final NotificationConfig config;
    private final HttpClient http;

    public WebhookSender(WebhookEndpoints endpoints, NotificationConfig config) {
        this.endpoints = endpoints;
        this.config = config;
        this.http = HttpClient.newBuilder().connectTimeout(config.webhook().timeout()).build();
    }

    @Override
    public Channel channel() {
        return Channel.WEBHOOK;
    }

    @Override
    public int send(Outgoing message) throws DeliveryFailure {
        WebhookEndpoint endpoint = endpoints.find(message.bureau())
                .filter(WebhookEndpoint::enabled)
                .orElseThrow(() -> new DeliveryFailure("no enabled webhook endpoint for bureau " + message.bureau(), null));
        byte[] body = message.body().getBytes(StandardCharsets.UTF_8);
        Instant now = Instant.now();
        long timestamp = now.getEpochSecond();
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(URI.create(endpoint.url()))
                    .timeout(config.webhook().timeout())
                    .header("Content-Type", "application/json; charset=utf-8")
                    .header(WebhookSignature.TIMESTAMP_HEADER, Long.toString(timestamp))
                    .header(WebhookSignature.SIGNATURE_HEADER,
                            WebhookSignature.header(timestamp, body, endpoint.signingSecrets(now)))
                    .header(WebhookSignature.DELIVERY_HEADER, message.id().toString())
                    .header(WebhookSignature.EVENT_TYPE_HEADER, message.eventType())
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                    .build();
        } catch (IllegalArgumentException e) {
            throw new DeliveryFailure("invalid webhook URL: " + e.getMessage(), null, e);
        }
        try {
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() / 100 != 2) {
                throw new DeliveryFailure("webhook answered HTTP " + response.statusCode(), response.statusCode());
            }
            return response.statusCode();
        } catch (IOException e) {
            throw new DeliveryFailure("webhook unreachable: " + e, null, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeliveryFailure("interrupted", null, e);
        }
    }
}
