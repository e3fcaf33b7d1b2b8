package org.lifecert.appeal.console;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.lifecert.appeal.appeal.ReviewAudit;
import org.lifecert.appeal.certification.FoldConfiguration;
import org.lifecert.appeal.period.EffectiveBureauRules;
import org.lifecert.appeal.period.Period;
import org.lifecert.appeal.period.PeriodPolicy;
import org.lifecert.appeal.period.PeriodPolicyForm;
import org.lifecert.appeal.period.StoredPeriodPolicies;
import org.lifecert.platform.security.BureauAccess;
import org.lifecert.platform.security.Roles;
import org.lifecert.platform.web.ApiException;
import org.lifecert.platform.web.FieldError;

/**
 * The caller's bureau's period policy: read by any staff role (the dashboard takes the current
 * period from here), changed by the bureau's admin only. The bureau is always the caller's own (from
 * the token), never a parameter. {@code source} says whether the bureau's admin set it
 * ({@code console}) or it is still the deployment's configuration ({@code configuration}).
 */
@Path("/console/api/period-policy")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.CLERK, Roles.REVIEWER, Roles.ADMIN})
public class PeriodPolicyResource {

    public record PolicyView(String bureau, String kind, String windowStart, String windowEnd, Integer rollingMonths,
            Integer rollingOpenDays, String currentPeriod, LocalDate currentStart, LocalDate currentEnd, boolean editable,
            String source, String updatedBy, Instant updatedAt) {
    }

    private final EffectiveBureauRules rules;
    private final StoredPeriodPolicies stored;
    private final FoldConfiguration fold;
    private final BureauAccess access;

    public PeriodPolicyResource(EffectiveBureauRules rules, StoredPeriodPolicies stored, FoldConfiguration fold,
            BureauAccess access) {
        this.rules = rules;
        this.stored = stored;
        this.fold = fold;
        this.access = access;
    }

    @GET
    @Operation(summary = "The caller's bureau's period policy and current period (fixed yearly window)")
    public PolicyView get() {
        return view(access.bureau());
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Change the caller's bureau's period policy (admin): FIXED_YEARLY with windowStart/windowEnd "
            + "(MM-dd) or ROLLING with rollingMonths (1-120) and rollingOpenDays (1-365); 400 with Chinese messages otherwise")
    public PolicyView put(PeriodPolicyForm form) {
        if (form == null) {
            throw ApiException.invalid(List.of(new FieldError("kind", "请选择认证期方式：每年固定认证期或滚动认证期")));
        }
        String bureau = access.bureau();
        stored.save(bureau, form.toPolicy(), access.actor());
        return view(bureau);
    }

    private PolicyView view(String bureau) {
        PeriodPolicy policy = rules.periodPolicy(bureau);
        PeriodPolicyForm f = PeriodPolicyForm.of(policy);
        Object[] change = stored.lastChange(bureau);
        String source = change == null ? "configuration" : "console";
        String by = change == null ? null : (String) change[0];
        Instant at = change == null ? null : ReviewAudit.toInstant(change[1]);
        boolean editable = access.hasRole(Roles.ADMIN);
        if (policy instanceof PeriodPolicy.FixedYearly fixed) {
            Period p = fixed.periodAt(LocalDate.now(fold.zone()), null, null);
            return new PolicyView(bureau, f.kind(), f.windowStart(), f.windowEnd(), null, null, p.id(), p.start(), p.end(),
                    editable, source, by, at);
        }
        return new PolicyView(bureau, f.kind(), null, null, f.rollingMonths(), f.rollingOpenDays(), null, null, null,
                editable, source, by, at);
    }
}
