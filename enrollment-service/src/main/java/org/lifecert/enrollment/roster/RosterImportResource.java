package org.lifecert.enrollment.roster;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.lifecert.platform.security.BureauAccess;
import org.lifecert.platform.security.Roles;

/** Roster import of the caller's bureau: upload (the CSV is the request body), progress, row errors. */
@Path("/api/v1/roster-imports")
@Produces(MediaType.APPLICATION_JSON)
public class RosterImportResource {

    private final RosterImporter importer;
    private final BureauAccess access;

    public RosterImportResource(RosterImporter importer, BureauAccess access) {
        this.importer = importer;
        this.access = access;
    }

    @POST
    @Consumes({"text/csv", MediaType.APPLICATION_OCTET_STREAM, MediaType.TEXT_PLAIN})
    @RolesAllowed({Roles.CLERK, Roles.ADMIN})
    @Operation(summary = "Start importing a CSV roster (UTF-8 or GBK, charset=auto|UTF-8|GBK); 202 with the progress URL")
    public Response start(InputStream body, @QueryParam("charset") @DefaultValue("auto") String charset,
            @QueryParam("fileName") String fileName) {
        RosterImport job = importer.start(access.bureau(), access.actor(), fileName, charset, body);
        return Response.accepted(ImportProgress.of(job)).location(URI.create("/api/v1/roster-imports/" + job.id)).build();
    }

    @GET
    @Path("/{importId}")
    @RolesAllowed({Roles.CLERK, Roles.ADMIN})
    @Operation(summary = "Progress of an import: rows read, created, updated, unchanged, failed; status RUNNING/COMPLETED/FAILED")
    public ImportProgress progress(@PathParam("importId") UUID importId) {
        return importer.progress(access.bureau(), importId);
    }

    @GET
    @Path("/{importId}/errors")
    @RolesAllowed({Roles.CLERK, Roles.ADMIN})
    @Operation(summary = "Refused rows: row number (header = row 1), field and message, in row order")
    public List<RowError> errors(@PathParam("importId") UUID importId, @QueryParam("page") @DefaultValue("0") int page,
            @QueryParam("size") @DefaultValue("500") int size) {
        return importer.errors(access.bureau(), importId, page, Math.max(1, Math.min(size, 5000)));
    }
}
