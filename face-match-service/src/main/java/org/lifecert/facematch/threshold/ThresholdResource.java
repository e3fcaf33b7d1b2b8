package org.lifecert.facematch.threshold;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.lifecert.platform.security.BureauAccess;
import org.lifecert.platform.security.Roles;

/**
 * The bureau's match threshold for the console (issue 10, bureau settings): the admin reads and sets it, a reviewer
 * may read it. The bureau is always the token's {@code bureau} claim, so one bureau can neither see nor change
 * another's. appeal-service's settings page calls exactly this contract with the admin's bearer token.
 */
@Path("/console/api/match-threshold")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Bureau settings")
public class ThresholdResource {

    private final BureauThresholds thresholds;
    private final BureauAccess access;
    private final ObjectMapper json;

    public ThresholdResource(BureauThresholds thresholds, BureauAccess access, ObjectMapper json) {
        this.thresholds = thresholds;
        this.access = access;
        this.json = json;
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.REVIEWER})
    @Operation(summary = "The caller's bureau's match threshold",
            description = "threshold in use (the bureau's own, else the default), the false-accept rate the platform "
                    + "targets, the bounds an admin may choose in, and the calibration table of the face model.")
    @APIResponse(responseCode = "200", description = "the setting")
    @APIResponse(responseCode = "401", description = "no valid token")
    @APIResponse(responseCode = "403", description = "neither admin nor reviewer, or no bureau claim")
    public ThresholdSetting get() {
        return thresholds.setting(access.bureau());
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Sets the caller's bureau's match threshold (audited)")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "threshold", value = "{\"threshold\":0.45}")))
    @APIResponse(responseCode = "200", description = "the new setting, same body as GET")
    @APIResponse(responseCode = "400", description = "threshold missing, not a number or outside [min, max]: "
            + "problem details with a Chinese message, e.g. 比对阈值须在 0.32 至 0.6 之间，当前为 0.9")
    @APIResponse(responseCode = "403", description = "not an admin")
    public ThresholdSetting put(String body) {
        return thresholds.set(access.bureau(), threshold(body), access.actor());
    }

    @GET
    @Path("/history")
    @RolesAllowed({Roles.ADMIN, Roles.REVIEWER})
    @Operation(summary = "Audit trail of the caller's bureau's threshold changes, newest first (at most 100)")
    public List<BureauThresholds.ThresholdChange> history() {
        return thresholds.history(access.bureau());
    }

    /** The body's {@code threshold}, or null when the body is not JSON or it is absent or not a number. */
    private Double threshold(String body) {
        try {
            JsonNode node = body == null || body.isBlank() ? null : json.readTree(body);
            JsonNode value = node == null ? null : node.get(ThresholdBounds.FIELD);
            return value != null && value.isNumber() ? value.doubleValue() : null;
        } catch (java.io.IOException e) {
            return null;
        }
    }
}
