package org.lifecert.notification.delivery;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.lifecert.notification.config.NotificationConfig;

/**
 * Generic HTTP SMS gateway: {@code POST <endpoint>} with JSON {@code {to, text, sender, reference}},
 * HTTP Basic credentials from configuration (secrets), and an {@code Idempotency-Key} header; any
 * 2xx means accepted.
 */
@DefaultBean
@ApplicationScoped
public class HttpSmsGateway implements SmsGateway {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final NotificationConfig.Sms config;
    private final HttpClient http;

    public HttpSmsGateway(NotificationConfig config) {
        this.config = config.sms();
        this.http = HttpClient.newBuilder().connectTimeout(this.config.timeout()).build();
    }

    @Override
    public int send(String phone, String text, String reference) throws DeliveryFailure {
        String endpoint = config.endpoint().filter(e -> !e.isBlank())
                .orElseThrow(() -> new DeliveryFailure("no SMS gateway endpoint configured", null));
        Map<String, String> payload = new LinkedHashMap<>();
        payload.put("to", phone);
        payload.put("text", text);
        payload.put("sender", config.sender());
        payload.put("reference", reference);
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(endpoint))
                    .timeout(config.timeout())
                    .header("Content-Type", "application/json; charset=utf-8")
                    .header("Idempotency-Key", reference)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(payload)));
            if (config.username().isPresent()) {
                String credentials = config.username().get() + ":" + config.password().orElse("");
                request.header("Authorization", "Basic "
                        + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
            }
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new DeliveryFailure("SMS gateway answered HTTP " + response.statusCode(), response.statusCode());
            }
            return response.statusCode();
        } catch (IOException e) {
            throw new DeliveryFailure("SMS gateway unreachable: " + e, null, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeliveryFailure("interrupted", null, e);
        }
    }
}
