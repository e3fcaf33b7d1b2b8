package org.lifecert.notification.admin;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.lifecert.notification.reminder.ReminderOffsets;
import org.lifecert.notification.reminder.ReminderOffsetsForm;
import org.lifecert.platform.security.BureauAccess;
import org.lifecert.platform.security.Roles;
import org.lifecert.platform.web.ApiException;
import org.lifecert.platform.web.FieldError;

/**
 * A bureau's reminder offsets: how many days before the end of a period the not-yet-certified get a
 * reminder (e.g. 30, 7, 1). Applies to periods opened (CertificationDue) after the change.
 */
@Path("/api/v1/admin/bureaus/{bureau}/reminder-offsets")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class ReminderOffsetsResource {

    /** {@code days}: largest first; {@code source}: "bureau" when the admin set them, else "default". */
    public record OffsetsView(String bureau, List<Integer> days, String source) {
    }

    private final ReminderOffsets offsets;
    private final BureauAccess access;

    public ReminderOffsetsResource(ReminderOffsets offsets, BureauAccess access) {
        this.offsets = offsets;
        this.access = access;
    }

    @GET
    @Operation(summary = "The bureau's reminder offsets in days before the period end (admin, own bureau)")
    public OffsetsView get(@PathParam("bureau") String bureau) {
        access.requireOwn(bureau, "bureau " + bureau);
        return view(bureau);
    }

    @PUT
    @Operation(summary = "Set the bureau's reminder offsets, body {\"days\":[30,7,1]}: 1-10 different days, each 1-365 (admin, own bureau)")
    public OffsetsView put(@PathParam("bureau") String bureau, ReminderOffsetsForm body) {
        access.requireOwn(bureau, "bureau " + bureau);
        if (body == null) {
            throw ApiException.invalid(List.of(new FieldError("days", "请设置提醒天数")));
        }
        offsets.set(bureau, body.checked(), access.actor());
        return view(bureau);
    }

    private OffsetsView view(String bureau) {
        return new OffsetsView(bureau, offsets.days(bureau), offsets.stored(bureau).isPresent() ? "bureau" : "default");
    }
}
