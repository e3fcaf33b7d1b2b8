package org.lifecert.gateway.person;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** appeal-service's internal certification-state endpoint (base URL: quarkus.rest-client.appeal.url). */
@RegisterRestClient(configKey = "appeal")
@Path("/internal/v1/persons")
public interface AppealClient {

    @GET
    @Path("/{personId}/certification")
    @Produces(MediaType.APPLICATION_JSON)
    Response certification(@PathParam("personId") String personId);
}
