package org.lifecert.enrollment.console;

import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.lifecert.platform.security.BureauAccess;

/** Who is signed in to the console pages (shown in the shared header; the pages hide what the roles cannot do). */
@Path("/console/api/me")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class ConsoleSessionResource {

    public record Me(String user, String bureau, List<String> roles) {
    }

    private final BureauAccess access;
    private final SecurityIdentity identity;

    public ConsoleSessionResource(BureauAccess access, SecurityIdentity identity) {
        this.access = access;
        this.identity = identity;
    }

    @GET
    public Me me() {
        return new Me(access.actor(), access.bureau(), identity.getRoles().stream().sorted().toList());
    }
}
