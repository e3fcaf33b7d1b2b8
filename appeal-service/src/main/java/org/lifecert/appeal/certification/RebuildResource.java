package org.lifecert.appeal.certification;

import jakarta.annotation.security.RolesAllowed;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.lifecert.platform.security.BureauAccess;
import org.lifecert.platform.security.Roles;

/** Admin: rebuild the caller's bureau's records from the input topics (nothing is republished). */
@Path("/api/v1/admin/rebuild")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class RebuildResource {

    private final CertificationRebuild rebuild;
    private final EntityManager em;
    private final BureauAccess access;

    public RebuildResource(CertificationRebuild rebuild, EntityManager em, BureauAccess access) {
        this.rebuild = rebuild;
        this.em = em;
        this.access = access;
    }

    @POST
    @Operation(summary = "Rebuild every record of the caller's bureau from the input topics read from the start")
    @SuppressWarnings("unchecked")
    public Map<String, Object> rebuild() {
        List<UUID> ids = em.createNativeQuery("select person_id from certification_record where bureau = :b")
                .setParameter("b", access.bureau()).getResultList();
        Set<UUID> persons = new HashSet<>(ids);
        int folded = rebuild.rebuild(persons, Instant.now());
        return Map.of("persons", persons.size(), "eventsFolded", folded);
    }
}
