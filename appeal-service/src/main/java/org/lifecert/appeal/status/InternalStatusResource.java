package org.lifecert.appeal.status;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.lifecert.appeal.certification.CertificationFold;
import org.lifecert.appeal.certification.CertificationRecord;
import org.lifecert.appeal.certification.CertificationStore;
import org.lifecert.platform.web.ApiException;

/**
 * Service-to-service status read (capture-gateway checks it before an attempt). Not authenticated
 * in this version: only the cluster network reaches /internal (deploy/k8s NetworkPolicy).
 */
@Path("/internal/v1/persons")
@Produces(MediaType.APPLICATION_JSON)
public class InternalStatusResource {

    private final CertificationStore store;
    private final CertificationFold fold;

    public InternalStatusResource(CertificationStore store, CertificationFold fold) {
        this.store = store;
        this.fold = fold;
    }

    @GET
    @Path("/{personId}/certification")
    @Operation(summary = "Certification state of one person in the current period, with the seed message")
    public CertificationStatus status(@PathParam("personId") String personId) {
        UUID id = PersonIds.parse(personId);
        CertificationRecord r = store.find(id).orElseThrow(() -> ApiException.notFound("person " + personId));
        return CertificationStatus.of(r, fold.outcome(r));
    }
}
