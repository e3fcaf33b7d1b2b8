package org.lifecert.platform.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.lifecert.platform.web.ApiException;

/**
 * The bureau (tenant) of the signed-in staff member, from the token's {@code bureau} claim. Every
 * query and command of a bureau endpoint goes through it: a resource of another bureau is answered
 * as not found, so its existence does not leak either.
 */
@RequestScoped
public class BureauAccess {

    public static final String CLAIM = "bureau";

    private final SecurityIdentity identity;

    public BureauAccess(SecurityIdentity identity) {
        this.identity = identity;
    }

    public String bureau() {
        Object attribute = identity.getAttribute(CLAIM);
        if (attribute != null) {
            return attribute.toString();
        }
        if (identity.getPrincipal() instanceof JsonWebToken jwt && jwt.getClaim(CLAIM) != null) {
            return jwt.getClaim(CLAIM).toString();
        }
        throw ApiException.forbidden("token carries no bureau claim");
    }

    /** Who acts: the token's preferred user name, else its subject. */
    public String actor() {
        if (identity.getPrincipal() instanceof JsonWebToken jwt && jwt.getClaim("preferred_username") != null) {
            return jwt.getClaim("preferred_username").toString();
        }
        return identity.getPrincipal().getName();
    }

    public boolean hasRole(String role) {
        return identity.hasRole(role);
    }

    /** Throws 404 unless {@code resourceBureau} is the caller's bureau. */
    public void requireOwn(String resourceBureau, String what) {
        if (resourceBureau == null || !resourceBureau.equals(bureau())) {
            throw ApiException.notFound(what);
        }
    }
}
