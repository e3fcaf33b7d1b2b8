package org.lifecert.gateway.relative;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** enrollment-service's internal 亲情服务 endpoint (base URL: quarkus.rest-client.enrollment.url). */
@RegisterRestClient(configKey = "enrollment")
@Path("/internal/v1/relatives")
public interface EnrollmentClient {

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    Response add(FamilyLinks.EnrollmentRequest request);
}
