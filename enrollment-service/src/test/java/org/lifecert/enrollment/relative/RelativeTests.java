package org.lifecert.enrollment.relative;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.lifecert.enrollment.PersonForms;
import org.lifecert.enrollment.Staff;
import org.lifecert.enrollment.person.PersonForm;
import org.lifecert.events.Decision;
import org.lifecert.events.Envelope;
import org.lifecert.events.EventCodec;
import org.lifecert.events.MatchVerdict;
import org.lifecert.events.RelativeLinked;
import org.lifecert.events.TestEvents;
import org.lifecert.events.Topics;
import org.lifecert.enrollment.audit.AuditTrail;
import org.lifecert.testing.LifeCertTestResource;
import org.lifecert.testing.LockRace;
import org.lifecert.testing.TopicReader;

@QuarkusTest
@QuarkusTestResource(value = LifeCertTestResource.class, initArgs = @ResourceArg(name = "database", value = "enrollment"))
class RelativeTests {

    static final Path DOCUMENT = org.lifecert.testing.SharedData.face("liveness/live/T1.jpg");

    private final TopicReader topic = TopicReader.onTestBroker();

    @Inject
    AuditTrail audit;

    static Map<String, Object> request(String recipientId, PersonForm member, String relationship) throws Exception {
        Map<String, Object> body = new HashMap<>();
        body.put("relativePersonId", recipientId);
        body.put("idNumber", member.idNumber());
        body.put("surname", member.surname());
        body.put("givenName", member.givenName());
        body.put("relationship", relationship);
        body.put("documentPhotoBase64", Base64.getEncoder().encodeToString(Files.readAllBytes(DOCUMENT)));
        return body;
    }

    record Family(PersonForm member, String memberId, String recipientId) {
    }

    /** Two people of bureau A, not linked yet: a family member and the recipient who will ask to certify for them. */
    static Family family() throws Exception {
        PersonForm member = PersonForms.valid();
        String memberId = Staff.enrolInA(member);
        return new Family(member, memberId, Staff.enrolInA(PersonForms.valid()));
    }

    record PendingLink(String memberId, String recipientId, String linkId) {
    }

    /** Two people of bureau A, the second asking to certify for the first: the link, PENDING. */
    static PendingLink pendingLink(String relationship) throws Exception {
        Family family = family();
        String linkId = given().contentType("application/json")
                .body(request(family.recipientId(), family.member(), relationship))
                .post("/internal/v1/relatives").then().statusCode(201).extract().path("linkId");
        return new PendingLink(family.memberId(), family.recipientId(), linkId);
    }

    @Test
    void recipientAddsARelativeWhoIsPendingUntilTheFirstProxyMatch() throws Exception {
        Family family = family();
        PersonForm member = family.member();
        String memberId = family.memberId();
        String recipientId = family.recipientId();

        String linkId = given().contentType("application/json").body(request(recipientId, member, "子女"))
                .post("/internal/v1/relatives").then().statusCode(201)
                .body("personId", equalTo(memberId)).body("name", equalTo("张三丰")).body("status", equalTo("PENDING"))
                .extract().path("linkId");
        given().get("/internal/v1/relatives?relativePersonId=" + recipientId).then().statusCode(200)
                .body("$", hasSize(1)).body("[0].linkId", equalTo(linkId)).body("[0].status", equalTo("PENDING"));
        RelativeLinked pending = linked(linkId, "PENDING");
        assertThat(pending.personId().toString()).isEqualTo(memberId);
        assertThat(pending.relativePersonId().toString()).isEqualTo(recipientId);

        UUID session = UUID.randomUUID();
        var started = TestEvents.sessionStarted(session, UUID.fromString(memberId));
        started = new org.lifecert.events.SessionStarted(started.sessionId(), started.personId(), started.challenge(),
                started.nonce(), started.deadline(), started.channel(), UUID.fromString(recipientId));
        publish(Envelope.of("capture-gateway", memberId, Staff.BUREAU_A, started));
        MatchVerdict verdict = TestEvents.matchVerdict(session, UUID.fromString(memberId));
        assertThat(verdict.decision()).isEqualTo(Decision.PASS);
        publish(Envelope.of("face-match-service", memberId, Staff.BUREAU_A, verdict));

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                given().get("/internal/v1/relatives?relativePersonId=" + recipientId).then().body("[0].status", equalTo("ACTIVE")));
        linked(linkId, "ACTIVE");

        Staff.clerkA().post("/api/v1/persons/" + memberId + "/relatives/" + linkId + "/unlink").then().statusCode(200)
                .body("status", equalTo("UNLINKED"));
        linked(linkId, "UNLINKED");
        given().get("/internal/v1/relatives?relativePersonId=" + recipientId).then().body("$", hasSize(0));
        Staff.clerkA().get("/api/v1/persons/" + memberId + "/relatives").then().statusCode(200)
                .body("[0].status", equalTo("UNLINKED")).body("[0].relationship", equalTo("子女"));
        assertThat(audit.of(UUID.fromString(linkId))).extracting(e -> e.action)
                .containsExactly("RELATIVE_LINKED", "RELATIVE_ACTIVATED", "RELATIVE_UNLINKED");
    }

    /** What capture-gateway and face-match-service publish, sent to the real broker. */
    private static void publish(Envelope<?> event) throws Exception {
        try (var producer = new org.apache.kafka.clients.producer.KafkaProducer<String, byte[]>(Map.of(
                "bootstrap.servers", org.lifecert.testing.TestInfrastructure.get().kafkaBootstrapServers()),
                new org.apache.kafka.common.serialization.StringSerializer(),
                new org.apache.kafka.common.serialization.ByteArraySerializer())) {
            producer.send(new org.apache.kafka.clients.producer.ProducerRecord<>(event.topic(), event.partitionKey(),
                    EventCodec.shared().encodeBytes(event))).get();
        }
    }

    private RelativeLinked linked(String linkId, String status) {
        var records = topic.await(Topics.ENROLLMENT, r -> {
            String v = new String(r.value(), StandardCharsets.UTF_8);
            return v.contains(linkId) && v.contains("\"" + status + "\"");
        }, 1, Duration.ofSeconds(30));
        assertThat(records).isNotEmpty();
        return (RelativeLinked) EventCodec.shared().decode(records.get(0).value()).data();
    }

    @Inject
    RelativeService relatives;

    @Inject
    io.agroal.api.AgroalDataSource dataSource;

    @Inject
    jakarta.persistence.EntityManager entityManager;

    @Test
    void firstProxyMatchThatArrivesWhileTheLinkIsBeingUnlinkedDoesNotBringItBack() throws Exception {
        PendingLink link = pendingLink("子女");
        String memberId = link.memberId();
        String recipientId = link.recipientId();
        String linkId = link.linkId();
        // the clerk's unlink is written and not yet committed when the match verdict's consumer activates the link
        boolean activated = LockRace.secondWhileFirstHolds(work -> QuarkusTransaction.requiringNew().run(work), () -> {
            relatives.unlinkByClerk(Staff.BUREAU_A, UUID.fromString(memberId), UUID.fromString(linkId), "clerk-a");
            entityManager.flush();
        }, () -> relatives.activate(UUID.fromString(memberId), UUID.fromString(recipientId), "face-match:test"), dataSource);
        assertThat(activated).isFalse();
        Staff.clerkA().get("/api/v1/persons/" + memberId + "/relatives").then().statusCode(200)
                .body("[0].status", equalTo("UNLINKED"));
        given().get("/internal/v1/relatives?relativePersonId=" + recipientId).then().body("$", hasSize(0));
        assertThat(audit.of(UUID.fromString(linkId))).extracting(e -> e.action)
                .containsExactly("RELATIVE_LINKED", "RELATIVE_UNLINKED");
    }

    @Test
    void sameRelativeAskedForTwiceAtOnceMakesOneLinkAndTellsTheSecondItExists() throws Exception {
        Family family = family();
        Map<String, Object> body = request(family.recipientId(), family.member(), "子女");
        RelativeRequest asked = new RelativeRequest(UUID.fromString(family.recipientId()), (String) body.get("idNumber"),
                family.member().surname(), family.member().givenName(), "子女", (String) body.get("documentPhotoBase64"));
        // a double tap: the first request's link is written and not yet committed when the second arrives
        int second = LockRace.secondWhileFirstHolds(work -> QuarkusTransaction.requiringNew().run(work), () -> {
            relatives.add(asked);
            entityManager.flush();
        }, () -> given().contentType("application/json").body(body).post("/internal/v1/relatives").then()
                .extract().statusCode(), dataSource);

        assertThat(second).isEqualTo(409);
        given().get("/internal/v1/relatives?relativePersonId=" + family.recipientId()).then().body("$", hasSize(1));
    }

    @Test
    void recipientUnlinksTheirOwnLinkOnly() throws Exception {
        PendingLink link = pendingLink("配偶");
        String recipientId = link.recipientId();
        String linkId = link.linkId();
        given().delete("/internal/v1/relatives/" + linkId + "?relativePersonId=" + UUID.randomUUID()).then().statusCode(404);
        given().delete("/internal/v1/relatives/" + linkId + "?relativePersonId=" + recipientId).then().statusCode(200)
                .body("status", equalTo("UNLINKED"));
        linked(linkId, "UNLINKED");
    }

    @Test
    void relativeRequestsAreCheckedWithMessagesForTheRecipient() throws Exception {
        Family family = family();
        PersonForm member = family.member();
        String recipientId = family.recipientId();

        Map<String, Object> wrongName = request(recipientId, member, "子女");
        wrongName.put("givenName", "四");
        given().contentType("application/json").body(wrongName).post("/internal/v1/relatives").then().statusCode(400)
                .body("message", equalTo("亲属姓名与身份证号不符"));

        Map<String, Object> unknown = request(recipientId, PersonForms.valid(), "子女");
        given().contentType("application/json").body(unknown).post("/internal/v1/relatives").then().statusCode(404)
                .body("message", equalTo("您的亲属信息未采集，请联系当地社保局进行采集"));

        Map<String, Object> broken = request(recipientId, member, "邻居");
        broken.put("idNumber", "123");
        broken.put("documentPhotoBase64", Base64.getEncoder().encodeToString("not an image".getBytes()));
        given().contentType("application/json").body(broken).post("/internal/v1/relatives").then().statusCode(400)
                .body("errors.message", org.hamcrest.Matchers.contains("请输入正确的身份证号", "请选择与亲属的关系", "身份凭证照片无法识别，请上传JPG或PNG格式的照片"));

        given().contentType("application/json").body(request(recipientId, member, "子女")).post("/internal/v1/relatives")
                .then().statusCode(201);
        given().contentType("application/json").body(request(recipientId, member, "子女")).post("/internal/v1/relatives")
                .then().statusCode(409).body("message", equalTo("该亲属已添加"));
    }

    @Test
    void aPersonCanBeCertifiedByAtMostTheConfiguredNumberOfRelatives() throws Exception {
        PersonForm member = PersonForms.valid();
        Staff.enrolInA(member);
        for (int i = 0; i < 5; i++) {
            String recipientId = Staff.enrolInA(PersonForms.valid());
            given().contentType("application/json").body(request(recipientId, member, "子女")).post("/internal/v1/relatives")
                    .then().statusCode(201);
        }
        String sixth = Staff.enrolInA(PersonForms.valid());
        given().contentType("application/json").body(request(sixth, member, "子女")).post("/internal/v1/relatives")
                .then().statusCode(409).body("message", equalTo("该亲属的亲情账户数量已达上限"));
    }
}
