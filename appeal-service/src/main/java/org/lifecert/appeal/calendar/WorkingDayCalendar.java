package org.lifecert.appeal.calendar;

import java.io.InputStream;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

/**
 * A bureau's working days: Monday to Friday, minus public holidays, plus the weekend days worked in
 * exchange (调休). Appeals are due in 10 working days (seed: 等待10个工作日后登陆认证网址查询审核进度).
 */
public final class WorkingDayCalendar {

    private final Set<LocalDate> holidays;
    private final Set<LocalDate> workdays;

    public WorkingDayCalendar(Collection<LocalDate> holidays, Collection<LocalDate> workdays) {
        this.holidays = Set.copyOf(holidays);
        this.workdays = Set.copyOf(workdays);
    }

    public static WorkingDayCalendar weekendsOnly() {
        return new WorkingDayCalendar(Set.of(), Set.of());
    }

    /**
     * Reads lines {@code yyyy-MM-dd,HOLIDAY|WORKDAY[,name]}; blank lines and lines starting with
     * '#' are skipped.
     */
    public static WorkingDayCalendar parse(InputStream in) {
        Set<LocalDate> holidays = new HashSet<>();
        Set<LocalDate> workdays = new HashSet<>();
        for (CalendarDay day : HolidayCsv.readNational(in)) {
            (day.kind() == CalendarDay.Kind.HOLIDAY ? holidays : workdays).add(day.day());
        }
        return new WorkingDayCalendar(holidays, workdays);
    }

    /** This calendar plus a bureau's own holidays and worked days. */
    public WorkingDayCalendar with(Collection<LocalDate> moreHolidays, Collection<LocalDate> moreWorkdays) {
        Set<LocalDate> h = new HashSet<>(holidays);
        h.addAll(moreHolidays);
        Set<LocalDate> w = new HashSet<>(workdays);
        w.addAll(moreWorkdays);
        h.removeAll(moreWorkdays);
        w.removeAll(moreHolidays);
        return new WorkingDayCalendar(h, w);
    }

    public boolean isWorkingDay(LocalDate day) {
        if (workdays.contains(day)) {
            return true;
        }
        if (holidays.contains(day)) {
            return false;
        }
        DayOfWeek dow = day.getDayOfWeek();
        return dow != DayOfWeek.SATURDAY && dow != DayOfWeek.SUNDAY;
    }

    /** The {@code n}-th working day after {@code from} (the day itself does not count). */
    public LocalDate addWorkingDays(LocalDate from, int n) {
        LocalDate day = from;
        int counted = 0;
        while (counted < n) {
            day = day.plusDays(1);
            if (isWorkingDay(day)) {
                counted++;
            }
        }
        return day;
    }
}
