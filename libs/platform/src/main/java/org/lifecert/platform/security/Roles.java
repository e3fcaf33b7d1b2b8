package org.lifecert.platform.security;

/** Staff roles, as the OIDC provider issues them (realm roles). */
public final class Roles {

    public static final String CLERK = "clerk";
    public static final String REVIEWER = "reviewer";
    public static final String ADMIN = "admin";

    private Roles() {
    }
}
