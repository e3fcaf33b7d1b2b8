package org.lifecert.appeal.it;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.lifecert.appeal.appeal.ReviewAudit;
import org.lifecert.appeal.certification.CertificationRebuild;
import org.lifecert.appeal.certification.Scenario;
import org.lifecert.appeal.period.PeriodJob;
import org.lifecert.events.AppealOpened;
import org.lifecert.events.AttemptFailed;
import org.lifecert.events.PersonCertified;
import org.lifecert.testing.LifeCertTestResource;
import org.lifecert.testing.TestTokens;

/** Whole transitions through real Kafka and PostgreSQL: events in, state and outbox events out. */
@QuarkusTest
@QuarkusTestResource(value = LifeCertTestResource.class, initArgs = @ResourceArg(name = "database", value = "appeal"))
class CertificationFlowTests {

    static final String REVIEWER_A = TestTokens.bearer("reviewer-a", "bureau-a", "reviewer");
    static final String REVIEWER_B = TestTokens.bearer("reviewer-b", "bureau-b", "reviewer");
    static final String CLERK_A = TestTokens.bearer("clerk-a", "bureau-a", "clerk");
    static final String CLERK_B = TestTokens.bearer("clerk-b", "bureau-b", "clerk");

    @Inject
    PeriodJob periodJob;

    @Inject
    CertificationRebuild rebuild;

    @Inject
    ReviewAudit audit;

    static Scenario collectedPerson() {
        Scenario s = new Scenario();
        Instant now = Instant.now();
        Bus.send(s.enrolled(now.minusSeconds(60)), s.template(now.minusSeconds(59)));
        Bus.awaitState(s.person, "DUE");
        return s;
    }

    static void failingSession(Scenario s) {
        Bus.sendAll(s.session(Instant.now(), UUID.randomUUID(), false, true));
    }

    @Test
    void unknownPersonIsNotFoundAndMalformedIdIsBadRequest() {
        given().get("/internal/v1/persons/{id}/certification", UUID.randomUUID()).then().statusCode(404)
                .body("code", equalTo("NOT_FOUND"));
        given().get("/internal/v1/persons/not-a-uuid/certification").then().statusCode(400)
                .body("code", equalTo("VALIDATION_FAILED"));
    }

    @Test
    void enrolledWithoutPhotoShowsNotCollectedMessage() {
        Scenario s = new Scenario();
        Bus.send(s.enrolled(Instant.now()));
        JsonPath status = Bus.awaitState(s.person, "NOT_COLLECTED");
        assertThat(status.getString("message")).isEqualTo("您当前信息未采集，请联系当地社保局进行采集");
        assertThat(status.getString("bureau")).isEqualTo("bureau-a");
    }

    @Test
    void outOfOrderVerdictsCertifyOncePublished() {
        Scenario s = collectedPerson();
        UUID session = UUID.randomUUID();
        Instant start = Instant.now();
        Bus.send(s.liveness(start.plusSeconds(2), session, true));
        Bus.send(s.match(start.plusSeconds(3), session, true));
        Bus.send(s.started(start, session));
        JsonPath status = Bus.awaitState(s.person, "CERTIFIED");
        assertThat(status.getString("message")).startsWith("您本期已认证成功，下次认证期：");
        assertThat(status.getString("nextPeriodStart")).isEqualTo(Instant.now().atZone(java.time.ZoneId.of("Asia/Shanghai")).getYear() + 1 + "-01-01");

        var certified = Bus.published(s.person, "PersonCertified", 1);
        assertThat(((PersonCertified) certified.get(0).data()).sessionId()).isEqualTo(session);
        assertThat(certified.get(0).source()).isEqualTo("appeal-service");
        assertThat(Bus.settled(s.person, "PersonCertified")).hasSize(1);
    }

    @Test
    void duplicateVerdictsAreFoldedOnce() {
        Scenario s = collectedPerson();
        UUID session = UUID.randomUUID();
        var events = s.session(Instant.now(), session, true, false);
        Bus.sendAll(events);
        Bus.sendAll(events); // the same envelopes (same ids) redelivered
        var again = s.match(Instant.now(), session, false); // a new envelope of the same verdict
        Bus.send(again);
        JsonPath status = Bus.awaitState(s.person, "FAILED_ONCE");
        assertThat(status.getString("message")).isEqualTo("认证失败，可以再次认证");
        assertThat(status.getInt("failedAttempts")).isEqualTo(1);
        Bus.published(s.person, "AttemptFailed", 1);
        assertThat(Bus.settled(s.person, "AttemptFailed")).hasSize(1);
    }

    @Test
    void missingVerdictByDeadlineIsVerdictTimeout() {
        Scenario s = collectedPerson();
        UUID session = UUID.randomUUID();
        Instant start = Instant.now().minusSeconds(300); // deadline = start + 120 s, long gone
        Bus.send(s.started(start, session));
        Bus.send(s.match(start.plusSeconds(20), session, true));
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30))
                .until(() -> Bus.status(s.person).getString("state").equals("DUE")
                        && periodJob.runOnce(Instant.now()) >= 0
                        && Bus.status(s.person).getString("state").equals("FAILED_ONCE"));
        var failed = Bus.published(s.person, "AttemptFailed", 1);
        assertThat(((AttemptFailed) failed.get(0).data()).reasons()).containsExactly("verdict_timeout");
    }

    @Test
    void secondFailureOpensAppealAndReviewerApprovalCertifies() {
        Scenario s = collectedPerson();
        failingSession(s);
        Bus.awaitState(s.person, "FAILED_ONCE");
        failingSession(s);
        JsonPath status = Bus.awaitState(s.person, "APPEAL_UNDER_REVIEW");
        assertThat(status.getString("message")).isEqualTo("您的申诉正在审核中，请联系当地社保局");
        String appealId = status.getString("appeal.appealId");
        var opened = Bus.published(s.person, "AppealOpened", 1);
        assertThat(((AppealOpened) opened.get(0).data()).appealId().toString()).isEqualTo(appealId);
        assertThat(status.getString("appeal.dueDate")).isEqualTo(((AppealOpened) opened.get(0).data()).dueDate().toString());

        // queue of the person's bureau lists it; the other bureau neither lists nor reaches it
        given().header("Authorization", REVIEWER_A).get("/api/v1/appeals").then().statusCode(200)
                .body("findAll { it.appealId == '" + appealId + "' }.size()", equalTo(1));
        given().header("Authorization", REVIEWER_B).get("/api/v1/appeals").then().statusCode(200)
                .body("findAll { it.appealId == '" + appealId + "' }.size()", equalTo(0));
        given().header("Authorization", REVIEWER_B).get("/api/v1/appeals/{id}", appealId).then().statusCode(404);
        given().header("Authorization", REVIEWER_B).contentType(ContentType.JSON)
                .body(Map.of("approved", true, "reason", "本人")).post("/api/v1/appeals/{id}/decision", appealId)
                .then().statusCode(404);
        given().header("Authorization", CLERK_A).get("/api/v1/appeals").then().statusCode(403);

        JsonPath detail = given().header("Authorization", REVIEWER_A).get("/api/v1/appeals/{id}", appealId)
                .then().statusCode(200).extract().jsonPath();
        assertThat(detail.getList("attempts")).hasSize(2);
        assertThat(detail.getDouble("attempts[0].matchScore")).isEqualTo(0.31);
        assertThat(detail.getMap("attempts[0]")).doesNotContainKey("evidenceUrl"); // frames are shown through the console's proxy

        given().header("Authorization", REVIEWER_A).contentType(ContentType.JSON)
                .body(Map.of("approved", true, "reason", " ")).post("/api/v1/appeals/{id}/decision", appealId)
                .then().statusCode(400).body("errors[0].field", equalTo("reason"));
        given().header("Authorization", REVIEWER_A).contentType(ContentType.JSON)
                .body(Map.of("approved", true, "reason", "比对照片为本人，动作未完成系光线原因",
                        "viewedEvidence", detail.getList("attempts.sessionId"), "referencePhotosShown", 2))
                .post("/api/v1/appeals/{id}/decision", appealId)
                .then().statusCode(200).body("status", equalTo("APPROVED")).body("state", equalTo("CERTIFIED"));
        given().header("Authorization", REVIEWER_A).contentType(ContentType.JSON)
                .body(Map.of("approved", false, "reason", "再次审核")).post("/api/v1/appeals/{id}/decision", appealId)
                .then().statusCode(409);

        assertThat(Bus.status(s.person).getString("state")).isEqualTo("CERTIFIED");
        var certified = Bus.published(s.person, "PersonCertified", 1);
        assertThat(((PersonCertified) certified.get(0).data()).channel().name()).isEqualTo("APPROVED_APPEAL");
        assertThat(((PersonCertified) certified.get(0).data()).certifiedBy()).isEqualTo("reviewer-a");
        Bus.published(s.person, "AppealDecided", 1);

        var trail = audit.ofPerson(s.person);
        assertThat(trail).extracting(ReviewAudit.Entry::action).containsExactly(ReviewAudit.VIEWED, ReviewAudit.DECIDED);
        assertThat(trail.get(1).actor()).isEqualTo("reviewer-a");
        assertThat(trail.get(1).seen()).contains("matchScore").contains("0.31").contains("viewedEvidence")
                .contains("\"referencePhotosShown\": 2");
    }

    @Test
    void counterCertificationIsTheOnlyPathAfterRejection() {
        Scenario s = collectedPerson();
        failingSession(s);
        Bus.awaitState(s.person, "FAILED_ONCE");
        failingSession(s);
        String appealId = Bus.awaitState(s.person, "APPEAL_UNDER_REVIEW").getString("appeal.appealId");
        given().header("Authorization", REVIEWER_A).contentType(ContentType.JSON)
                .body(Map.of("approved", false, "reason", "照片与本人不符")).post("/api/v1/appeals/{id}/decision", appealId)
                .then().statusCode(200).body("state", equalTo("APPEAL_REJECTED"));
        JsonPath status = Bus.status(s.person);
        assertThat(status.getString("message")).isEqualTo("您的申诉审核未通过，请去当地社保大厅办理");

        // a self-service pass is refused now
        Bus.sendAll(s.session(Instant.now(), UUID.randomUUID(), true, true));
        assertThat(Bus.settled(s.person, "PersonCertified")).isEmpty();
        assertThat(Bus.status(s.person).getString("state")).isEqualTo("APPEAL_REJECTED");

        given().header("Authorization", CLERK_B).contentType(ContentType.JSON).body(Map.of())
                .post("/api/v1/persons/{id}/counter-certification", s.person).then().statusCode(404);
        given().header("Authorization", REVIEWER_A).contentType(ContentType.JSON).body(Map.of())
                .post("/api/v1/persons/{id}/counter-certification", s.person).then().statusCode(403);
        given().header("Authorization", CLERK_A).contentType(ContentType.JSON).body(Map.of("note", "本人到窗口"))
                .post("/api/v1/persons/{id}/counter-certification", s.person)
                .then().statusCode(200).body("state", equalTo("CERTIFIED"));
        given().header("Authorization", CLERK_A).contentType(ContentType.JSON).body(Map.of())
                .post("/api/v1/persons/{id}/counter-certification", s.person)
                .then().statusCode(409).body("code", equalTo("ALREADY_CERTIFIED"));

        var certified = (PersonCertified) Bus.published(s.person, "PersonCertified", 1).get(0).data();
        assertThat(certified.channel().name()).isEqualTo("COUNTER");
        assertThat(certified.certifiedBy()).isEqualTo("clerk-a");
        given().header("Authorization", CLERK_A).get("/api/v1/persons/{id}/certification", s.person).then()
                .statusCode(200).body("channel", equalTo("COUNTER")).body("certifiedBy", equalTo("clerk-a"));
    }

    @Test
    void collectionUnderReviewThenApprovedCountsAsCertified() {
        Scenario s = new Scenario();
        UUID collection = UUID.randomUUID();
        Instant now = Instant.now();
        Bus.send(s.enrolled(now.minusSeconds(10)), s.collectionSubmitted(now.minusSeconds(5), collection));
        assertThat(Bus.awaitState(s.person, "COLLECTION_UNDER_REVIEW").getString("message"))
                .isEqualTo("您的信息正在审核中，请联系当地社保局");
        Bus.send(s.collectionReviewed(now, collection, true));
        Bus.awaitState(s.person, "CERTIFIED");
        var certified = (PersonCertified) Bus.published(s.person, "PersonCertified", 1).get(0).data();
        assertThat(certified.channel().name()).isEqualTo("APPROVED_COLLECTION");
    }

    @Test
    void replayingTheInputTopicsRebuildsTheSameState() {
        // a few people in different states, decisions included
        Scenario certified = collectedPerson();
        Bus.sendAll(certified.session(Instant.now(), UUID.randomUUID(), true, true));
        Scenario failedOnce = collectedPerson();
        failingSession(failedOnce);
        Scenario approved = collectedPerson();
        failingSession(approved);
        Bus.awaitState(approved.person, "FAILED_ONCE");
        failingSession(approved);
        Scenario rejectedThenCounter = collectedPerson();
        failingSession(rejectedThenCounter);
        Bus.awaitState(rejectedThenCounter.person, "FAILED_ONCE");
        failingSession(rejectedThenCounter);
        Bus.awaitState(certified.person, "CERTIFIED");
        Bus.awaitState(failedOnce.person, "FAILED_ONCE");
        String a1 = Bus.awaitState(approved.person, "APPEAL_UNDER_REVIEW").getString("appeal.appealId");
        String a2 = Bus.awaitState(rejectedThenCounter.person, "APPEAL_UNDER_REVIEW").getString("appeal.appealId");
        given().header("Authorization", REVIEWER_A).contentType(ContentType.JSON)
                .body(Map.of("approved", true, "reason", "本人")).post("/api/v1/appeals/{id}/decision", a1).then().statusCode(200);
        given().header("Authorization", REVIEWER_A).contentType(ContentType.JSON)
                .body(Map.of("approved", false, "reason", "非本人")).post("/api/v1/appeals/{id}/decision", a2).then().statusCode(200);
        given().header("Authorization", CLERK_A).contentType(ContentType.JSON).body(Map.of())
                .post("/api/v1/persons/{id}/counter-certification", rejectedThenCounter.person).then().statusCode(200);

        Set<UUID> people = Set.of(certified.person, failedOnce.person, approved.person, rejectedThenCounter.person);
        Map<UUID, Object> before = new java.util.HashMap<>();
        people.forEach(p -> before.put(p, snapshot(p)));

        int folded = rebuild.rebuild(people, Instant.now());

        assertThat(folded).isEqualTo(4 * 2 + 6 * 3); // enrolment + template per person, 3 events per session
        people.forEach(p -> assertThat(snapshot(p)).as("person %s", p).isEqualTo(before.get(p)));
    }

    private static Object snapshot(UUID person) {
        Map<String, Object> all = given().header("Authorization", CLERK_A)
                .get("/api/v1/persons/{id}/certification", person).then().statusCode(200).extract().jsonPath().getMap("$");
        return all; // the whole bureau view: status, attempts, history
    }
}
