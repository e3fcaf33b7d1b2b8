package org.lifecert.gateway.login;

import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.UUID;
import org.lifecert.platform.web.ApiException;

/**
 * The logged-in recipient of the current request, from the {@value #HEADER} header. A header of
 * its own, not {@code Authorization: Bearer}, which belongs to staff OIDC tokens.
 */
@RequestScoped
public class Recipient {

    public static final String HEADER = "X-Session-Token";

    private final HttpHeaders headers;
    private final SessionTokens tokens;
    private SessionTokens.Claims claims;

    public Recipient(HttpHeaders headers, SessionTokens tokens) {
        this.headers = headers;
        this.tokens = tokens;
    }

    public SessionTokens.Claims claims() {
        if (claims == null) {
            claims = tokens.verify(headers.getHeaderString(HEADER)).orElseThrow(() -> new ApiException(401,
                    "SESSION_TOKEN_INVALID", "登录已失效，请重新登录", "missing, malformed, forged or expired session token"));
        }
        return claims;
    }

    public UUID personId() {
        return claims().personId();
    }
}
