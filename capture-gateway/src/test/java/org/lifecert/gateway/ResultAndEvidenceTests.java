package org.lifecert.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.lifecert.events.AppealOpened;
import org.lifecert.events.AttemptFailed;
import org.lifecert.events.CertificationChannel;
import org.lifecert.events.Envelope;
import org.lifecert.events.PersonCertified;
import org.lifecert.gateway.GatewayFixtures.TestPerson;
import org.lifecert.gateway.login.Captchas;
import org.lifecert.gateway.person.PersonDirectory;
import org.lifecert.platform.pii.IdNumbers;
import org.lifecert.testing.LifeCertTestResource;
import org.lifecert.testing.TestTokens;

@QuarkusTest
@QuarkusTestResource(value = LifeCertTestResource.class, initArgs = @ResourceArg(name = "database", value = "gateway"))
@QuarkusTestResource(GatewayTestResource.class)
class ResultAndEvidenceTests {

    @Inject
    Captchas captchas;
    @Inject
    IdNumbers idNumbers;
    @Inject
    PersonDirectory directory;
    @Inject
    EntityManager em;
    @ConfigProperty(name = "quarkus.rest-client.appeal.url")
    String appeal;
    @TestHTTPResource("/")
    URL base;

    record Started(TestPerson person, String token, UUID sessionId, String nonce) {
    }

    private Started started(String bureau) {
        TestPerson person = GatewayFixtures.enroll(bureau, idNumbers, directory);
        GatewayFixtures.state(appeal, person.personId(), "DUE");
        String token = GatewayFixtures.token(person, captchas);
        Response r = GatewayFixtures.startSession(token, null);
        r.then().statusCode(200);
        return new Started(person, token, UUID.fromString(r.path("sessionId")), r.path("nonce"));
    }

    private CompletableFuture<HttpResponse<String>> openStream(Started s) {
        return HttpClient.newHttpClient().sendAsync(HttpRequest.newBuilder(URI.create(base + "api/v1/sessions/" + s.sessionId() + "/events"))
                .header("X-Session-Token", s.token()).header("Accept", "text/event-stream").build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void successIsPushedOverServerSentEventsWithTheNextPeriod() throws Exception {
        Started s = started("bureau-a");
        CompletableFuture<HttpResponse<String>> stream = openStream(s);
        Thread.sleep(1500);
        assertThat(stream).isNotDone();
        GatewayFixtures.send(Envelope.of("appeal-service", s.person().personId().toString(), "bureau-a", new PersonCertified(
                s.person().personId(), "2026", CertificationChannel.SELF_SERVICE, Instant.now(), LocalDate.of(2027, 1, 1),
                s.sessionId(), null, null)));
        HttpResponse<String> response = stream.get(30, TimeUnit.SECONDS);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"outcome\":\"PENDING\"").contains("\"outcome\":\"CERTIFIED\"")
                .contains("认证成功，下次认证期：2027年1月1日起");
    }

    @Test
    void firstFailureOffersARetryWithTheReasons() {
        Started s = started("bureau-a");
        GatewayFixtures.send(Envelope.of("appeal-service", s.person().personId().toString(), "bureau-a", new AttemptFailed(
                s.person().personId(), "2026", s.sessionId(), 1, List.of("LIVENESS_ACTION_NOT_SEEN"), CertificationChannel.SELF_SERVICE)));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().header("X-Session-Token", s.token())
                .get("/api/v1/sessions/" + s.sessionId() + "/result").then().statusCode(200)
                .body("outcome", equalTo("FAILED")).body("retryAllowed", equalTo(true))
                .body("reasons[0]", equalTo("LIVENESS_ACTION_NOT_SEEN"))
                .body("message", equalTo("认证失败，可以点击【再次认证】重新认证")));
    }

    @Test
    void secondFailureShowsTheAutomaticAppealNotice() throws Exception {
        Started s = started("bureau-a");
        CompletableFuture<HttpResponse<String>> stream = openStream(s);
        UUID person = s.person().personId();
        GatewayFixtures.send(Envelope.of("appeal-service", person.toString(), "bureau-a", new AttemptFailed(person, "2026",
                s.sessionId(), 2, List.of("FACE_MISMATCH"), CertificationChannel.SELF_SERVICE)));
        GatewayFixtures.send(Envelope.of("appeal-service", person.toString(), "bureau-a", new AppealOpened(UUID.randomUUID(),
                person, "2026", Instant.now(), LocalDate.of(2026, 12, 7))));
        assertThat(stream.get(30, TimeUnit.SECONDS).body()).contains("\"outcome\":\"APPEAL_OPENED\"")
                .contains("认证失败2次，系统会终止您继续认证，并自动向当地社保经办机构提起申诉").contains("10个工作日");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().header("X-Session-Token", s.token())
                .get("/api/v1/sessions/" + s.sessionId() + "/result").then()
                .body("appealDueDate", equalTo("2026-12-07")).body("retryAllowed", equalTo(false)));
    }

    @Test
    void resultOfAnotherPersonsSessionIsRefused() {
        Started mine = started("bureau-a");
        Started theirs = started("bureau-a");
        given().header("X-Session-Token", mine.token()).get("/api/v1/sessions/" + theirs.sessionId() + "/result")
                .then().statusCode(403);
    }

    private Started withEvidence(String bureau) {
        Started s = started(bureau);
        GatewayFixtures.upload(s.token(), s.sessionId(), GatewayFixtures.batch(UUID.randomUUID(), 0, s.nonce(), false,
                List.of(GatewayFixtures.jpeg(160, 120, 0.5f, 1), GatewayFixtures.jpeg(320, 240, 0.9f, 2),
                        GatewayFixtures.jpeg(200, 150, 0.6f, 3)), 0)).then().statusCode(200);
        GatewayFixtures.upload(s.token(), s.sessionId(), GatewayFixtures.batch(UUID.randomUUID(), 0, s.nonce(), false,
                List.of(GatewayFixtures.jpeg(64, 64, 0.3f, 4)), 3)).then().statusCode(200);
        GatewayFixtures.upload(s.token(), s.sessionId(), GatewayFixtures.batch(UUID.randomUUID(), 0, s.nonce(), false,
                List.of(GatewayFixtures.jpeg(300, 200, 0.9f, 5)), 4)).then().statusCode(200);
        return s;
    }

    @Test
    void reviewerOfTheSameBureauSeesTheBestFramesOfEachStep() {
        Started s = withEvidence("bureau-a");
        given().header("Authorization", TestTokens.bearer("rev-a", "bureau-a", "reviewer"))
                .get("/api/v1/sessions/" + s.sessionId() + "/evidence").then().statusCode(200)
                .body("frames", hasSize(2))
                .body("frames[0].sequence", equalTo(1))
                .body("frames[1].sequence", equalTo(4));
    }

    @Test
    void reviewerOfAnotherBureauAndOtherRolesAreRefused() {
        Started s = withEvidence("bureau-a");
        given().header("Authorization", TestTokens.bearer("rev-b", "bureau-b", "reviewer"))
                .get("/api/v1/sessions/" + s.sessionId() + "/evidence").then().statusCode(404);
        given().header("Authorization", TestTokens.bearer("clerk-a", "bureau-a", "clerk"))
                .get("/api/v1/sessions/" + s.sessionId() + "/evidence").then().statusCode(403);
        given().get("/api/v1/sessions/" + s.sessionId() + "/evidence").then().statusCode(401);
        given().header("X-Session-Token", s.token()).get("/api/v1/sessions/" + s.sessionId() + "/evidence")
                .then().statusCode(401);
    }

    @Test
    void evidencePastItsRetentionIsDeleted() {
        Started s = withEvidence("bureau-a");
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "update session_evidence set keep_until = now() - interval '1 second' where session_id = :id")
                .setParameter("id", s.sessionId()).executeUpdate());
        await().atMost(Duration.ofSeconds(15)).until(() -> QuarkusTransaction.requiringNew().call(() -> ((Number) em
                .createNativeQuery("select count(*) from session_evidence where session_id = :id")
                .setParameter("id", s.sessionId()).getSingleResult()).intValue()) == 0);
    }
}
