package org.lifecert.notification.delivery;

import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * In-app messages, read by capture-gateway to show them after login. Internal: not authenticated
 * in this version, reachable only from the cluster network (NetworkPolicy).
 */
@Path("/internal/v1/persons/{personId}/messages")
@Produces(MediaType.APPLICATION_JSON)
public class InAppMessagesResource {

    private final DeliveryStore store;

    public InAppMessagesResource(DeliveryStore store) {
        this.store = store;
    }

    /** One message; {@code aboutPersonId} differs from the reader when a relative is told about a family member. */
    public record InAppMessage(UUID id, String kind, String eventType, UUID aboutPersonId, String party, String language,
            String title, String body, Instant createdAt) {
    }

    @GET
    @Operation(summary = "In-app messages of a person, newest first")
    public List<InAppMessage> messages(@PathParam("personId") UUID personId,
            @QueryParam("limit") @DefaultValue("50") int limit) {
        int bounded = Math.max(1, Math.min(limit, 200));
        return store.inApp(personId, bounded).stream()
                .map(d -> new InAppMessage(d.id(), d.kind(), d.eventType(), d.personId(), d.party(), d.language(),
                        d.subject(), d.body(), d.createdAt()))
                .toList();
    }
}
