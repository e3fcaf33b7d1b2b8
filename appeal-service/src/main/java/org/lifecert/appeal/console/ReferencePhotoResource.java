package org.lifecert.appeal.console;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.lifecert.platform.security.Roles;
import org.lifecert.platform.web.ApiException;

/**
 * The reviewer console's way to the person's current reference photo, beside each appeal's session frames
 * (issue 7): enrollment-service owns the photo and serves it to a reviewer of the person's bureau
 * ({@code GET /api/v1/persons/{personId}/reference-photos/current?index=}, the image itself, {@code X-Photo-Count}).
 * As with the evidence proxy, the caller's own access token is forwarded so enrollment checks role and bureau
 * itself; its image, 403 and 404 (another bureau, or {@code NO_REFERENCE_PHOTO} with its Chinese message) come
 * back unchanged, and an enrollment-service that cannot be reached gives 503.
 */
@Path("/console/api/reference-photos/{personId}")
@RolesAllowed(Roles.REVIEWER)
public class ReferencePhotoResource {

    static final String UNREACHABLE = "人员信息服务暂时无法访问，无法显示参考照片，请稍后再试";
    static final String COUNT_HEADER = "X-Photo-Count";

    private final SecurityIdentity identity;
    private final String enrollmentUrl;

    public ReferencePhotoResource(SecurityIdentity identity,
            @ConfigProperty(name = "lifecert.services.enrollment-service.url", defaultValue = "http://127.0.0.1:8081") String enrollmentUrl) {
        this.identity = identity;
        this.enrollmentUrl = enrollmentUrl;
    }

    @GET
    @Produces({"image/jpeg", "image/png", MediaType.APPLICATION_JSON})
    @Operation(summary = "The person's current reference photo number index (reviewer; the image from enrollment-service with the "
            + "caller's token; X-Photo-Count; 503 if it is down)")
    public Response photo(@PathParam("personId") String personId, @QueryParam("index") @DefaultValue("0") int index,
            @Context HttpHeaders headers) {
        UUID id = personIdOf(personId);
        return ServiceCall.forward(enrollmentUrl, "GET", "/api/v1/persons/" + id + "/reference-photos/current?index=" + index,
                null, ServiceCall.token(headers, identity), "image/jpeg, image/png, application/json", UNREACHABLE, 503,
                COUNT_HEADER);
    }

    private static UUID personIdOf(String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("INVALID_PERSON_ID", "人员编号格式不正确", "personId is not a UUID: " + value);
        }
    }
}
