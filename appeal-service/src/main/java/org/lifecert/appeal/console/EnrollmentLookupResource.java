package org.lifecert.appeal.console;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.lifecert.platform.security.Roles;

/**
 * Lets the counter-certification page find a person by ID number or name: appeal-service keeps
 * only masked ID numbers, so the look-up is enrollment-service's (ID number in a POST body, never in
 * a URL), called with the clerk's own token.
 */
@Path("/console/api/enrollment")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.CLERK, Roles.REVIEWER, Roles.ADMIN})
public class EnrollmentLookupResource {

    private final SecurityIdentity identity;
    private final String baseUrl;

    public EnrollmentLookupResource(SecurityIdentity identity,
            @ConfigProperty(name = "lifecert.services.enrollment-service.url", defaultValue = "http://127.0.0.1:8081") String baseUrl) {
        this.identity = identity;
        this.baseUrl = baseUrl;
    }

    @POST
    @Path("/lookup")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response lookup(String body, @Context HttpHeaders headers) {
        return ServiceCall.forward(baseUrl, "POST", "/api/v1/persons/lookup", body, ServiceCall.token(headers, identity),
                "人员信息服务暂时无法访问，请稍后再试");
    }

    @GET
    @Path("/persons")
    public Response byName(@QueryParam("name") @DefaultValue("") String name, @Context HttpHeaders headers) {
        return ServiceCall.forward(baseUrl, "GET", "/api/v1/persons?size=20&name=" + URLEncoder.encode(name, StandardCharsets.UTF_8),
                null, ServiceCall.token(headers, identity), "人员信息服务暂时无法访问，请稍后再试");
    }
}
