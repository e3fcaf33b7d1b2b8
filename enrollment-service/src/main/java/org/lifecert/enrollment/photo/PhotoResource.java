package org.lifecert.enrollment.photo;

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
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import org.lifecert.platform.security.BureauAccess;
import org.lifecert.platform.security.Roles;
import org.lifecert.platform.web.ApiException;
import org.lifecert.platform.web.FieldError;

/** Reference photos of a person of the caller's bureau (multipart, field {@code photo}, 1-3 times). */
@Path("/api/v1/persons/{personId}/reference-photos")
@Produces(MediaType.APPLICATION_JSON)
public class PhotoResource {

    /** Response header: how many photos the current upload has (ask for the others with {@code ?index=}). */
    public static final String COUNT_HEADER = "X-Photo-Count";

    private final ReferencePhotoService service;
    private final LatestReferencePhotos latest;
    private final BureauAccess access;

    public PhotoResource(ReferencePhotoService service, LatestReferencePhotos latest, BureauAccess access) {
        this.service = service;
        this.latest = latest;
        this.access = access;
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RolesAllowed({Roles.CLERK, Roles.ADMIN})
    @Operation(summary = "Upload 1-3 reference photos (JPEG/PNG, at most 10 MB each); quality gate answers at once; emits ReferenceTemplateRegistered")
    public Response upload(@PathParam("personId") UUID personId, @RestForm("photo") List<FileUpload> photos) {
        String bureau = access.bureau();
        List<byte[]> bytes = new ArrayList<>();
        if (photos != null) {
            for (FileUpload f : photos) {
                if (f.size() > service.maxBytes()) {
                    throw new ApiException(422, "PHOTO_REJECTED", ReferencePhotoService.SIZE_MESSAGE, "photo too large",
                            List.of(new FieldError("photo[" + bytes.size() + "]", ReferencePhotoService.SIZE_MESSAGE)));
                }
                try {
                    bytes.add(Files.readAllBytes(f.uploadedFile()));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return Response.status(201).entity(service.register(bureau, access.actor(), personId, bytes)).build();
    }

    @GET
    @Path("/current")
    @Produces({"image/jpeg", "image/png", MediaType.APPLICATION_JSON})
    @RolesAllowed(Roles.REVIEWER)
    @Operation(summary = "The person's current reference photo number index (0-based) as the image itself, for the appeal reviewer; "
            + "X-Photo-Count tells how many; 404 NO_REFERENCE_PHOTO when none is retained")
    public Response current(@PathParam("personId") UUID personId, @QueryParam("index") @DefaultValue("0") int index) {
        LatestReferencePhotos.Photo photo = latest.photo(access.bureau(), personId, index);
        return Response.ok(photo.content(), photo.contentType()).header(COUNT_HEADER, photo.count())
                .header("Cache-Control", "no-store").build();
    }

    @GET
    @Path("/template")
    @RolesAllowed({Roles.CLERK, Roles.ADMIN, Roles.REVIEWER})
    @Operation(summary = "The person's active template (metadata only; the template itself stays sealed)")
    public ReferencePhotoService.TemplateView template(@PathParam("personId") UUID personId) {
        return service.active(access.bureau(), personId);
    }
}
