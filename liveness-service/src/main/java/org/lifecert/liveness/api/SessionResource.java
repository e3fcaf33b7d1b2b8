package org.lifecert.liveness.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
    private final ObjectMapper json;

    public SessionResource(SessionStore store, ObjectMapper json) {
        this.store = store;
        this.json = json;
    }

    @GET
    @Path("/sessions/{sessionId}/liveness")
    public Map<String, Object> session(@PathParam("sessionId") UUID sessionId) {
        Map<String, Object> view = new LinkedHashMap<>(store.view(sessionId)
                .orElseThrow(() -> ApiException.notFound("liveness session " + sessionId)));
        view.computeIfPresent("state", (key, state) -> withoutEmbeddings(json.valueToTree(state)));
        return view;
    }

    /**
     * The state without its continuity embeddings: biometric templates stay inside the service (sealed at rest); each
     * step says only how many it has ({@code embeddingCount}).
     */
    static JsonNode withoutEmbeddings(JsonNode state) {
        state.path("steps").forEach(step -> {
            if (step instanceof ObjectNode node) {
                JsonNode embeddings = node.remove("embeddings");
                node.put("embeddingCount", embeddings == null ? 0 : embeddings.size());
            }
        });
        return state;
    }

    @GET
    @Path("/liveness/reasons")
    public Map<String, String> reasons() {
        Map<String, String> out = new LinkedHashMap<>();
        Arrays.stream(LivenessReason.values()).forEach(r -> out.put(r.name(), r.messageZh()));
        return out;
    }
}
