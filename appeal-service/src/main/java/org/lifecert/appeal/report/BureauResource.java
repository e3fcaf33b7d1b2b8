package org.lifecert.appeal.report;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.lifecert.appeal.certification.CertificationFold;
import org.lifecert.appeal.certification.CertificationRecord;
import org.lifecert.appeal.certification.CertificationState;
import org.lifecert.appeal.certification.CertificationStore;
import org.lifecert.appeal.certification.Outcome;
import org.lifecert.appeal.status.CertificationStatus;
import org.lifecert.appeal.status.PersonIds;
import org.lifecert.platform.security.BureauAccess;
import org.lifecert.platform.security.Roles;
import org.lifecert.platform.web.ApiException;
import org.lifecert.platform.web.FieldError;

/** The bureau's view: state of one person (with history), of many, suspensions, rates. Own bureau only. */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.CLERK, Roles.REVIEWER, Roles.ADMIN})
public class BureauResource {

    public record PersonCertification(CertificationStatus status, String channel, java.time.Instant certifiedAt,
            String certifiedBy, List<Outcome.AttemptView> attempts, List<CertificationRecord.PeriodSummary> history,
            java.time.LocalDate suspendedSince) {
    }

    private final BureauReports reports;
    private final CertificationStore store;
    private final CertificationFold fold;
    private final BureauAccess access;

    public BureauResource(BureauReports reports, CertificationStore store, CertificationFold fold, BureauAccess access) {
        this.reports = reports;
        this.store = store;
        this.fold = fold;
        this.access = access;
    }

    @GET
    @Path("/persons")
    @Operation(summary = "Persons of the caller's bureau with their state, paged, optionally filtered by state")
    public BureauReports.Page<BureauReports.PersonRow> persons(@QueryParam("state") String state,
            @QueryParam("page") @DefaultValue("0") int page, @QueryParam("size") @DefaultValue("50") int size) {
        if (state != null && Arrays.stream(CertificationState.values()).noneMatch(s -> s.name().equals(state))) {
            throw ApiException.invalid(List.of(new FieldError("state", "状态不正确")));
        }
        if (page < 0 || size < 1 || size > 500) {
            throw ApiException.invalid(List.of(new FieldError("size", "每页条数应在1到500之间")));
        }
        return reports.persons(access.bureau(), state, page, size);
    }

    @GET
    @Path("/persons/{personId}/certification")
    @Operation(summary = "State, attempts and period history of one person of the caller's bureau")
    public PersonCertification person(@PathParam("personId") String personId) {
        UUID id = PersonIds.parse(personId);
        CertificationRecord r = store.find(id).orElseThrow(() -> ApiException.notFound("person " + personId));
        access.requireOwn(r.bureau, "person " + personId);
        Outcome o = fold.outcome(r);
        return new PersonCertification(CertificationStatus.of(r, o), o.channel() == null ? null : o.channel().name(),
                o.certifiedAt(), o.certifiedBy(), o.attempts(), r.history, r.suspendedSince);
    }

    @GET
    @Path("/suspensions")
    @Operation(summary = "People whose benefit is suspended (待遇停发) in a month (yyyy-MM)")
    public List<BureauReports.Suspension> suspensions(@QueryParam("month") String month) {
        return reports.suspensions(access.bureau(), month(month));
    }

    @GET
    @Path("/suspensions.csv")
    @Produces("text/csv")
    @Operation(summary = "The same list as CSV (UTF-8 with BOM, opens in spreadsheet software)")
    public Response suspensionsCsv(@QueryParam("month") String month) {
        YearMonth m = month(month);
        String body = "\uFEFF" + BureauReports.csv(reports.suspensions(access.bureau(), m));
        return Response.ok(body, "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"suspensions-" + access.bureau() + "-" + m + ".csv\"")
                .build();
    }

    @GET
    @Path("/certification-rates")
    @Operation(summary = "Certification rates per period and channel of the caller's bureau")
    public List<BureauReports.Rate> rates(@QueryParam("period") String period) {
        return reports.rates(access.bureau(), period);
    }

    private static YearMonth month(String month) {
        try {
            return YearMonth.parse(month);
        } catch (DateTimeParseException | NullPointerException e) {
            throw ApiException.invalid(List.of(new FieldError("month", "请输入正确的月份，如 2027-01")));
        }
    }
}
