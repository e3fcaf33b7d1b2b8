package org.lifecert.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.lifecert.gateway.GatewayFixtures.TestPerson;
import org.lifecert.gateway.login.Captchas;
import org.lifecert.gateway.person.PersonDirectory;
import org.lifecert.platform.pii.IdNumbers;
import org.lifecert.testing.LifeCertTestResource;

/** 亲情服务 from the page: adding a family member through enrollment-service (a real HTTP stub of it). */
@QuarkusTest
@QuarkusTestResource(value = LifeCertTestResource.class, initArgs = @ResourceArg(name = "database", value = "gateway"))
@QuarkusTestResource(GatewayTestResource.class)
class RelativeTests {

    @Inject
    Captchas captchas;
    @Inject
    IdNumbers idNumbers;
    @Inject
    PersonDirectory directory;
    @ConfigProperty(name = "quarkus.rest-client.enrollment.url")
    String enrollment;

    private static Map<String, Object> member(String surname) {
        return Map.of("idNumber", GatewayFixtures.newIdNumber(), "surname", surname, "givenName", "四",
                "relationship", "父母", "documentPhotoBase64",
                Base64.getEncoder().encodeToString(GatewayFixtures.jpeg(640, 400, 0.8f, 9)));
    }

    @Test
    void recipientAddsARelativeAsThemselvesWhateverTheRequestSays() throws Exception {
        TestPerson recipient = GatewayFixtures.enroll("bureau-a", idNumbers, directory);
        String token = GatewayFixtures.token(recipient, captchas);
        Map<String, Object> body = new java.util.HashMap<>(member("李"));
        body.put("relativePersonId", UUID.randomUUID().toString()); // not the page's to choose
        given().contentType(ContentType.JSON).header("X-Session-Token", token).body(body).post("/api/v1/relatives")
                .then().statusCode(201).body("status", equalTo("PENDING")).body("name", equalTo("李*"));
        String forwarded = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(enrollment + "/control/last")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        assertThat(forwarded).contains("\"relativePersonId\":\"" + recipient.personId() + "\"")
                .contains("\"relationship\":\"父母\"").contains("\"documentPhotoBase64\":\"/9j/");
    }

    @Test
    void enrollmentsRefusalReachesThePageInItsWords() {
        TestPerson recipient = GatewayFixtures.enroll("bureau-a", idNumbers, directory);
        String token = GatewayFixtures.token(recipient, captchas);
        given().contentType(ContentType.JSON).header("X-Session-Token", token).body(member("错")).post("/api/v1/relatives")
                .then().statusCode(422).contentType("application/problem+json")
                .body("code", equalTo("RELATIVE_NAME_MISMATCH")).body("message", equalTo("亲属姓名与身份证号不符"));
    }

    @Test
    void enrollmentFailingIsABusyMessageNotAnError() {
        TestPerson recipient = GatewayFixtures.enroll("bureau-a", idNumbers, directory);
        String token = GatewayFixtures.token(recipient, captchas);
        given().contentType(ContentType.JSON).header("X-Session-Token", token).body(member("宕")).post("/api/v1/relatives")
                .then().statusCode(503).body("code", equalTo("RELATIVES_UNAVAILABLE"))
                .body("message", equalTo("系统繁忙，暂时无法添加亲属，请稍后再试"));
    }

    @Test
    void addingOrListingRelativesNeedsALogin() {
        given().contentType(ContentType.JSON).body(member("李")).post("/api/v1/relatives")
                .then().statusCode(401).body("code", equalTo("SESSION_TOKEN_INVALID"));
        given().get("/api/v1/relatives").then().statusCode(401);
    }

    @Test
    void linkedMembersAreListedForTheRecipient() {
        TestPerson recipient = GatewayFixtures.enroll("bureau-a", idNumbers, directory);
        TestPerson member = GatewayFixtures.enroll("bureau-a", idNumbers, directory);
        GatewayFixtures.link(member, recipient, "PENDING", directory);
        String token = GatewayFixtures.token(recipient, captchas);
        given().header("X-Session-Token", token).get("/api/v1/relatives").then().statusCode(200)
                .body("", hasSize(1)).body("[0].personId", equalTo(member.personId().toString()))
                .body("[0].linkStatus", equalTo("PENDING")).body("[0].relationship", equalTo("子女"));
    }
}
