package org.lifecert.notification.admin;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.lifecert.notification.delivery.DeadLetter;
import org.lifecert.notification.delivery.DeliveryStore;
import org.lifecert.platform.security.BureauAccess;
import org.lifecert.platform.security.Roles;
import org.lifecert.platform.web.ApiException;

/** Deliveries that exhausted their attempts, for the bureau's admins; retry puts one back in the queue. */
@Path("/api/v1/admin/dead-letters")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class DeadLetterResource {

    private final DeliveryStore store;
    private final BureauAccess access;

    public DeadLetterResource(DeliveryStore store, BureauAccess access) {
        this.store = store;
        this.access = access;
    }

    @GET
    @Operation(summary = "Dead-lettered deliveries of the caller's bureau, newest first")
    public List<DeadLetter> list(@QueryParam("limit") @DefaultValue("100") int limit) {
        return store.deadLetters(access.bureau(), Math.max(1, Math.min(limit, 500)));
    }

    @POST
    @Path("/{id}/retry")
    @Operation(summary = "Send a dead-lettered delivery again (attempts start over)")
    public Response retry(@PathParam("id") UUID id) {
        if (!store.retryDeadLetter(id, access.bureau())) {
            throw ApiException.notFound("dead letter " + id);
        }
        return Response.accepted().build();
    }
}
