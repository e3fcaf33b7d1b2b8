package org.lifecert.appeal.counter;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.lifecert.appeal.appeal.ReviewAudit;
import org.lifecert.appeal.certification.CertificationFold;
import org.lifecert.appeal.certification.CertificationRecord;
import org.lifecert.appeal.certification.CertificationService;
import org.lifecert.appeal.certification.CertificationState;
import org.lifecert.appeal.certification.CertificationStore;
import org.lifecert.appeal.certification.Outcome;
import org.lifecert.appeal.status.CertificationStatus;
import org.lifecert.appeal.status.PersonIds;
import org.lifecert.events.CertificationChannel;
import org.lifecert.platform.security.BureauAccess;
import org.lifecert.platform.security.Roles;
import org.lifecert.platform.web.ApiException;
import org.lifecert.platform.web.FieldError;

/**
 * Counter certification (经办机构窗口认证): a clerk certifies a person present at the counter, or a
 * consulate one abroad. The only way left after a rejected appeal (seed 4.3 (7)); the clerk is
 * recorded on the certification and in the audit.
 */
@Path("/api/v1/persons/{personId}/counter-certification")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.CLERK)
public class CounterCertificationResource {

    public record CounterRequest(String channel, String note) {
    }

    private final CertificationStore store;
    private final CertificationFold fold;
    private final CertificationService service;
    private final ReviewAudit audit;
    private final BureauAccess access;

    public CounterCertificationResource(CertificationStore store, CertificationFold fold, CertificationService service,
            ReviewAudit audit, BureauAccess access) {
        this.store = store;
        this.fold = fold;
        this.service = service;
        this.audit = audit;
        this.access = access;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    @Operation(summary = "Certify a person present at the counter (role clerk, own bureau)")
    public CertificationStatus certify(@PathParam("personId") String personId, CounterRequest request) {
        UUID id = PersonIds.parse(personId);
        CertificationChannel channel = CertificationChannel.COUNTER;
        if (request != null && request.channel() != null) {
            if (!List.of("COUNTER", "CONSULATE").contains(request.channel())) {
                throw ApiException.invalid(List.of(new FieldError("channel", "认证方式只能是窗口或使领馆")));
            }
            channel = CertificationChannel.valueOf(request.channel());
        }
        String bureau = access.bureau();
        CertificationRecord r = store.lock(id).orElseThrow(() -> ApiException.notFound("person " + personId));
        access.requireOwn(r.bureau, "person " + personId);
        Outcome before = fold.outcome(r);
        if (before.state() == CertificationState.NOT_COLLECTED || before.state() == CertificationState.COLLECTION_UNDER_REVIEW) {
            throw ApiException.conflict(before.state().name(), before.state().message(), "person is not collected yet");
        }
        if (before.state() == CertificationState.CERTIFIED) {
            throw ApiException.conflict("ALREADY_CERTIFIED", before.message(), "already certified in this period");
        }
        Instant now = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        Outcome after;
        try {
            after = service.finish(r, fold.certifyAtCounter(r, access.actor(), channel, now));
        } catch (IllegalStateException e) {
            throw ApiException.conflict("NOT_CERTIFIABLE", "当前无法办理认证，请联系当地社保局", e.getMessage());
        }
        audit.record(now, access.actor(), bureau, ReviewAudit.COUNTER, null, id, true,
                request == null ? null : request.note(), Map.of("stateBefore", before.state().name(), "channel", channel.name()));
        return CertificationStatus.of(r, after);
    }
}
