package org.lifecert.enrollment.person;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.lifecert.enrollment.audit.AuditEntry;
import org.lifecert.enrollment.audit.AuditTrail;
import org.lifecert.events.BenefitType;
import org.lifecert.events.PersonStatus;
import org.lifecert.platform.security.BureauAccess;
import org.lifecert.platform.security.Roles;
import org.lifecert.platform.web.ApiException;

/** People of the caller's bureau. GET URLs carry person ids only; ID numbers travel in POST bodies. */
@Path("/api/v1/persons")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PersonResource {

    private final PersonService service;
    private final BureauAccess access;
    private final AuditTrail audit;

    public PersonResource(PersonService service, BureauAccess access, AuditTrail audit) {
        this.service = service;
        this.access = access;
        this.audit = audit;
    }

    @POST
    @RolesAllowed({Roles.CLERK, Roles.ADMIN})
    @Operation(summary = "Enrol a person (信息采集); emits PersonEnrolled and CollectionSubmitted")
    public Response enroll(PersonForm form) {
        Person p = service.enroll(access.bureau(), access.actor(), form);
        return Response.created(URI.create("/api/v1/persons/" + p.id)).entity(PersonView.of(p)).build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.CLERK, Roles.ADMIN, Roles.REVIEWER})
    @Operation(summary = "A person of the caller's bureau (ID number masked); 404 for other bureaus")
    public PersonView get(@PathParam("id") UUID id) {
        return PersonView.of(service.own(access.bureau(), id));
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed({Roles.CLERK, Roles.ADMIN})
    @Operation(summary = "Correct a person's details (same rules as enrolment); emits PersonUpdated")
    public PersonView update(@PathParam("id") UUID id, PersonForm form) {
        return PersonView.of(service.update(access.bureau(), access.actor(), id, form));
    }

    @POST
    @Path("/{id}/deactivation")
    @RolesAllowed({Roles.CLERK, Roles.ADMIN})
    @Operation(summary = "Deactivate (DECEASED or TRANSFERRED_OUT); the person is kept, never deleted; emits PersonUpdated")
    public PersonView deactivate(@PathParam("id") UUID id, Deactivation request) {
        return PersonView.of(service.deactivate(access.bureau(), access.actor(), id, request));
    }

    @POST
    @Path("/lookup")
    @RolesAllowed({Roles.CLERK, Roles.ADMIN, Roles.REVIEWER})
    @Operation(summary = "Find a person of the caller's bureau by ID number (in the body, so it stays out of access logs)")
    public PersonView lookup(IdNumberQuery query) {
        return PersonView.of(service.byIdNumber(access.bureau(), query == null ? null : query.idNumber()));
    }

    @GET
    @RolesAllowed({Roles.CLERK, Roles.ADMIN, Roles.REVIEWER})
    @Operation(summary = "Search the caller's bureau: filters benefitType, status, abroad, name prefix; paging from 0")
    public PersonPage search(@QueryParam("benefitType") String benefitType, @QueryParam("status") String status,
            @QueryParam("abroad") Boolean abroad, @QueryParam("name") String name,
            @QueryParam("page") @DefaultValue("0") int page, @QueryParam("size") @DefaultValue("0") int size) {
        return service.search(access.bureau(), parse(benefitType, BenefitType::valueOf, "benefitType"),
                parse(status, PersonStatus::valueOf, "status"), abroad, name, page, size);
    }

    @GET
    @Path("/{id}/audit")
    @RolesAllowed({Roles.CLERK, Roles.ADMIN})
    @Operation(summary = "Audit trail of a person of the caller's bureau")
    public List<AuditView> auditTrail(@PathParam("id") UUID id) {
        service.own(access.bureau(), id);
        return audit.of(id).stream().map(AuditView::of).toList();
    }

    /** An audit entry as the API shows it. */
    public record AuditView(String actor, String action, String detail, java.time.Instant at) {
        static AuditView of(AuditEntry e) {
            return new AuditView(e.actor, e.action, e.detail, e.at);
        }
    }

    private static <E> E parse(String raw, Function<String, E> valueOf, String field) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return valueOf.apply(raw.trim().toUpperCase());
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("BAD_FILTER", "查询条件不正确", field + " has no value " + raw);
        }
    }
}
