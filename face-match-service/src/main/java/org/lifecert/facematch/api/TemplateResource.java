package org.lifecert.facematch.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import java.util.UUID;
import org.lifecert.facematch.template.TemplateStore;

/**
 * Internal read API (cluster network only, not authenticated in this version): a person's templates — ids, model
 * versions, origin, never the biometric data — and their audit trail.
 */
@Path("/internal/v1/persons/{personId}/templates")
@Produces(MediaType.APPLICATION_JSON)
public class TemplateResource {

    private final TemplateStore store;

    public TemplateResource(TemplateStore store) {
        this.store = store;
    }

    @GET
    public Map<String, Object> templates(@PathParam("personId") UUID personId) {
        return store.describe(personId);
    }
}
