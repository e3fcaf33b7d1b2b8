package org.lifecert.notification;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lifecert.notification.People.Person;
import org.lifecert.notification.delivery.DeliveryStore;
import org.lifecert.notification.delivery.DeliveryView;
import org.lifecert.testing.LifeCertTestResource;
import org.lifecert.testing.TestTokens;

@QuarkusTest
@QuarkusTestResource(value = LifeCertTestResource.class, initArgs = @ResourceArg(name = "database", value = "notification"))
@QuarkusTestResource(LocalChannelsResource.class)
class ChannelFaultTests {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    DeliveryStore store;

    @BeforeAll
    static void servers() {
        LocalChannels.get();
    }

    @Test
    void smtpDownThenUpDeliversTheMailOnceAndSmsMeanwhile() {
        LocalChannels channels = LocalChannels.get();
        Person person = People.person("120101");
        Kafka.publish(People.enrolled(person, "孙", "丽"));
        channels.stopSmtp();
        try {
            var certified = People.certified(person);
            Kafka.publish(certified);
            // SMTP is down: the e-mail fails and waits for its retry, the SMS goes out regardless
            await().atMost(WAIT).ignoreExceptions().until(() -> channels.sms(person.phone()).size() == 1);
            await().atMost(WAIT).ignoreExceptions().until(() -> email(certified.id().toString()).attempts() >= 1);
            DeliveryView failing = email(certified.id().toString());
            assertThat(failing.status()).isEqualTo("PENDING");
            assertThat(failing.lastError()).startsWith("SMTP");
        } finally {
            channels.startSmtp();
        }
        await().atMost(WAIT).ignoreExceptions().until(() -> channels.mailsTo(person.email()).size() == 1);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                .until(() -> channels.mailsTo(person.email()).size() == 1);
    }

    @Test
    void smtpServerThatStallsFailsTheAttemptAtTheTimeoutAndTheMailGoesOnceItAnswers() throws Exception {
        LocalChannels channels = LocalChannels.get();
        Person person = People.person("120106");
        Kafka.publish(People.enrolled(person, "陈", "静"));
        var certified = People.certified(person);
        try (AutoCloseable stalled = channels.stallSmtp()) {
            Kafka.publish(certified);
            // the relay accepts and says nothing: the attempt fails at quarkus.mailer.timeout (3 s in tests), not after
            // the Mailer's default minute, and is retried; the SMS does not wait for it
            await().atMost(WAIT).ignoreExceptions().until(() -> email(certified.id().toString()).attempts() >= 1);
            DeliveryView failing = email(certified.id().toString());
            assertThat(failing.status()).isEqualTo("PENDING");
            assertThat(failing.lastError()).isEqualTo("SMTP: no answer within 3 s");
            await().atMost(WAIT).until(() -> channels.sms(person.phone()).size() == 1);
        }
        await().atMost(WAIT).ignoreExceptions().until(() -> channels.mailsTo(person.email()).size() == 1);
        await().atMost(WAIT).ignoreExceptions().until(() -> email(certified.id().toString()).status().equals("SENT"));
    }

    @Test
    void smsGatewayOutageDoesNotHoldBackEmailAndEndsInDeadLettersAdminsCanRetry() {
        LocalChannels channels = LocalChannels.get();
        String bureau = "120102";
        Person person = People.person(bureau);
        Kafka.publish(People.enrolled(person, "周", "强"));
        channels.answer("/sms", 503);
        var event = People.overdue(person);
        try {
            Kafka.publish(event);
            await().atMost(WAIT).ignoreExceptions().until(() -> channels.mailsTo(person.email()).size() == 1);
            await().atMost(WAIT).ignoreExceptions().until(() -> sms(event.id().toString()).status().equals("DEAD"));
        } finally {
            channels.answer("/sms", 200);
        }
        DeliveryView dead = sms(event.id().toString());
        assertThat(dead.attempts()).isEqualTo(4);
        assertThat(dead.lastStatusCode()).isEqualTo(503);
        assertThat(channels.sms(person.phone())).hasSize(4); // every attempt reached the gateway, each refused

        String admin = TestTokens.bearer("admin-" + bureau, bureau, "admin");
        String letterId = given().header("Authorization", admin).get("/api/v1/admin/dead-letters").then().statusCode(200)
                .extract().path("find { it.deliveryId == '" + dead.id() + "' }.id");
        assertThat(letterId).isNotNull();
        // other bureaus' admins do not see it and cannot retry it
        given().header("Authorization", TestTokens.bearer("admin-x", "999999", "admin")).get("/api/v1/admin/dead-letters")
                .then().statusCode(200).body("findAll { it.deliveryId == '" + dead.id() + "' }", org.hamcrest.Matchers.empty());
        given().header("Authorization", TestTokens.bearer("admin-x", "999999", "admin"))
                .post("/api/v1/admin/dead-letters/{id}/retry", letterId).then().statusCode(404);

        given().header("Authorization", admin).post("/api/v1/admin/dead-letters/{id}/retry", letterId).then().statusCode(202);
        await().atMost(WAIT).ignoreExceptions().until(() -> sms(event.id().toString()).status().equals("SENT"));
        assertThat(channels.sms(person.phone())).hasSize(5);
    }

    @Test
    void smsInQuietHoursIsDeferredToTheirEndWhileEmailGoesNow() {
        LocalChannels channels = LocalChannels.get();
        String bureau = "120103";
        LocalTime now = LocalTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MINUTES);
        LocalTime end = now.plusHours(2);
        given().header("Authorization", TestTokens.bearer("admin-" + bureau, bureau, "admin")).contentType(ContentType.JSON)
                .body(Map.of("start", now.minusHours(1).toString(), "end", end.toString(), "zone", "UTC"))
                .put("/api/v1/admin/bureaus/{b}/quiet-hours", bureau).then().statusCode(200);
        Person person = People.person(bureau);
        Kafka.publish(People.enrolled(person, "吴", "敏"));
        var due = People.due(person, java.time.LocalDate.now().plusDays(60));
        Kafka.publish(due);

        await().atMost(WAIT).ignoreExceptions().until(() -> channels.mailsTo(person.email()).size() == 1);
        await().atMost(WAIT).ignoreExceptions().until(() -> sms(due.id().toString()).lastError() != null);
        DeliveryView deferred = sms(due.id().toString());
        assertThat(deferred.status()).isEqualTo("PENDING");
        assertThat(deferred.attempts()).isZero();
        assertThat(deferred.lastError()).contains("quiet hours");
        Instant expectedEnd = java.time.LocalDate.now(ZoneOffset.UTC).atTime(end).toInstant(ZoneOffset.UTC);
        if (expectedEnd.isBefore(Instant.now())) {
            expectedEnd = expectedEnd.plus(1, ChronoUnit.DAYS);
        }
        assertThat(deferred.nextAttemptAt()).isEqualTo(expectedEnd);
        assertThat(channels.sms(person.phone())).isEmpty();
    }

    @Test
    void seventhMailOfTheDayWaitsForTheRateLimitWhileInAppShowsEverything() {
        LocalChannels channels = LocalChannels.get();
        Person person = People.person("120104");
        Kafka.publish(People.enrolled(person, "郑", "红"));
        given().contentType(ContentType.JSON).body(Map.of("channels", java.util.List.of("EMAIL")))
                .put("/internal/v1/persons/{id}/preferences", person.id()).then().statusCode(200);
        var events = java.util.List.of(People.due(person, java.time.LocalDate.now().plusDays(60)), People.failed(person, 1),
                People.appealOpened(person), People.appealDecided(person, true), People.overdue(person),
                People.restored(person), People.certified(person));
        events.forEach(Kafka::publish);

        await().atMost(WAIT).ignoreExceptions().until(() -> store.inApp(person.id(), 50).size() == 7
                && channels.mailsTo(person.email()).size() == 6
                && store.ofPerson(person.id()).stream().anyMatch(d -> d.channel().equals("EMAIL")
                        && d.status().equals("PENDING") && d.lastError() != null && d.lastError().contains("rate limit")));
        DeliveryView held = store.ofPerson(person.id()).stream().filter(d -> d.channel().equals("EMAIL")
                && d.status().equals("PENDING")).findFirst().orElseThrow();
        assertThat(held.nextAttemptAt()).isAfter(Instant.now().plus(Duration.ofHours(23)));
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                .until(() -> channels.mailsTo(person.email()).size() == 6);
    }

    @Inject
    org.lifecert.notification.consumer.NoticeService notices;

    @Inject
    io.agroal.api.AgroalDataSource dataSource;

    @Test
    void deliveryClaimedByAReplicaThatDiedIsSentOnceItsLeaseRunsOut() {
        LocalChannels channels = LocalChannels.get();
        Person person = People.person("120105");
        Kafka.publish(People.enrolled(person, "冯", "刚"));
        await().atMost(WAIT).ignoreExceptions().until(() -> given().get("/internal/v1/persons/{id}/preferences",
                person.id()).statusCode() == 200);
        String eventId = java.util.UUID.randomUUID().toString();
        // planned and claimed in one transaction, as if a replica claimed it and died before sending
        io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().run(() -> {
            notices.notify(new org.lifecert.notification.plan.Notice(eventId, "PersonCertified",
                    org.lifecert.notification.plan.MessageKind.CERTIFIED, person.id(), person.bureau(),
                    Map.of("period", People.PERIOD, "nextPeriodStart", People.NEXT_PERIOD), java.util.List.of()), null);
            try (var c = dataSource.getConnection(); var s = c.prepareStatement(
                    "update delivery set lease_until = now() + interval '4 seconds' where event_id = ?")) {
                s.setString(1, eventId);
                s.executeUpdate();
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        Instant claimed = Instant.now();
        // on failure the message shows the rows (status, attempts, last error): the cause, not just the timeout
        await().atMost(WAIT).untilAsserted(() -> assertThat(channels.mailsTo(person.email()))
                .as("mails to %s; deliveries %s", person.email(), store.ofEvent(eventId)).hasSize(1));
        assertThat(Duration.between(claimed, Instant.now())).isGreaterThan(Duration.ofSeconds(3));
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                .until(() -> channels.mailsTo(person.email()).size() == 1 && channels.sms(person.phone()).size() == 1);
        assertThat(email(eventId).status()).isEqualTo("SENT");
    }

    private DeliveryView email(String eventId) {
        return channel(eventId, "EMAIL");
    }

    private DeliveryView sms(String eventId) {
        return channel(eventId, "SMS");
    }

    private DeliveryView channel(String eventId, String channel) {
        return store.ofEvent(eventId).stream().filter(d -> d.channel().equals(channel) && d.party().equals("RECIPIENT"))
                .findFirst().orElseThrow(() -> new AssertionError("no " + channel + " delivery yet"));
    }
}
