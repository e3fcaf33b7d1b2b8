package org.lifecert.appeal.console;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import org.lifecert.appeal.certification.FoldConfiguration;
import org.lifecert.appeal.period.Period;
import org.lifecert.appeal.period.PeriodPolicy;
import org.lifecert.platform.security.BureauAccess;
import org.lifecert.platform.security.Roles;

/**
 * The caller's bureau's period policy, read-only: the policy is configuration
 * ({@code lifecert.appeal.bureaus."<code>".*}) and appeal-service has no API to change it. The
 * dashboard also takes the current period's id from here.
 */
@Path("/console/api/period-policy")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.CLERK, Roles.REVIEWER, Roles.ADMIN})
public class PeriodPolicyResource {

    public record PolicyView(String bureau, String kind, String windowStart, String windowEnd, Integer rollingMonths,
            Integer rollingOpenDays, String currentPeriod, LocalDate currentStart, LocalDate currentEnd, boolean editable) {
    }

    private final FoldConfiguration rules;
    private final BureauAccess access;

    public PeriodPolicyResource(FoldConfiguration rules, BureauAccess access) {
        this.rules = rules;
        this.access = access;
    }

    @GET
    public PolicyView get() {
        String bureau = access.bureau();
        PeriodPolicy policy = rules.periodPolicy(bureau);
        LocalDate today = LocalDate.now(rules.zone());
        if (policy instanceof PeriodPolicy.FixedYearly f) {
            Period p = f.periodAt(today, null, null);
            return new PolicyView(bureau, "FIXED_YEARLY", f.start().toString().substring(2), f.end().toString().substring(2),
                    null, null, p.id(), p.start(), p.end(), false);
        }
        PeriodPolicy.Rolling r = (PeriodPolicy.Rolling) policy;
        return new PolicyView(bureau, "ROLLING", null, null, r.months(), r.openDays(), null, null, null, false);
    }
}
