package org.lifecert.appeal.console;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.lifecert.appeal.config.AppealConfig;
import org.lifecert.platform.security.Roles;
import org.lifecert.platform.web.ApiException;

/**
 * The reviewer console's way to the best frames of an attempt: capture-gateway's evidence API
 * ({@code GET /api/v1/sessions/{id}/evidence}, reviewer of the session's bureau, frames as JPEG base64)
 * takes a bearer token, which a signed-in browser tab does not have. The caller's own access token is
 * forwarded, so the gateway checks role and bureau itself; its JSON, 403 and 404 come back unchanged,
 * and a gateway that cannot be reached gives 503 with a Chinese message.
 */
@Path("/console/api/evidence/{sessionId}")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.REVIEWER)
public class EvidenceResource {

    static final String UNREACHABLE = "采集服务暂时无法访问，无法显示证据照片，请稍后再试";

    private final SecurityIdentity identity;
    private final String gatewayUrl;

    public EvidenceResource(SecurityIdentity identity, AppealConfig config) {
        this.identity = identity;
        this.gatewayUrl = config.captureGatewayUrl();
    }

    @GET
    @Operation(summary = "Best frames of an attempt's session (reviewer; from capture-gateway with the caller's token; 503 if it is down)")
    public Response frames(@PathParam("sessionId") String sessionId, @Context HttpHeaders headers) {
        UUID id = sessionIdOf(sessionId);
        return ServiceCall.forward(gatewayUrl, "GET", "/api/v1/sessions/" + id + "/evidence", null,
                ServiceCall.token(headers, identity), UNREACHABLE, 503);
    }

    private static UUID sessionIdOf(String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("INVALID_SESSION_ID", "认证记录编号格式不正确", "sessionId is not a UUID: " + value);
        }
    }
}
