package org.lifecert.appeal.console;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.lifecert.platform.security.Roles;

/**
 * The settings page's way to face-match-service's match threshold of the caller's bureau
 * ({@code GET/PUT /console/api/match-threshold} there: body {"threshold":x}; answer with the
 * false-accept rate it implies, the bounds and the calibration table; 400 in Chinese outside the
 * bounds). The caller's own access token is forwarded, so face-match-service checks role and bureau
 * itself; its answer comes back unchanged.
 */
@Path("/console/api/match-threshold")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class MatchThresholdResource {

    private static final String PATH = "/console/api/match-threshold";
    private static final String UNREACHABLE = "人脸比对服务暂时无法访问，请稍后再试";

    private final SecurityIdentity identity;
    private final String baseUrl;

    public MatchThresholdResource(SecurityIdentity identity,
            @ConfigProperty(name = "lifecert.services.face-match-service.url", defaultValue = "http://127.0.0.1:8082") String baseUrl) {
        this.identity = identity;
        this.baseUrl = baseUrl;
    }

    @GET
    @Operation(summary = "The caller's bureau's face match threshold, its false-accept rate, bounds and calibration (admin; from face-match-service)")
    public Response get(@Context HttpHeaders headers) {
        return ServiceCall.forward(baseUrl, "GET", PATH, null, ServiceCall.token(headers, identity), UNREACHABLE);
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Set the caller's bureau's face match threshold (admin; body {\"threshold\":x}, checked by face-match-service)")
    public Response put(String body, @Context HttpHeaders headers) {
        return ServiceCall.forward(baseUrl, "PUT", PATH, body, ServiceCall.token(headers, identity), UNREACHABLE);
    }
}
