package org.lifecert.enrollment.reference;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.lifecert.platform.security.Roles;
import org.lifecert.platform.web.ApiException;

/** Read-only lists for the residents-abroad form: 国籍 and 使领馆 (the values the person API accepts). */
@Path("/api/v1/reference")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.CLERK, Roles.REVIEWER, Roles.ADMIN})
public class ReferenceResource {

    static final String UNKNOWN_COUNTRY = "请选择正确的国家或地区";

    private final ReferenceLists lists = ReferenceLists.bundled();

    @GET
    @Path("/nationalities")
    @Operation(summary = "Countries and regions for 国籍: [{code (ISO 3166-1 alpha-2), name (Chinese)}]")
    public List<Country> nationalities() {
        return lists.countries();
    }

    @GET
    @Path("/consulates")
    @Operation(summary = "PRC embassies and consulates-general abroad (使领馆): [{country, kind, name}]; "
            + "?country=US (ISO code or Chinese name) for one country's, embassy first")
    public List<Consulate> consulates(@QueryParam("country") String country) {
        if (country == null || country.isBlank()) {
            return lists.consulates();
        }
        Country c = lists.country(country).orElseThrow(() -> ApiException.badRequest("UNKNOWN_COUNTRY",
                UNKNOWN_COUNTRY, "no country or region " + country));
        return lists.consulatesIn(c.code());
    }
}
