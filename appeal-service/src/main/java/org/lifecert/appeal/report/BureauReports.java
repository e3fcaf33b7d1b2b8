package org.lifecert.appeal.report;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.query.NativeQuery;

/** Bureau-wide reads: persons by state, people to suspend per month, certification rates. */
@ApplicationScoped
public class BureauReports {

    private final EntityManager em;

    public BureauReports(EntityManager em) {
        this.em = em;
    }

    public record PersonRow(UUID personId, String surname, String idNumberMasked, String period, String state,
            String channel, Instant certifiedAt, int failedAttempts, LocalDate suspendedSince, LocalDate appealDue) {
    }

    public record Page<T>(List<T> items, int page, int size, long total) {
    }

    public record Suspension(UUID personId, String surname, String idNumberMasked, String period,
            LocalDate suspendedFrom, LocalDate restoredOn, Integer monthsMissed) {
    }

    public record Rate(String period, String channel, long certified, long total, double rate) {
    }

    @SuppressWarnings("unchecked")
    public Page<PersonRow> persons(String bureau, String state, int page, int size) {
        String where = "bureau = :b" + (state == null ? "" : " and state = :s");
        NativeQuery<Object[]> q = em.createNativeQuery("""
                select person_id, doc->>'surname', doc->>'idNumberMasked', period_id, state, channel, certified_at,
                       failed_attempts, suspended_since, appeal_due
                from certification_record where %s order by person_id limit :lim offset :off""".formatted(where))
                .unwrap(NativeQuery.class);
        NativeQuery<Number> count = em.createNativeQuery("select count(*) from certification_record where " + where)
                .unwrap(NativeQuery.class);
        q.setParameter("b", bureau, String.class);
        count.setParameter("b", bureau, String.class);
        if (state != null) {
            q.setParameter("s", state, String.class);
            count.setParameter("s", state, String.class);
        }
        q.setParameter("lim", size, Integer.class).setParameter("off", page * size, Integer.class);
        List<PersonRow> items = q.getResultList().stream().map(r -> new PersonRow((UUID) r[0], (String) r[1],
                (String) r[2], (String) r[3], (String) r[4], (String) r[5], instant(r[6]), ((Number) r[7]).intValue(),
                date(r[8]), date(r[9]))).toList();
        return new Page<>(items, page, size, count.getSingleResult().longValue());
    }

    /**
     * People whose benefit is suspended in {@code month}: suspended on or before its last day and not
     * certified again before its first day (a certification in the month still counts the month as
     * missed, matching CertificationRestored.monthsMissed).
     */
    @SuppressWarnings("unchecked")
    public List<Suspension> suspensions(String bureau, YearMonth month) {
        List<Object[]> rows = em.createNativeQuery("""
                select s.person_id, c.doc->>'surname', c.doc->>'idNumberMasked', s.period_id, s.suspended_from,
                       s.restored_on, s.months_missed
                from suspension s left join certification_record c on c.person_id = s.person_id
                where s.bureau = :b and s.suspended_from <= :last and (s.restored_on is null or s.restored_on >= :first)
                order by s.suspended_from, s.person_id""").unwrap(NativeQuery.class)
                .setParameter("b", bureau, String.class)
                .setParameter("last", month.atEndOfMonth(), LocalDate.class)
                .setParameter("first", month.atDay(1), LocalDate.class).getResultList();
        return rows.stream().map(r -> new Suspension((UUID) r[0], (String) r[1], (String) r[2], (String) r[3],
                date(r[4]), date(r[5]), r[6] == null ? null : ((Number) r[6]).intValue())).toList();
    }

    public static String csv(List<Suspension> rows) {
        StringBuilder out = new StringBuilder("personId,surname,idNumberMasked,period,suspendedFrom,restoredOn,monthsMissed\n");
        for (Suspension s : rows) {
            out.append(s.personId()).append(',').append(cell(s.surname())).append(',').append(cell(s.idNumberMasked()))
                    .append(',').append(cell(s.period())).append(',').append(s.suspendedFrom()).append(',')
                    .append(s.restoredOn() == null ? "" : s.restoredOn()).append(',')
                    .append(s.monthsMissed() == null ? "" : s.monthsMissed()).append('\n');
        }
        return out.toString();
    }

    private static String cell(String value) {
        if (value == null) {
            return "";
        }
        String v = value;
        if (!v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v; // no formulas in a spreadsheet
        }
        if (v.contains(",") || v.contains("\"") || v.contains("\n")) {
            v = "\"" + v.replace("\"", "\"\"") + "\"";
        }
        return v;
    }

    /** Per period and channel: people certified through it, people in the period, the share. Channel ALL = any. */
    @SuppressWarnings("unchecked")
    public List<Rate> rates(String bureau, String period) {
        List<Object[]> rows = em.createNativeQuery("""
                select period_id, coalesce(channel, '-'), count(*) filter (where state = 'CERTIFIED'),
                       sum(count(*)) over (partition by period_id)
                from period_result where bureau = :b and (:p = '' or period_id = :p)
                group by period_id, channel order by period_id, 2""").unwrap(NativeQuery.class)
                .setParameter("b", bureau, String.class).setParameter("p", period == null ? "" : period, String.class)
                .getResultList();
        List<Rate> rates = new ArrayList<>();
        String current = null;
        long certifiedInPeriod = 0;
        long totalInPeriod = 0;
        for (Object[] r : rows) {
            String p = (String) r[0];
            if (current != null && !current.equals(p)) {
                rates.add(rate(current, "ALL", certifiedInPeriod, totalInPeriod));
                certifiedInPeriod = 0;
            }
            current = p;
            long certified = ((Number) r[2]).longValue();
            totalInPeriod = ((Number) r[3]).longValue();
            certifiedInPeriod += certified;
            if (!"-".equals(r[1])) {
                rates.add(rate(p, (String) r[1], certified, totalInPeriod));
            }
        }
        if (current != null) {
            rates.add(rate(current, "ALL", certifiedInPeriod, totalInPeriod));
        }
        return rates;
    }

    private static Rate rate(String period, String channel, long certified, long total) {
        return new Rate(period, channel, certified, total, total == 0 ? 0 : Math.round(certified * 10000.0 / total) / 10000.0);
    }

    static Instant instant(Object value) {
        return org.lifecert.appeal.appeal.ReviewAudit.toInstant(value);
    }

    static LocalDate date(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof LocalDate d) {
            return d;
        }
        if (value instanceof java.sql.Date d) {
            return d.toLocalDate();
        }
        return LocalDate.parse(value.toString());
    }
}
