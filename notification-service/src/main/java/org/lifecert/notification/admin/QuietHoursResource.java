package org.lifecert.notification.admin;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.DateTimeException;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.lifecert.notification.delivery.BureauSettings;
import org.lifecert.notification.delivery.QuietHours;
import org.lifecert.platform.security.BureauAccess;
import org.lifecert.platform.security.Roles;
import org.lifecert.platform.web.ApiException;
import org.lifecert.platform.web.FieldError;

/** A bureau's SMS quiet hours (no SMS at night: deferred to their end, not dropped). */
@Path("/api/v1/admin/bureaus/{bureau}/quiet-hours")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class QuietHoursResource {

    private final BureauSettings settings;
    private final BureauAccess access;

    public QuietHoursResource(BureauSettings settings, BureauAccess access) {
        this.settings = settings;
        this.access = access;
    }

    /** {@code start}/{@code end} as HH:mm (equal: no quiet hours); {@code zone} an IANA zone id. */
    public record QuietHoursView(String start, String end, String zone) {
    }

    @GET
    @Operation(summary = "The bureau's quiet hours")
    public QuietHoursView get(@PathParam("bureau") String bureau) {
        access.requireOwn(bureau, "bureau " + bureau);
        QuietHours q = settings.quietHours(bureau);
        return new QuietHoursView(q.start().toString(), q.end().toString(), q.zone().getId());
    }

    @PUT
    @Operation(summary = "Set the bureau's quiet hours")
    public QuietHoursView put(@PathParam("bureau") String bureau, QuietHoursView body) {
        access.requireOwn(bureau, "bureau " + bureau);
        if (body == null) {
            throw ApiException.invalid(List.of(new FieldError("body", "请求内容不正确")));
        }
        try {
            LocalTime start = LocalTime.parse(body.start());
            LocalTime end = LocalTime.parse(body.end());
            ZoneId zone = ZoneId.of(body.zone() == null ? "Asia/Shanghai" : body.zone());
            QuietHours q = settings.set(bureau, start, end, zone);
            return new QuietHoursView(q.start().toString(), q.end().toString(), q.zone().getId());
        } catch (DateTimeParseException | NullPointerException e) {
            throw ApiException.invalid(List.of(new FieldError("start", "时间格式应为 HH:mm")));
        } catch (DateTimeException e) {
            throw ApiException.invalid(List.of(new FieldError("zone", "时区不正确")));
        }
    }
}
