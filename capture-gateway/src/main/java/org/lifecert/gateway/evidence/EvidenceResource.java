package org.lifecert.gateway.evidence;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import org.lifecert.platform.security.BureauAccess;
import org.lifecert.platform.security.Roles;

/** Best frames of a session for the reviewer deciding an appeal; reviewers of the session's bureau only. */
@Path("/api/v1/sessions/{sessionId}/evidence")
@Produces(MediaType.APPLICATION_JSON)
public class EvidenceResource {

    public record EvidenceView(UUID sessionId, List<EvidenceKeeper.Frame> frames) {
    }

    private final EvidenceKeeper evidence;
    private final BureauAccess access;

    public EvidenceResource(EvidenceKeeper evidence, BureauAccess access) {
        this.evidence = evidence;
        this.access = access;
    }

    @GET
    @RolesAllowed(Roles.REVIEWER)
    public EvidenceView get(@PathParam("sessionId") UUID sessionId) {
        access.requireOwn(evidence.bureauOf(sessionId), "session " + sessionId);
        return new EvidenceView(sessionId, evidence.framesOf(sessionId));
    }
}
