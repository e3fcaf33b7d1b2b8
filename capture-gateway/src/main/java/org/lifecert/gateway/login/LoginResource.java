package org.lifecert.gateway.login;

import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.lifecert.gateway.person.CertificationGate;
import org.lifecert.gateway.person.PersonDirectory;

/** Recipient login: a captcha image, then ID number + captcha answer for a short-lived session token. */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class LoginResource {

    public record CaptchaView(UUID captchaId, String image, Instant expiresAt) {
    }

    public record LoginRequest(String idNumber, UUID captchaId, String captchaAnswer) {
    }

    public record PersonView(UUID personId, String name, String idNumberMasked) {
    }

    public record CertificationView(String state, boolean allowed, String message) {
        static CertificationView of(CertificationGate.Verdict v) {
            return new CertificationView(v.state(), v.allowed(), v.message());
        }
    }

    public record RelativeView(UUID personId, String name, String relationship, String linkStatus) {
    }

    public record LoginView(String token, Instant expiresAt, PersonView person, CertificationView certification,
            List<RelativeView> relatives) {
    }

    private final Captchas captchas;
    private final LoginService logins;

    public LoginResource(Captchas captchas, LoginService logins) {
        this.captchas = captchas;
        this.logins = logins;
    }

    @POST
    @Path("/captcha")
    @Consumes(MediaType.WILDCARD)
    public Response captcha() {
        Captchas.Issued issued = captchas.issue();
        CacheControl noStore = new CacheControl();
        noStore.setNoStore(true);
        return Response.ok(new CaptchaView(issued.captchaId(),
                "data:image/png;base64," + Base64.getEncoder().encodeToString(issued.png()), issued.expiresAt()))
                .cacheControl(noStore).build();
    }

    @POST
    @Path("/login")
    public LoginView login(LoginRequest request, @Context HttpServerRequest http) {
        LoginRequest r = request == null ? new LoginRequest(null, null, null) : request;
        String address = http.remoteAddress() == null ? "unknown" : http.remoteAddress().hostAddress();
        LoginService.LoginResult result = logins.login(r.idNumber(), r.captchaId(), r.captchaAnswer(), address);
        PersonDirectory.Person p = result.person();
        return new LoginView(result.token(), result.expiresAt(), new PersonView(p.personId(), p.displayName(), p.idMasked()),
                CertificationView.of(result.certification()),
                result.relatives().stream().map(x -> new RelativeView(x.personId(), x.displayName(), x.relationship(), x.status()))
                        .toList());
    }
}
