package org.lifecert.gateway.session;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;
import jakarta.annotation.PreDestroy;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.jboss.resteasy.reactive.RestStreamElementType;
import org.lifecert.events.SessionStarted;
import org.lifecert.gateway.login.Recipient;
import org.lifecert.gateway.result.ResultStore;
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

    private static final Duration STREAM_LIMIT = Duration.ofMinutes(10);
    private static final ScheduledExecutorService POLLER = Executors.newScheduledThreadPool(2, r -> {
        Thread t = new Thread(r, "result-stream");
        t.setDaemon(true);
        return t;
    });

    private final CaptureSessions sessions;
    private final ResultStore results;
    private final Recipient recipient;

    public SessionResource(CaptureSessions sessions, ResultStore results, Recipient recipient) {
        this.sessions = sessions;
        this.results = results;
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

    /** Server-sent events: the current outcome at once, then each change, ending with the decided one. */
    @GET
    @Path("/{sessionId}/events")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    @Blocking
    public Multi<ResultView> events(@PathParam("sessionId") UUID sessionId) {
        requireOwner(sessionId);
        Instant until = Instant.now().plus(STREAM_LIMIT);
        return Multi.createFrom().emitter(emitter -> {
            AtomicReference<String> last = new AtomicReference<>();
            AtomicReference<ScheduledFuture<?>> task = new AtomicReference<>();
            task.set(POLLER.scheduleWithFixedDelay(() -> {
                try {
                    ResultView view = results.view(sessionId);
                    if (!view.outcome().equals(last.getAndSet(view.outcome()))) {
                        emitter.emit(view);
                    }
                    if (view.decided() || Instant.now().isAfter(until)) {
                        emitter.complete();
                    }
                } catch (RuntimeException e) {
                    emitter.fail(e);
                }
            }, 0, 1, TimeUnit.SECONDS));
            emitter.onTermination(() -> task.get().cancel(false));
        });
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

    @PreDestroy
    void stop() {
        // POLLER is shared by the JVM; its daemon threads end with it.
    }
}
