package org.lifecert.appeal.appeal;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.lifecert.appeal.appeal.AppealViews.DecisionRequest;
import org.lifecert.appeal.appeal.AppealViews.Detail;
import org.lifecert.appeal.appeal.AppealViews.QueueItem;
import org.lifecert.appeal.status.PersonIds;
import org.lifecert.platform.security.BureauAccess;
import org.lifecert.platform.security.Roles;

/** Reviewer API: the appeal queue of the reviewer's bureau, an appeal's evidence, the decision. */
@Path("/api/v1/appeals")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.REVIEWER)
public class AppealResource {

    private final AppealService appeals;
    private final BureauAccess access;

    public AppealResource(AppealService appeals, BureauAccess access) {
        this.appeals = appeals;
        this.access = access;
    }

    @GET
    @Operation(summary = "Appeals under review in the caller's bureau, soonest due first (overdue flagged)")
    public List<QueueItem> queue() {
        return appeals.queue(access.bureau(), Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS));
    }

    @GET
    @Path("/{appealId}")
    @Operation(summary = "An appeal with the scores, reasons and evidence links of each attempt (the view is audited)")
    public Detail detail(@PathParam("appealId") String appealId) {
        return appeals.detail(PersonIds.parse(appealId, "appealId"), access.bureau(), access.actor(), Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS));
    }

    @POST
    @Path("/{appealId}/decision")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Approve (-> CERTIFIED) or reject (-> APPEAL_REJECTED) with a mandatory reason; audited")
    public Detail decide(@PathParam("appealId") String appealId, DecisionRequest request) {
        return appeals.decide(PersonIds.parse(appealId, "appealId"), access.bureau(), access.actor(), request,
                Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS));
    }
}
