package org.lifecert.liveness.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.lifecert.liveness.action.LivenessReason;
import org.lifecert.liveness.worker.SessionStore;
import org.lifecert.platform.web.ApiException;

/**
 * Internal read API (cluster network only, not authenticated in this version): a session's liveness record with the
 * per-step scores the LivenessVerdict event has no field for, and the recipient's words for every reason code.
 */
@Path("/internal/v1")
@Produces(MediaType.APPLICATION_JSON)
public class SessionResource {

    private final SessionStore store;

    public SessionResource(SessionStore store) {
        this.store = store;
    }

    @GET
    @Path("/sessions/{sessionId}/liveness")
    public Map<String, Object> session(@PathParam("sessionId") UUID sessionId) {
        return store.view(sessionId).orElseThrow(() -> ApiException.notFound("liveness session " + sessionId));
    }

    @GET
    @Path("/liveness/reasons")
    public Map<String, String> reasons() {
        Map<String, String> out = new LinkedHashMap<>();
        Arrays.stream(LivenessReason.values()).forEach(r -> out.put(r.name(), r.messageZh()));
        return out;
    }
}
