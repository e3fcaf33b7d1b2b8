package org.lifecert.gateway.session;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jboss.resteasy.reactive.RestStreamElementType;
import org.lifecert.events.SessionStarted;
import org.lifecert.gateway.login.Recipient;
import org.lifecert.gateway.result.ResultStore;
import org.lifecert.gateway.result.ResultStreams;
import org.lifecert.gateway.result.ResultView;

/** Certification sessions of the logged-in recipient: start, frame upload, result. */
@Path("/api/v1/sessions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SessionResource {

    /** {@code personId} absent: certify oneself; else a linked family member (亲情服务). */
    public record StartRequest(UUID personId) {
    }

    public record SessionView(UUID sessionId, UUID personId, String personName, String nonce, Instant deadline,
            List<SessionStarted.ChallengeStep> steps) {
    }

    private final CaptureSessions sessions;
    private final ResultStore results;
    private final ResultStreams streams;
    private final Recipient recipient;

    public SessionResource(CaptureSessions sessions, ResultStore results, ResultStreams streams, Recipient recipient) {
        this.sessions = sessions;
        this.results = results;
        this.streams = streams;
        this.recipient = recipient;
    }

    @POST
    public SessionView start(StartRequest request) {
        CaptureSessions.Started s = sessions.start(recipient.personId(), request == null ? null : request.personId());
        return new SessionView(s.sessionId(), s.personId(), s.personName(), s.nonce(), s.deadline(), s.steps());
    }

    @POST
    @Path("/{sessionId}/batches")
    public CaptureSessions.Accepted upload(@PathParam("sessionId") UUID sessionId, BatchUpload batch) {
        return sessions.accept(sessionId, recipient.personId(), batch);
    }

    @GET
    @Path("/{sessionId}/result")
    public ResultView result(@PathParam("sessionId") UUID sessionId) {
        requireOwner(sessionId);
        return results.view(sessionId);
    }

    /**
     * Server-sent events: the current outcome at once, then each change, ending with the decided one; pushed as soon as
     * this replica folds the verdict ({@link ResultStreams}).
     */
    @GET
    @Path("/{sessionId}/events")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    @Blocking
    public Multi<ResultView> events(@PathParam("sessionId") UUID sessionId) {
        requireOwner(sessionId);
        return streams.stream(sessionId);
    }

    private void requireOwner(UUID sessionId) {
        SessionRow session = sessions.find(sessionId, false);
        if (session == null) {
            throw SessionRefusals.notFound();
        }
        if (!session.actingPersonId().equals(recipient.personId())) {
            throw SessionRefusals.foreign();
        }
    }
}
