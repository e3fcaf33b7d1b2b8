package org.lifecert.enrollment.internal;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.lifecert.enrollment.person.Person;
import org.lifecert.events.PersonStatus;
import org.lifecert.platform.web.ApiException;

/**
 * Service-to-service look-ups (capture-gateway's login by ID number, which it hashes with the shared
 * key). Not authenticated in this version: only the cluster network reaches /internal (NetworkPolicy).
 */
@Path("/internal/v1/persons")
@Produces(MediaType.APPLICATION_JSON)
public class InternalPersonResource {

    /** Just enough for a login page: who it is (masked), where, and whether still active. */
    public record PersonRef(UUID personId, String bureau, String surnameMasked, PersonStatus status) {
    }

    @GET
    @Path("/by-id-hash/{idNumberHash}")
    @Operation(summary = "Person by the keyed hash of the ID number (the idNumberHash of events); active ones first")
    public PersonRef byIdHash(@PathParam("idNumberHash") String hash) {
        if (hash == null || !hash.matches("[0-9a-f]{64}")) {
            throw ApiException.notFound("person");
        }
        Person p = Person.<Person>find("idNumberHash = ?1 order by case when status = ?2 then 0 else 1 end, updatedAt desc",
                hash, PersonStatus.ACTIVE).firstResult();
        if (p == null) {
            throw ApiException.notFound("person");
        }
        return new PersonRef(p.id, p.bureau, p.surnameMasked(), p.status);
    }
}
