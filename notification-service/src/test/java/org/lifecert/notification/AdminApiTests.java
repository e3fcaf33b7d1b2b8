package org.lifecert.notification;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lifecert.notification.People.Person;
import org.lifecert.notification.webhook.WebhookSignature;
import org.lifecert.testing.LifeCertTestResource;
import org.lifecert.testing.LockRace;
import org.lifecert.testing.TestTokens;

@QuarkusTest
@QuarkusTestResource(value = LifeCertTestResource.class, initArgs = @ResourceArg(name = "database", value = "notification"))
@QuarkusTestResource(LocalChannelsResource.class)
class AdminApiTests {

    @BeforeAll
    static void servers() {
        LocalChannels.get();
    }

    private static String admin(String bureau) {
        return TestTokens.bearer("admin-" + bureau, bureau, "admin");
    }

    @Test
    void templatePreviewRendersEachLanguageWithSampleValues() {
        given().header("Authorization", admin("140101"))
                .get("/api/v1/admin/templates/person-certified/SMS?language=zh-CN").then().statusCode(200)
                .body("templateId", equalTo("messages/person-certified.sms.zh-CN.txt"))
                .body("body", containsString("认证成功")).body("body", containsString("下次认证期：2027年1月1日起"));
        given().header("Authorization", admin("140101"))
                .get("/api/v1/admin/templates/APPEAL_DECIDED/EMAIL?language=en&approved=false").then().statusCode(200)
                .body("subject", equalTo("Your appeal was not approved"))
                .body("body", containsString("service hall"));
        given().header("Authorization", admin("140101"))
                .get("/api/v1/admin/templates/appeal-decided/in_app?approved=false").then().statusCode(200)
                .body("body", containsString("您的申诉审核未通过，请去当地社保大厅办理"));
        given().header("Authorization", admin("140101")).get("/api/v1/admin/templates").then().statusCode(200)
                .body("", hasSize(48)).body("", hasItem("messages/reminder.email.en.txt"));
    }

    @Test
    void previewRefusesUnknownKindsAndNonAdmins() {
        given().header("Authorization", admin("140101")).get("/api/v1/admin/templates/birthday/SMS").then().statusCode(400)
                .body("code", equalTo("VALIDATION_FAILED")).body("errors[0].field", equalTo("kind"));
        given().header("Authorization", admin("140101")).get("/api/v1/admin/templates/reminder/SMS?language=fr")
                .then().statusCode(400).body("errors[0].field", equalTo("language"));
        given().get("/api/v1/admin/templates/reminder/SMS").then().statusCode(401);
        given().header("Authorization", TestTokens.bearer("clerk", "140101", "clerk"))
                .get("/api/v1/admin/templates/reminder/SMS").then().statusCode(403);
    }

    @jakarta.inject.Inject
    org.lifecert.notification.webhook.WebhookEndpoints endpoints;

    @jakarta.inject.Inject
    io.agroal.api.AgroalDataSource dataSource;

    @Test
    void twoFirstRegistrationsAtOnceMakeOneEndpointWithOneSecretAndTheLaterUrl() throws Exception {
        String bureau = "140109";
        // the first registration has inserted the endpoint and not yet committed when the second PUT arrives
        var second = LockRace.secondWhileFirstHolds(work -> QuarkusTransaction.requiringNew().run(work),
                () -> assertThat(endpoints.register(bureau, "http://127.0.0.1:1/first", true).secret()).isNotBlank(),
                () -> given().header("Authorization", admin(bureau)).contentType(ContentType.JSON)
                        .body(Map.of("url", "http://127.0.0.1:1/second")).put("/api/v1/admin/webhooks/{b}", bureau),
                dataSource);
        // a change of the endpoint the first created: 200, its secret kept and not shown again
        second.then().statusCode(200).body("url", equalTo("http://127.0.0.1:1/second")).body("secret", nullValue());
        given().header("Authorization", admin(bureau)).get("/api/v1/admin/webhooks/{b}", bureau).then().statusCode(200)
                .body("url", equalTo("http://127.0.0.1:1/second"));
    }

    @Test
    void webhookAdminIsOwnBureauOnlyAndValidatesTheUrl() {
        given().header("Authorization", admin("140102")).contentType(ContentType.JSON)
                .body(Map.of("url", "http://127.0.0.1:1/x")).put("/api/v1/admin/webhooks/{b}", "140103").then().statusCode(404);
        given().header("Authorization", admin("140102")).contentType(ContentType.JSON)
                .body(Map.of("url", "not a url")).put("/api/v1/admin/webhooks/{b}", "140102").then().statusCode(400)
                .body("errors[0].field", equalTo("url"));
        given().header("Authorization", admin("140102")).get("/api/v1/admin/webhooks/{b}", "140102").then().statusCode(404);
    }

    @Test
    void reminderOffsetsAreTheAdminsOwnBureausAndValidatedInChinese() {
        String path = "/api/v1/admin/bureaus/{b}/reminder-offsets";
        given().header("Authorization", admin("140105")).get(path, "140105").then().statusCode(200)
                .body("days", equalTo(java.util.List.of(14, 7, 1))).body("source", equalTo("default"));
        given().header("Authorization", admin("140105")).contentType(ContentType.JSON)
                .body(Map.of("days", java.util.List.of(1, 30, 7))).put(path, "140105").then().statusCode(200)
                .body("days", equalTo(java.util.List.of(30, 7, 1))).body("source", equalTo("bureau"));
        given().header("Authorization", admin("140105")).get(path, "140105").then().statusCode(200)
                .body("days", equalTo(java.util.List.of(30, 7, 1)));
        // another bureau's admin neither reads nor changes them, and its own stay the default
        given().header("Authorization", admin("140106")).get(path, "140105").then().statusCode(404);
        given().header("Authorization", admin("140106")).contentType(ContentType.JSON)
                .body(Map.of("days", java.util.List.of(2))).put(path, "140105").then().statusCode(404);
        given().header("Authorization", admin("140106")).get(path, "140106").then().statusCode(200)
                .body("days", equalTo(java.util.List.of(14, 7, 1)));
        given().header("Authorization", admin("140105")).get(path, "140105").then().statusCode(200)
                .body("days", equalTo(java.util.List.of(30, 7, 1)));
        // other roles and no token
        given().header("Authorization", TestTokens.bearer("clerk", "140105", "clerk")).get(path, "140105").then().statusCode(403);
        given().get(path, "140105").then().statusCode(401);
        // bad input: 400 with the reason in Chinese, nothing changed
        for (Object bad : new Object[] {java.util.List.of(), java.util.List.of(0), java.util.List.of(400),
                java.util.List.of(7, 7), java.util.List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11)}) {
            given().header("Authorization", admin("140105")).contentType(ContentType.JSON).body(Map.of("days", bad))
                    .put(path, "140105").then().statusCode(400).body("errors[0].field", equalTo("days"))
                    .body("errors[0].message", containsString("提醒天数"));
        }
        given().header("Authorization", admin("140105")).get(path, "140105").then().statusCode(200)
                .body("days", equalTo(java.util.List.of(30, 7, 1)));
    }

    @Test
    void rotatedSecretSignsAtOnceAndThePreviousOneStillVerifiesDuringTheGracePeriod() {
        String bureau = "140104";
        String first = NotificationFlowTests.registerWebhook(bureau);
        given().header("Authorization", admin(bureau)).get("/api/v1/admin/webhooks/{b}", bureau).then().statusCode(200)
                .body("secret", nullValue());
        String second = given().header("Authorization", admin(bureau)).post("/api/v1/admin/webhooks/{b}/rotate-secret", bureau)
                .then().statusCode(200).extract().path("secret");
        assertThat(second).startsWith("whsec_").isNotEqualTo(first);

        Person person = People.person(bureau);
        var event = People.restored(person);
        Kafka.publish(event);
        LocalChannels channels = LocalChannels.get();
        await().atMost(Duration.ofSeconds(30)).until(() -> channels.requests("/hooks/" + bureau).stream()
                .anyMatch(r -> r.text().contains(event.id().toString())));
        var hook = channels.requests("/hooks/" + bureau).stream().filter(r -> r.text().contains(event.id().toString()))
                .findFirst().orElseThrow();
        String ts = hook.header(WebhookSignature.TIMESTAMP_HEADER);
        String sig = hook.header(WebhookSignature.SIGNATURE_HEADER);
        assertThat(sig.split(",")).hasSize(2);
        assertThat(WebhookSignature.verify(second, ts, sig, hook.body(), Instant.now(), Duration.ofMinutes(5))).isTrue();
        assertThat(WebhookSignature.verify(first, ts, sig, hook.body(), Instant.now(), Duration.ofMinutes(5))).isTrue();
        assertThat(hook.header(WebhookSignature.DELIVERY_HEADER)).isNotBlank();
    }

    @Test
    void preferencesRefuseUnknownLanguagesAndChannels() {
        given().contentType(ContentType.JSON).body(Map.of("language", "fr"))
                .put("/internal/v1/persons/{id}/preferences", java.util.UUID.randomUUID()).then().statusCode(400)
                .body("errors[0].field", equalTo("language"));
        given().contentType(ContentType.JSON).body(Map.of("channels", java.util.List.of("PIGEON")))
                .put("/internal/v1/persons/{id}/preferences", java.util.UUID.randomUUID()).then().statusCode(400)
                .body("errors[0].field", equalTo("channels"));
        given().get("/internal/v1/persons/{id}/preferences", java.util.UUID.randomUUID()).then().statusCode(404);
    }
}
