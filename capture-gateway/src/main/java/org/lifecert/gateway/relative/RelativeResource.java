package org.lifecert.gateway.relative;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.lifecert.gateway.login.LoginResource;
import org.lifecert.gateway.login.Recipient;

/** The logged-in recipient's family members (亲情服务): list them, add one. */
@Path("/api/v1/relatives")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class RelativeResource {

    private final FamilyLinks links;
    private final Recipient recipient;

    public RelativeResource(FamilyLinks links, Recipient recipient) {
        this.links = links;
        this.recipient = recipient;
    }

    /** As in the login answer: the members this recipient may certify for (links ACTIVE or PENDING). */
    @GET
    public List<LoginResource.RelativeView> list() {
        return links.of(recipient.personId()).stream()
                .map(x -> new LoginResource.RelativeView(x.personId(), x.displayName(), x.relationship(), x.status()))
                .toList();
    }

    /** 201 with enrollment's link (status PENDING until a first proxy certification), or its refusal as is. */
    @POST
    public Response add(FamilyLinks.AddRequest request) {
        FamilyLinks.Answer answer = links.add(recipient.personId(), request);
        String type = answer.status() >= 400 ? "application/problem+json" : MediaType.APPLICATION_JSON;
        return Response.status(answer.status()).type(type).entity(answer.json()).build();
    }
}
