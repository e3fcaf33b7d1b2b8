package org.lifecert.appeal.certification;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.io.InputStream;
import java.time.MonthDay;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.lifecert.appeal.calendar.StoredCalendarDays;
import org.lifecert.appeal.calendar.WorkingDayCalendar;
import org.lifecert.appeal.config.AppealConfig;
import org.lifecert.appeal.period.PeriodPolicy;
import org.lifecert.appeal.period.StoredPeriodPolicies;

/**
 * Builds the plain-Java fold and the per-bureau rules: a bureau admin's stored period policy and holiday days
 * (console settings) win over {@link AppealConfig}; the configuration is the default.
 */
@ApplicationScoped
public class FoldConfiguration implements BureauRules {

    private static final DateTimeFormatter MONTH_DAY = DateTimeFormatter.ofPattern("MM-dd");

    private final AppealConfig config;
    private final WorkingDayCalendar national;
    private final Map<String, PeriodPolicy> policies = new ConcurrentHashMap<>();
    private final Map<String, WorkingDayCalendar> calendars = new ConcurrentHashMap<>();

    private final StoredPeriodPolicies storedPolicies;
    private final StoredCalendarDays storedDays;

    public FoldConfiguration(AppealConfig config, StoredPeriodPolicies storedPolicies,
            StoredCalendarDays storedDays) {
        this.config = config;
        this.storedPolicies = storedPolicies;
        this.storedDays = storedDays;
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(config.holidaysResource())) {
            if (in == null) {
                throw new IllegalStateException("holiday data not found: " + config.holidaysResource());
            }
            this.national = WorkingDayCalendar.parse(in);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Produces
    @Singleton
    CertificationFold fold() {
        return new CertificationFold(settings(), this);
    }

    public FoldSettings settings() {
        return new FoldSettings(ZoneId.of(config.zone()), config.verdictGrace(), config.defaultSessionLength(),
                config.appealWorkingDays());
    }

    public ZoneId zone() {
        return ZoneId.of(config.zone());
    }

    @Override
    public PeriodPolicy periodPolicy(String bureau) {
        return storedPolicies.policy(bureau)
                .orElseGet(() -> policies.computeIfAbsent(bureau == null ? "" : bureau, this::buildPolicy));
    }

    @Override
    public WorkingDayCalendar calendar(String bureau) {
        return storedDays.onTopOf(bureau, configuredCalendar(bureau));
    }

    private WorkingDayCalendar configuredCalendar(String bureau) {
        return calendars.computeIfAbsent(bureau == null ? "" : bureau, b -> {
            AppealConfig.Bureau own = config.bureaus().get(b);
            if (own == null) {
                return national;
            }
            return national.with(own.holidays().orElse(List.of()), own.workdays().orElse(List.of()));
        });
    }

    private PeriodPolicy buildPolicy(String bureau) {
        AppealConfig.PeriodRules d = config.defaults();
        AppealConfig.Bureau own = config.bureaus().get(bureau);
        String kind = own != null && own.kind().isPresent() ? own.kind().get() : d.kind();
        if ("ROLLING".equalsIgnoreCase(kind)) {
            int months = own != null ? own.rollingMonths().orElse(d.rollingMonths()) : d.rollingMonths();
            int open = own != null ? own.rollingOpenDays().orElse(d.rollingOpenDays()) : d.rollingOpenDays();
            return new PeriodPolicy.Rolling(months, open);
        }
        String start = own != null ? own.windowStart().orElse(d.windowStart()) : d.windowStart();
        String end = own != null ? own.windowEnd().orElse(d.windowEnd()) : d.windowEnd();
        return new PeriodPolicy.FixedYearly(MonthDay.parse(start, MONTH_DAY), MonthDay.parse(end, MONTH_DAY));
    }
}
