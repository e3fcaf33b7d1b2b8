package org.lifecert.appeal.console;

import jakarta.annotation.security.RolesAllowed;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.lifecert.appeal.certification.FoldConfiguration;
import org.lifecert.platform.security.BureauAccess;
import org.lifecert.platform.security.Roles;

/**
 * The numbers behind the console's dashboard, for the caller's bureau only: people per state and
 * channel (the current state of each person), appeals open and past their due date, failure reasons
 * and attempts per day of the attempts recorded in the people's current periods. Reasons follow
 * CertificationFold's rule: verdict_timeout, else the match reason, else the liveness reasons.
 */
@Path("/console/api/dashboard")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.CLERK, Roles.REVIEWER, Roles.ADMIN})
public class DashboardResource {

    public record Count(String state, String channel, long people) {
    }

    public record Day(LocalDate day, long attempts, long failed) {
    }

    public record Numbers(String bureau, LocalDate today, List<Count> byStateAndChannel, long appealsOpen,
            long appealsOverdue, Map<String, Long> failureReasons, List<Day> attemptsPerDay) {
    }

    private final EntityManager em;
    private final BureauAccess access;
    private final FoldConfiguration rules;

    public DashboardResource(EntityManager em, BureauAccess access, FoldConfiguration rules) {
        this.em = em;
        this.access = access;
        this.rules = rules;
    }

    @GET
    @SuppressWarnings("unchecked")
    public Numbers numbers() {
        String bureau = access.bureau();
        ZoneId zone = rules.zone();
        LocalDate today = LocalDate.now(zone);
        List<Count> counts = new ArrayList<>();
        for (Object[] r : (List<Object[]>) em.createNativeQuery("""
                select state, coalesce(channel, ''), count(*) from certification_record
                where bureau = :b group by 1, 2 order by 1, 2""").setParameter("b", bureau).getResultList()) {
            counts.add(new Count((String) r[0], ((String) r[1]).isEmpty() ? null : (String) r[1], ((Number) r[2]).longValue()));
        }
        Object[] appeals = (Object[]) em.createNativeQuery("""
                select count(*) filter (where state = 'APPEAL_UNDER_REVIEW'),
                       count(*) filter (where state = 'APPEAL_UNDER_REVIEW' and appeal_due < :today)
                from certification_record where bureau = :b""").setParameter("b", bureau).setParameter("today", today)
                .getSingleResult();
        Map<String, Long> reasons = new TreeMap<>();
        Map<LocalDate, long[]> days = new TreeMap<>();
        for (Object[] a : (List<Object[]>) em.createNativeQuery("""
                select x.value->>'startedAt', coalesce(cast(x.value->>'timedOut' as boolean), false),
                       x.value->'match'->>'decision', x.value->'match'->>'reason',
                       x.value->'liveness'->>'decision', cast(x.value->'liveness'->'reasons' as text)
                from certification_record c cross join lateral jsonb_each(coalesce(c.doc->'attempts', cast('{}' as jsonb))) x
                where c.bureau = :b""").setParameter("b", bureau).getResultList()) {
            List<String> failed = reasons((Boolean) a[1], (String) a[2], (String) a[3], (String) a[4], (String) a[5]);
            failed.forEach(r -> reasons.merge(r, 1L, Long::sum));
            LocalDate day = day((String) a[0], zone);
            if (day != null) {
                long[] d = days.computeIfAbsent(day, k -> new long[2]);
                d[0]++;
                if (!failed.isEmpty()) {
                    d[1]++;
                }
            }
        }
        List<Day> perDay = days.entrySet().stream().map(e -> new Day(e.getKey(), e.getValue()[0], e.getValue()[1])).toList();
        return new Numbers(bureau, today, counts, ((Number) appeals[0]).longValue(), ((Number) appeals[1]).longValue(),
                reasons, perDay);
    }

    static List<String> reasons(boolean timedOut, String match, String matchReason, String liveness, String livenessReasons) {
        List<String> out = new ArrayList<>();
        if (timedOut) {
            out.add("verdict_timeout");
            return out;
        }
        if ("FAIL".equals(match)) {
            out.add(matchReason == null ? "match_below_threshold" : matchReason);
        }
        if ("FAIL".equals(liveness)) {
            List<String> list = jsonStrings(livenessReasons);
            if (list.isEmpty()) {
                out.add("liveness_failed");
            } else {
                out.addAll(list);
            }
        }
        return out;
    }

    /** A JSON array of plain strings (reason codes) as text; codes carry no quotes or commas. */
    static List<String> jsonStrings(String json) {
        List<String> out = new ArrayList<>();
        if (json == null) {
            return out;
        }
        for (String part : json.replace("[", "").replace("]", "").split(",")) {
            String s = part.strip();
            if (s.length() >= 2 && s.startsWith("\"")) {
                out.add(s.substring(1, s.length() - 1));
            }
        }
        return out;
    }

    /** Instants are stored as ISO text or as epoch seconds, depending on the mapper's settings. */
    static LocalDate day(String value, ZoneId zone) {
        if (value == null) {
            return null;
        }
        try {
            Instant at = Character.isDigit(value.charAt(0)) && !value.contains("-")
                    ? Instant.ofEpochMilli(new BigDecimal(value).multiply(BigDecimal.valueOf(1000)).longValue())
                    : Instant.parse(value);
            return at.atZone(zone).toLocalDate();
        } catch (RuntimeException e) {
            return null;
        }
    }
}
