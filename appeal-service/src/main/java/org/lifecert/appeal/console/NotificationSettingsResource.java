package org.lifecert.appeal.console;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.lifecert.platform.security.BureauAccess;
import org.lifecert.platform.security.Roles;

/**
 * The settings page's way to notification-service's admin API (quiet hours, reminder offsets, webhook
 * endpoint and secret), which lives on another origin. The page never names a bureau: the caller's own bureau is
 * put into the path here, and the caller's own access token is forwarded, so notification-service
 * checks role and bureau again itself. Only these calls pass; nothing else is proxied.
 */
@Path("/console/api/notification")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class NotificationSettingsResource {

    private final BureauAccess access;
    private final SecurityIdentity identity;
    private final String baseUrl;

    public NotificationSettingsResource(BureauAccess access, SecurityIdentity identity,
            @ConfigProperty(name = "lifecert.services.notification-service.url", defaultValue = "http://127.0.0.1:8085") String baseUrl) {
        this.access = access;
        this.identity = identity;
        this.baseUrl = baseUrl.replaceAll("/$", "");
    }

    @GET
    @Path("/quiet-hours")
    public Response quietHours(@jakarta.ws.rs.core.Context HttpHeaders headers) {
        return forward("GET", "/api/v1/admin/bureaus/" + bureau() + "/quiet-hours", null, headers);
    }

    @PUT
    @Path("/quiet-hours")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response setQuietHours(String body, @jakarta.ws.rs.core.Context HttpHeaders headers) {
        return forward("PUT", "/api/v1/admin/bureaus/" + bureau() + "/quiet-hours", body, headers);
    }

    @GET
    @Path("/reminder-offsets")
    @org.eclipse.microprofile.openapi.annotations.Operation(summary = "Reminder offsets of the caller's bureau (days before the period end; from notification-service)")
    public Response reminderOffsets(@jakarta.ws.rs.core.Context HttpHeaders headers) {
        return forward("GET", "/api/v1/admin/bureaus/" + bureau() + "/reminder-offsets", null, headers);
    }

    @PUT
    @Path("/reminder-offsets")
    @Consumes(MediaType.APPLICATION_JSON)
    @org.eclipse.microprofile.openapi.annotations.Operation(summary = "Set the caller's bureau's reminder offsets, body {\"days\":[30,7,1]} (checked by notification-service)")
    public Response setReminderOffsets(String body, @jakarta.ws.rs.core.Context HttpHeaders headers) {
        return forward("PUT", "/api/v1/admin/bureaus/" + bureau() + "/reminder-offsets", body, headers);
    }

    @GET
    @Path("/webhook")
    public Response webhook(@jakarta.ws.rs.core.Context HttpHeaders headers) {
        return forward("GET", "/api/v1/admin/webhooks/" + bureau(), null, headers);
    }

    @PUT
    @Path("/webhook")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response setWebhook(String body, @jakarta.ws.rs.core.Context HttpHeaders headers) {
        return forward("PUT", "/api/v1/admin/webhooks/" + bureau(), body, headers);
    }

    @POST
    @Path("/webhook/rotate-secret")
    public Response rotate(@jakarta.ws.rs.core.Context HttpHeaders headers) {
        return forward("POST", "/api/v1/admin/webhooks/" + bureau() + "/rotate-secret", "", headers);
    }

    private String bureau() {
        return java.net.URLEncoder.encode(access.bureau(), java.nio.charset.StandardCharsets.UTF_8);
    }

    private Response forward(String method, String path, String body, HttpHeaders headers) {
        return ServiceCall.forward(baseUrl, method, path, body, ServiceCall.token(headers, identity),
                "通知服务暂时无法访问，请稍后再试");
    }
}
