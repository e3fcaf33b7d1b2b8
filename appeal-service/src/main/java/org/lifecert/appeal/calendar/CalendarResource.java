package org.lifecert.appeal.calendar;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.lifecert.appeal.certification.FoldConfiguration;
import org.lifecert.appeal.config.AppealConfig;
import org.lifecert.appeal.period.EffectiveBureauRules;
import org.lifecert.platform.security.BureauAccess;
import org.lifecert.platform.security.Roles;
import org.lifecert.platform.web.ApiException;
import org.lifecert.platform.web.FieldError;

/**
 * The caller's bureau's working-day calendar: the national days (data file) and the bureau's own,
 * imported a year at a time as CSV by its admin; and the due date an appeal opened on a given day
 * gets (seed: 10个工作日). The bureau is always the caller's own.
 */
@Path("/console/api/calendar")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.CLERK, Roles.REVIEWER, Roles.ADMIN})
public class CalendarResource {

    public record CalendarView(String bureau, int year, List<CalendarDay> national, List<StoredCalendarDays.StoredDay> bureauDays) {
    }

    public record ImportResult(String bureau, int year, int imported, List<StoredCalendarDays.StoredDay> bureauDays) {
    }

    public record AppealDue(String bureau, LocalDate opened, int workingDays, LocalDate dueDate) {
    }

    private final StoredCalendarDays stored;
    private final EffectiveBureauRules rules;
    private final FoldConfiguration fold;
    private final AppealConfig config;
    private final BureauAccess access;
    private final List<CalendarDay> national;

    public CalendarResource(StoredCalendarDays stored, EffectiveBureauRules rules, FoldConfiguration fold,
            AppealConfig config, BureauAccess access) {
        this.stored = stored;
        this.rules = rules;
        this.fold = fold;
        this.config = config;
        this.access = access;
        try (var in = Thread.currentThread().getContextClassLoader().getResourceAsStream(config.holidaysResource())) {
            this.national = in == null ? List.of() : HolidayCsv.readNational(in);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @GET
    @Operation(summary = "National and bureau calendar days of a year (default: this year)")
    public CalendarView year(@QueryParam("year") Integer year) {
        int y = checkedYear(year);
        return new CalendarView(access.bureau(), y, national.stream().filter(d -> d.day().getYear() == y).toList(),
                stored.year(access.bureau(), y));
    }

    @POST
    @Path("/{year}/import")
    @Consumes({"text/csv", MediaType.TEXT_PLAIN})
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Import the bureau's holidays and worked weekend days of a year (admin): CSV lines "
            + "date,name,kind (kind holiday|workday), optional header; replaces the bureau's days of that year")
    public ImportResult importYear(@PathParam("year") String year, String csv) {
        int y = checkedYear(parseYear(year));
        List<CalendarDay> days = HolidayCsv.parseUpload(csv, y);
        stored.replaceYear(access.bureau(), y, days, access.actor());
        return new ImportResult(access.bureau(), y, days.size(), stored.year(access.bureau(), y));
    }

    @DELETE
    @Path("/days/{day}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Delete one of the bureau's own calendar days (admin); 404 if the bureau has none that day")
    public Response delete(@PathParam("day") String day) {
        if (!stored.delete(access.bureau(), date(day, "day"))) {
            throw ApiException.notFound("calendar day " + day);
        }
        return Response.noContent().build();
    }

    @GET
    @Path("/appeal-due")
    @Operation(summary = "Due date of an appeal opened on a day, by the bureau's calendar (national + bureau days)")
    public AppealDue appealDue(@QueryParam("opened") String opened) {
        LocalDate from = opened == null || opened.isBlank() ? LocalDate.now(fold.zone()) : date(opened, "opened");
        int n = config.appealWorkingDays();
        return new AppealDue(access.bureau(), from, n, rules.calendar(access.bureau()).addWorkingDays(from, n));
    }

    private int checkedYear(Integer year) {
        int y = year == null ? LocalDate.now(fold.zone()).getYear() : year;
        if (y < 2000 || y > 2100) {
            throw ApiException.invalid(List.of(new FieldError("year", "年份应在2000到2100之间")));
        }
        return y;
    }

    private static Integer parseYear(String year) {
        try {
            return Integer.valueOf(year);
        } catch (NumberFormatException e) {
            throw ApiException.invalid(List.of(new FieldError("year", "年份应在2000到2100之间")));
        }
    }

    private static LocalDate date(String value, String field) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException | NullPointerException e) {
            throw ApiException.invalid(List.of(new FieldError(field, "日期格式应为 yyyy-MM-dd")));
        }
    }
}
