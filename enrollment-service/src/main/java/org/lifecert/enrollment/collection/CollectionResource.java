package org.lifecert.enrollment.collection;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.lifecert.platform.security.BureauAccess;
import org.lifecert.platform.security.Roles;
import org.lifecert.platform.web.ApiException;

/** Collection review (信息审核) by the bureau's reviewers. */
@Path("/api/v1/collections")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CollectionResource {

    private final CollectionService service;
    private final CollectionPhotos photos;
    private final BureauAccess access;

    public CollectionResource(CollectionService service, CollectionPhotos photos, BureauAccess access) {
        this.service = service;
        this.photos = photos;
        this.access = access;
    }

    @GET
    @RolesAllowed({Roles.REVIEWER, Roles.ADMIN})
    @Operation(summary = "Collections of the caller's bureau in a status (default PENDING), oldest first; optional personId")
    public List<CollectionView> list(@QueryParam("status") @DefaultValue("PENDING") String status,
            @QueryParam("personId") UUID personId,
            @QueryParam("page") @DefaultValue("0") int page, @QueryParam("size") @DefaultValue("50") int size) {
        Collection.Status s;
        try {
            s = Collection.Status.valueOf(status.toUpperCase());
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("BAD_STATUS", "审核状态不正确", "status must be PENDING, APPROVED or REJECTED");
        }
        return service.list(access.bureau(), s, personId, page, size);
    }

    @GET
    @Path("/{collectionId}/reference-photos")
    @RolesAllowed({Roles.REVIEWER, Roles.ADMIN})
    @Operation(summary = "The person's latest accepted reference photos (base64), while retained; empty if none or erased")
    public List<CollectionPhotos.PhotoView> referencePhotos(@PathParam("collectionId") UUID collectionId) {
        return photos.of(access.bureau(), collectionId);
    }

    @POST
    @Path("/{collectionId}/review")
    @RolesAllowed(Roles.REVIEWER)
    @Operation(summary = "Approve or reject (reason required) a pending collection; emits CollectionReviewed")
    public CollectionView review(@PathParam("collectionId") UUID collectionId, ReviewDecision decision) {
        return service.review(access.bureau(), access.actor(), collectionId, decision);
    }
}
