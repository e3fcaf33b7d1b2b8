package org.lifecert.enrollment.internal;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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
import org.lifecert.enrollment.relative.RelativeRequest;
import org.lifecert.enrollment.relative.RelativeService;
import org.lifecert.enrollment.relative.RelativeView;
import org.lifecert.platform.web.ApiException;

/**
 * 亲情服务 for capture-gateway, which has already logged the recipient in. Not authenticated in this
 * version: only the cluster network reaches /internal (NetworkPolicy).
 */
@Path("/internal/v1/relatives")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class InternalRelativeResource {

    private final RelativeService service;

    public InternalRelativeResource(RelativeService service) {
        this.service = service;
    }

    @GET
    @Operation(summary = "Family members the recipient relativePersonId may certify (pending and active links)")
    public List<RelativeView> list(@QueryParam("relativePersonId") UUID relativePersonId) {
        if (relativePersonId == null) {
            throw ApiException.badRequest("RELATIVE_PERSON_REQUIRED", "请先登录", "relativePersonId required");
        }
        return service.of(relativePersonId);
    }

    @POST
    @Operation(summary = "A logged-in recipient adds a relative (pending until the first proxy certification matches)")
    public Response add(RelativeRequest request) {
        return Response.status(201).entity(service.add(request)).build();
    }

    @DELETE
    @Path("/{linkId}")
    @Operation(summary = "The recipient who made the link ends it")
    public RelativeView unlink(@PathParam("linkId") UUID linkId, @QueryParam("relativePersonId") UUID relativePersonId) {
        return service.unlinkByRecipient(linkId, relativePersonId);
    }
}
