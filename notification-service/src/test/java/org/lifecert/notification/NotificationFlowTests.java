package org.lifecert.notification;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lifecert.events.Envelope;
import org.lifecert.events.EventCodec;
import org.lifecert.events.PersonCertified;
import org.lifecert.notification.People.Person;
import org.lifecert.notification.delivery.DeliveryStore;
import org.lifecert.notification.delivery.DeliveryView;
import org.lifecert.notification.webhook.WebhookSignature;
import org.lifecert.testing.LifeCertTestResource;
import org.lifecert.testing.LockRace;
import org.lifecert.testing.TestTokens;

@QuarkusTest
@QuarkusTestResource(value = LifeCertTestResource.class, initArgs = @ResourceArg(name = "database", value = "notification"))
@QuarkusTestResource(LocalChannelsResource.class)
class NotificationFlowTests {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    DeliveryStore store;

    @BeforeAll
    static void servers() {
        LocalChannels.get();
    }

    @Test
    void certifiedPersonGetsChineseSmsEmailInAppAndBureauGetsVerifiableWebhook() {
        String bureau = "110101";
        String secret = registerWebhook(bureau);
        Person person = People.person(bureau);
        Kafka.publish(People.enrolled(person, "张", "秀英"));
        Envelope<PersonCertified> certified = People.certified(person);
        Kafka.publish(certified);

        LocalChannels channels = LocalChannels.get();
        await().atMost(WAIT).ignoreExceptions().until(() -> channels.sms(person.phone()).size() == 1
                && channels.mailsTo(person.email()).size() == 1
                && channels.requests("/hooks/" + bureau).stream().anyMatch(r -> r.text().contains(certified.id().toString())));

        String sms = channels.sms(person.phone()).get(0).text();
        assertThat(sms).contains("认证成功").contains("下次认证期：2027年1月1日起");
        var mail = channels.mailsTo(person.email()).get(0);
        assertThat(LocalChannels.subject(mail)).isEqualTo("认证成功");
        assertThat(LocalChannels.content(mail)).contains("张秀英").contains("您本期已认证成功");

        given().get("/internal/v1/persons/{id}/messages", person.id()).then().statusCode(200)
                .body("[0].title", org.hamcrest.Matchers.equalTo("认证成功"))
                .body("[0].kind", org.hamcrest.Matchers.equalTo("CERTIFIED"));

        var hook = channels.requests("/hooks/" + bureau).stream()
                .filter(r -> r.text().contains(certified.id().toString())).findFirst().orElseThrow();
        assertThat(hook.header(WebhookSignature.EVENT_TYPE_HEADER)).isEqualTo("PersonCertified");
        assertThat(WebhookSignature.verify(secret, hook.header(WebhookSignature.TIMESTAMP_HEADER),
                hook.header(WebhookSignature.SIGNATURE_HEADER), hook.body(), Instant.now(), Duration.ofMinutes(5))).isTrue();
        // the event arrives intact: the bureau decodes it with the shared contract
        assertThat(EventCodec.shared().decode(hook.body()).id()).isEqualTo(certified.id());
        // a tampered body, a wrong secret or an old timestamp do not verify
        byte[] tampered = hook.text().replace("SELF_SERVICE", "COUNTER").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(WebhookSignature.verify(secret, hook.header(WebhookSignature.TIMESTAMP_HEADER),
                hook.header(WebhookSignature.SIGNATURE_HEADER), tampered, Instant.now(), Duration.ofMinutes(5))).isFalse();
        assertThat(WebhookSignature.verify("whsec_wrong", hook.header(WebhookSignature.TIMESTAMP_HEADER),
                hook.header(WebhookSignature.SIGNATURE_HEADER), hook.body(), Instant.now(), Duration.ofMinutes(5))).isFalse();
        assertThat(WebhookSignature.verify(secret, hook.header(WebhookSignature.TIMESTAMP_HEADER),
                hook.header(WebhookSignature.SIGNATURE_HEADER), hook.body(), Instant.now().plusSeconds(600),
                Duration.ofMinutes(5))).isFalse();

        // the bureau's delivery log shows it as sent; another bureau does not see it
        await().atMost(WAIT).ignoreExceptions().until(() -> store.ofEvent(certified.id().toString()).stream()
                .anyMatch(d -> d.channel().equals("WEBHOOK") && d.status().equals("SENT")));
        given().header("Authorization", TestTokens.bearer("clerk-a", bureau, "clerk"))
                .get("/api/v1/webhooks/deliveries").then().statusCode(200)
                .body("findAll { it.eventId == '" + certified.id() + "' }.status", org.hamcrest.Matchers.contains("SENT"));
        given().header("Authorization", TestTokens.bearer("clerk-b", "110102", "clerk"))
                .get("/api/v1/webhooks/deliveries").then().statusCode(200)
                .body("findAll { it.eventId == '" + certified.id() + "' }", org.hamcrest.Matchers.empty());
    }

    @Test
    void englishSpeakerWhoChoseEmailGetsEnglishEmailAndNoSms() {
        Person person = People.person("110103");
        Kafka.publish(People.enrolled(person, "Li", "Jianguo"));
        await().atMost(WAIT).ignoreExceptions().until(() -> given().get("/internal/v1/persons/{id}/preferences", person.id())
                .statusCode() == 200);
        given().contentType(ContentType.JSON).body(Map.of("language", "en", "channels", List.of("EMAIL")))
                .put("/internal/v1/persons/{id}/preferences", person.id()).then().statusCode(200)
                .body("language", org.hamcrest.Matchers.equalTo("en"));
        var decided = People.appealDecided(person, false);
        Kafka.publish(decided);

        LocalChannels channels = LocalChannels.get();
        await().atMost(WAIT).ignoreExceptions().until(() -> channels.mailsTo(person.email()).size() == 1);
        var mail = channels.mailsTo(person.email()).get(0);
        assertThat(LocalChannels.subject(mail)).isEqualTo("Your appeal was not approved");
        assertThat(LocalChannels.content(mail)).contains("Dear LiJianguo").contains("service hall");
        assertThat(store.ofEvent(decided.id().toString())).extracting(DeliveryView::channel)
                .containsExactlyInAnyOrder("EMAIL", "IN_APP");
        assertThat(channels.sms(person.phone())).isEmpty();
    }

    @Inject
    org.lifecert.notification.contact.ContactDirectory contacts;

    @Test
    void preferencesSetWhileTheEnrollmentEventIsBeingStoredKeepBoth() throws Exception {
        Person person = People.person("110104");
        var enrolled = People.enrolled(person, "钱", "淑华");
        // the consumer's transaction has written the person's row and not yet committed when the page's PUT arrives
        var put = LockRace.secondWhileFirstHolds(work -> QuarkusTransaction.requiringNew().run(work),
                () -> contacts.enrolled(person.bureau(), enrolled.data()),
                () -> given().contentType(ContentType.JSON).body(Map.of("channels", List.of("EMAIL")))
                        .put("/internal/v1/persons/{id}/preferences", person.id()), dataSource);
        put.then().statusCode(200).body("channels", org.hamcrest.Matchers.containsInAnyOrder("EMAIL", "IN_APP"))
                .body("hasPhone", org.hamcrest.Matchers.is(true));
        var contact = contacts.find(person.id()).orElseThrow();
        assertThat(contact.name()).isEqualTo("钱淑华");
        assertThat(contact.bureau()).isEqualTo(person.bureau());
        assertThat(contact.channels()).extracting(Enum::name).containsExactlyInAnyOrder("EMAIL", "IN_APP");
    }

    @Inject
    io.agroal.api.AgroalDataSource dataSource;

    @Test
    void proxyCertificationAlsoTellsTheRelative() {
        String bureau = "110104";
        Person elder = People.person(bureau);
        Person relative = People.person(bureau);
        Kafka.publish(People.enrolled(elder, "王", "桂兰"));
        Kafka.publish(People.enrolled(relative, "王", "小明"));
        Kafka.publish(People.linked(elder, relative));
        var certified = People.certifiedBy(elder, relative);
        Kafka.publish(certified);

        LocalChannels channels = LocalChannels.get();
        await().atMost(WAIT).ignoreExceptions().until(() -> channels.mailsTo(relative.email()).size() == 1
                && channels.mailsTo(elder.email()).size() == 1);
        assertThat(LocalChannels.content(channels.mailsTo(relative.email()).get(0))).contains("您为亲属王桂兰办理");
        assertThat(LocalChannels.content(channels.mailsTo(elder.email()).get(0))).contains("您本期已认证成功");
        given().get("/internal/v1/persons/{id}/messages", relative.id()).then().statusCode(200)
                .body("[0].aboutPersonId", org.hamcrest.Matchers.equalTo(elder.id().toString()))
                .body("[0].party", org.hamcrest.Matchers.equalTo("RELATIVE"));
    }

    @Test
    void duplicateEventIsDeliveredOncePerRecipientAndChannel() throws InterruptedException {
        Person person = People.person("110105");
        Kafka.publish(People.enrolled(person, "赵", "淑珍"));
        var certified = People.certified(person);
        byte[] bytes = EventCodec.shared().encodeBytes(certified);
        Kafka.publishBytes(certified.topic(), certified.subject(), bytes);
        Kafka.publishBytes(certified.topic(), certified.subject(), bytes);
        // the same event id again, even past the inbox, still plans nothing new (unique idempotency key)
        io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().run(() -> notices.handle(certified));
        var marker = People.failed(person, 1);
        Kafka.publish(marker);

        LocalChannels channels = LocalChannels.get();
        await().atMost(WAIT).ignoreExceptions().until(() -> store.ofPerson(person.id()).stream()
                .filter(d -> !d.channel().equals("IN_APP")).allMatch(d -> d.status().equals("SENT"))
                && store.ofEvent(marker.id().toString()).size() == 3);
        Thread.sleep(1000);
        String deliveries = store.ofPerson(person.id()).toString();
        assertThat(store.ofEvent(certified.id().toString())).as(deliveries).extracting(DeliveryView::channel)
                .containsExactlyInAnyOrder("SMS", "EMAIL", "IN_APP");
        assertThat(channels.sms(person.phone())).as(deliveries).hasSize(2);
        assertThat(channels.mailsTo(person.email())).as(deliveries).hasSize(2);
    }

    @Inject
    org.lifecert.notification.consumer.NotificationEvents notices;

    @Test
    void eachCertificationEventTellsThePersonInTheSeedsWords() {
        Person person = People.person("110106");
        Kafka.publish(People.enrolled(person, "刘", "德华"));
        Kafka.publish(People.due(person, java.time.LocalDate.now().plusDays(40)));
        Kafka.publish(People.failed(person, 1));
        Kafka.publish(People.appealOpened(person));
        Kafka.publish(People.appealDecided(person, false));
        Kafka.publish(People.overdue(person));
        Kafka.publish(People.restored(person));

        await().atMost(WAIT).ignoreExceptions().until(() -> store.inApp(person.id(), 50).size() == 6);
        Map<String, String> byKind = new java.util.HashMap<>();
        store.inApp(person.id(), 50).forEach(d -> byKind.put(d.kind(), d.subject() + " / " + d.body()));
        assertThat(byKind.get("DUE")).contains("认证期已开始").contains("避免因认证不及时造成待遇停发");
        assertThat(byKind.get("ATTEMPT_FAILED")).contains("认证失败，可以再次认证");
        assertThat(byKind.get("APPEAL_OPENED")).contains("您的申诉正在审核中，请联系当地社保局").contains("10个工作日");
        assertThat(byKind.get("APPEAL_DECIDED")).contains("您的申诉审核未通过，请去当地社保大厅办理");
        assertThat(byKind.get("OVERDUE")).contains("待遇已停发");
        assertThat(byKind.get("RESTORED")).contains("待遇恢复发放");
    }

    static String registerWebhook(String bureau) {
        return given().header("Authorization", TestTokens.bearer("admin-" + bureau, bureau, "admin"))
                .contentType(ContentType.JSON).body(Map.of("url", LocalChannels.get().hookUrl(bureau)))
                .put("/api/v1/admin/webhooks/{bureau}", bureau).then().statusCode(201)
                .extract().path("secret");
    }
}
