package org.lifecert.enrollment.relative;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.lifecert.platform.security.BureauAccess;
import org.lifecert.platform.security.Roles;

/** The bureau's view of a person's relatives: who may certify them, and unlinking at the counter. */
@Path("/api/v1/persons/{personId}/relatives")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class RelativeResource {

    private final RelativeService service;
    private final BureauAccess access;

    public RelativeResource(RelativeService service, BureauAccess access) {
        this.service = service;
        this.access = access;
    }

    /** A link as clerks see it. */
    public record LinkView(UUID linkId, UUID relativePersonId, String relationship, String status, Instant createdAt,
            Instant updatedAt) {
    }

    @GET
    @RolesAllowed({Roles.CLERK, Roles.ADMIN, Roles.REVIEWER})
    @Operation(summary = "Relatives linked to a person of the caller's bureau (every status)")
    public List<LinkView> list(@PathParam("personId") UUID personId) {
        return service.linksOf(access.bureau(), personId).stream()
                .map(l -> new LinkView(l.id, l.relativePersonId, l.relationship, l.status, l.createdAt, l.updatedAt))
                .toList();
    }

    @POST
    @Path("/{linkId}/unlink")
    @RolesAllowed({Roles.CLERK, Roles.ADMIN})
    @Operation(summary = "End a relative link at the counter; audited, emits RelativeLinked UNLINKED")
    public RelativeView unlink(@PathParam("personId") UUID personId, @PathParam("linkId") UUID linkId) {
        return service.unlinkByClerk(access.bureau(), personId, linkId, access.actor());
    }
}
