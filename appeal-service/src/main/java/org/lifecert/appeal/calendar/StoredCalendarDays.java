package org.lifecert.appeal.calendar;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.query.NativeQuery;

/**
 * A bureau's own calendar days (table {@code bureau_calendar_day}), imported a year at a time by its
 * admin, on top of the national calendar. Cached per replica like {@code StoredPeriodPolicies}.
 */
@ApplicationScoped
public class StoredCalendarDays {

    /** A stored day with who imported it and when. */
    public record StoredDay(LocalDate day, CalendarDay.Kind kind, String name, String importedBy, Instant importedAt) {
    }

    private record Cached(List<CalendarDay> days, Instant until) {
    }

    private final EntityManager em;
    private final Duration ttl;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    public StoredCalendarDays(EntityManager em,
            @ConfigProperty(name = "lifecert.appeal.settings-cache-ttl", defaultValue = "PT30S") Duration ttl) {
        this.em = em;
        this.ttl = ttl;
    }

    /** {@code base} (national + configured days) with the bureau's imported days on top. */
    public WorkingDayCalendar onTopOf(String bureau, WorkingDayCalendar base) {
        String key = bureau == null ? "" : bureau;
        Cached c = cache.get(key);
        if (c == null || Instant.now().isAfter(c.until())) {
            c = new Cached(all(key), Instant.now().plus(ttl));
            cache.put(key, c);
        }
        if (c.days().isEmpty()) {
            return base;
        }
        List<LocalDate> holidays = new ArrayList<>();
        List<LocalDate> workdays = new ArrayList<>();
        for (CalendarDay d : c.days()) {
            (d.kind() == CalendarDay.Kind.HOLIDAY ? holidays : workdays).add(d.day());
        }
        return base.with(holidays, workdays);
    }

    /**
     * Replaces the bureau's days of {@code year} with {@code days} (a re-import of the same file changes nothing).
     * Imports of one bureau's year take turns (a transaction-scoped advisory lock): the delete of a second import
     * that started meanwhile could not see the first's uncommitted days, and its inserts failed on the key.
     */
    @Transactional
    public void replaceYear(String bureau, int year, List<CalendarDay> days, String actor) {
        em.createNativeQuery("select count(*) from (select pg_advisory_xact_lock(hashtext(:k))) l")
                .unwrap(NativeQuery.class).setParameter("k", "bureau_calendar_day:" + bureau + ":" + year, String.class)
                .getSingleResult();
        em.createNativeQuery("delete from bureau_calendar_day where bureau = :b and day between :from and :to")
                .unwrap(NativeQuery.class).setParameter("b", bureau, String.class)
                .setParameter("from", LocalDate.of(year, 1, 1), LocalDate.class)
                .setParameter("to", LocalDate.of(year, 12, 31), LocalDate.class).executeUpdate();
        for (CalendarDay d : days) {
            em.createNativeQuery("""
                    insert into bureau_calendar_day (bureau, day, kind, name, imported_at, imported_by)
                    values (:b, :d, :k, :n, now(), :a)""").unwrap(NativeQuery.class)
                    .setParameter("b", bureau, String.class).setParameter("d", d.day(), LocalDate.class)
                    .setParameter("k", d.kind().name(), String.class).setParameter("n", d.name(), String.class)
                    .setParameter("a", actor, String.class).executeUpdate();
        }
        cache.remove(bureau);
    }

    /** Deletes one of the bureau's days; false when the bureau has no such day. */
    @Transactional
    public boolean delete(String bureau, LocalDate day) {
        int n = em.createNativeQuery("delete from bureau_calendar_day where bureau = :b and day = :d")
                .unwrap(NativeQuery.class).setParameter("b", bureau, String.class)
                .setParameter("d", day, LocalDate.class).executeUpdate();
        cache.remove(bureau);
        return n > 0;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    @SuppressWarnings("unchecked")
    public List<StoredDay> year(String bureau, int year) {
        List<Object[]> rows = em.createNativeQuery("""
                select day, kind, name, imported_by, imported_at from bureau_calendar_day
                where bureau = :b and day between :from and :to order by day""").unwrap(NativeQuery.class)
                .setParameter("b", bureau, String.class)
                .setParameter("from", LocalDate.of(year, 1, 1), LocalDate.class)
                .setParameter("to", LocalDate.of(year, 12, 31), LocalDate.class).getResultList();
        return rows.stream().map(r -> new StoredDay(date(r[0]), CalendarDay.Kind.valueOf((String) r[1]), (String) r[2],
                (String) r[3], org.lifecert.appeal.appeal.ReviewAudit.toInstant(r[4]))).toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    @SuppressWarnings("unchecked")
    List<CalendarDay> all(String bureau) {
        List<Object[]> rows = em.createNativeQuery("select day, kind, name from bureau_calendar_day where bureau = :b")
                .setParameter("b", bureau).getResultList();
        return rows.stream().map(r -> new CalendarDay(date(r[0]), CalendarDay.Kind.valueOf((String) r[1]), (String) r[2])).toList();
    }

    private static LocalDate date(Object value) {
        if (value instanceof LocalDate d) {
            return d;
        }
        if (value instanceof java.sql.Date d) {
            return d.toLocalDate();
        }
        return LocalDate.parse(value.toString());
    }
}
