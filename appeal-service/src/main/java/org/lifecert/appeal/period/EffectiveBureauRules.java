package org.lifecert.appeal.period;

import jakarta.enterprise.context.ApplicationScoped;
import org.lifecert.appeal.calendar.StoredCalendarDays;
import org.lifecert.appeal.calendar.WorkingDayCalendar;
import org.lifecert.appeal.certification.BureauRules;
import org.lifecert.appeal.certification.FoldConfiguration;

/**
 * A bureau's rules as its admin set them in the console, falling back to configuration: the period
 * policy stored for the bureau, else the configured one; the national + configured calendar with the
 * bureau's imported days on top. The console shows these; the fold gets the same answers once
 * FoldConfiguration consults {@link StoredPeriodPolicies} and {@link StoredCalendarDays} (see the
 * appeal-service README, "Bureau settings").
 */
@ApplicationScoped
public class EffectiveBureauRules implements BureauRules {

    private final FoldConfiguration configured;
    private final StoredPeriodPolicies policies;
    private final StoredCalendarDays days;

    public EffectiveBureauRules(FoldConfiguration configured, StoredPeriodPolicies policies, StoredCalendarDays days) {
        this.configured = configured;
        this.policies = policies;
        this.days = days;
    }

    @Override
    public PeriodPolicy periodPolicy(String bureau) {
        return policies.policy(bureau).orElseGet(() -> configured.periodPolicy(bureau));
    }

    @Override
    public WorkingDayCalendar calendar(String bureau) {
        return days.onTopOf(bureau, configured.calendar(bureau));
    }

    public boolean storedPolicy(String bureau) {
        return policies.policy(bureau).isPresent();
    }
}
