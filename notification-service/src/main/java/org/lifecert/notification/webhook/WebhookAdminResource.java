package org.lifecert.notification.webhook;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.lifecert.platform.security.BureauAccess;
import org.lifecert.platform.security.Roles;
import org.lifecert.platform.web.ApiException;
import org.lifecert.platform.web.FieldError;

/** A bureau admin registers the bureau's webhook endpoint and rotates its secret (own bureau only). */
@Path("/api/v1/admin/webhooks/{bureau}")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class WebhookAdminResource {

    private final WebhookEndpoints endpoints;
    private final BureauAccess access;

    public WebhookAdminResource(WebhookEndpoints endpoints, BureauAccess access) {
        this.endpoints = endpoints;
        this.access = access;
    }

    public record EndpointRequest(String url, Boolean enabled) {
    }

    /** {@code secret} is present only in the answer that issued it. */
    public record EndpointView(String bureau, String url, boolean enabled, String secret, Instant previousSecretValidUntil,
            Instant updatedAt) {
    }

    @GET
    @Operation(summary = "The bureau's webhook endpoint (without secret)")
    public EndpointView get(@PathParam("bureau") String bureau) {
        access.requireOwn(bureau, "webhook of bureau " + bureau);
        return endpoints.find(bureau).map(e -> view(e, null))
                .orElseThrow(() -> ApiException.notFound("webhook of bureau " + bureau));
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create (issues a secret, 201) or change the bureau's webhook endpoint")
    public Response put(@PathParam("bureau") String bureau, EndpointRequest body) {
        access.requireOwn(bureau, "webhook of bureau " + bureau);
        String url = body == null ? null : body.url();
        if (!validUrl(url)) {
            throw ApiException.invalid(List.of(new FieldError("url", "请输入正确的 http(s) 地址")));
        }
        WebhookEndpoints.Issued issued = endpoints.register(bureau, url, body.enabled() == null || body.enabled());
        return Response.status(issued.secret() != null ? 201 : 200).entity(view(issued.endpoint(), issued.secret())).build();
    }

    @POST
    @Path("/rotate-secret")
    @Operation(summary = "New secret; the previous one keeps signing (second v1 entry) during the grace period")
    public EndpointView rotate(@PathParam("bureau") String bureau) {
        access.requireOwn(bureau, "webhook of bureau " + bureau);
        WebhookEndpoints.Issued issued = endpoints.rotate(bureau)
                .orElseThrow(() -> ApiException.notFound("webhook of bureau " + bureau));
        return view(issued.endpoint(), issued.secret());
    }

    static boolean validUrl(String url) {
        if (url == null || url.isBlank()) {
            return false;
        }
        try {
            URI uri = URI.create(url);
            return ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) && uri.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static EndpointView view(WebhookEndpoint e, String secret) {
        return new EndpointView(e.bureau(), e.url(), e.enabled(), secret, e.previousValidUntil(), e.updatedAt());
    }
}
