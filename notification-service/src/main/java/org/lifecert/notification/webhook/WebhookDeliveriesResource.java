package org.lifecert.notification.webhook;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.lifecert.notification.delivery.DeliveryStore;
import org.lifecert.platform.security.BureauAccess;
import org.lifecert.platform.security.Roles;
import org.lifecert.platform.web.ApiException;
import org.lifecert.platform.web.FieldError;

/** The bureau's webhook delivery log: what was sent, how often tried, the last answer. Own bureau only. */
@Path("/api/v1/webhooks/deliveries")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.CLERK, Roles.REVIEWER})
public class WebhookDeliveriesResource {

    private static final Set<String> STATUSES = Set.of("PENDING", "SENT", "DEAD");

    private final DeliveryStore store;
    private final BureauAccess access;

    public WebhookDeliveriesResource(DeliveryStore store, BureauAccess access) {
        this.store = store;
        this.access = access;
    }

    public record WebhookDelivery(UUID deliveryId, String eventId, String eventType, UUID personId, String status,
            int attempts, Integer lastStatusCode, String lastError, Instant nextAttemptAt, Instant createdAt,
            Instant sentAt) {
    }

    @GET
    @Operation(summary = "Webhook deliveries to the caller's bureau, newest first")
    public List<WebhookDelivery> list(@QueryParam("status") String status,
            @QueryParam("limit") @DefaultValue("100") int limit) {
        if (status != null && !STATUSES.contains(status)) {
            throw ApiException.invalid(List.of(new FieldError("status", "状态只能是 PENDING、SENT 或 DEAD")));
        }
        return store.webhookLog(access.bureau(), status, Math.max(1, Math.min(limit, 500))).stream()
                .map(d -> new WebhookDelivery(d.id(), d.eventId(), d.eventType(), d.personId(), d.status(), d.attempts(),
                        d.lastStatusCode(), d.lastError(), d.nextAttemptAt(), d.createdAt(), d.sentAt()))
                .toList();
    }
}
