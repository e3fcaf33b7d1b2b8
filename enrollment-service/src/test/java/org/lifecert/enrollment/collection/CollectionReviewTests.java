package org.lifecert.enrollment.collection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.lifecert.enrollment.PersonForms;
import org.lifecert.enrollment.Staff;
import org.lifecert.enrollment.audit.AuditTrail;
import org.lifecert.events.CollectionReviewed;
import org.lifecert.events.CollectionSubmitted;
import org.lifecert.events.EventCodec;
import org.lifecert.events.Topics;
import org.lifecert.testing.LifeCertTestResource;
import org.lifecert.testing.LockRace;
import org.lifecert.testing.TopicReader;

@QuarkusTest
@QuarkusTestResource(value = LifeCertTestResource.class, initArgs = @ResourceArg(name = "database", value = "enrollment"))
class CollectionReviewTests {

    private final TopicReader topic = TopicReader.onTestBroker();

    @Inject
    AuditTrail audit;

    private String pendingCollectionOf(String personId) {
        return Staff.reviewerA().queryParam("status", "PENDING").queryParam("personId", personId).get("/api/v1/collections")
                .then().statusCode(200).extract().jsonPath()
                .<String>getList("findAll { it.personId == '" + personId + "' }.collectionId").get(0);
    }

    @Test
    void enrolmentSubmitsACollectionThatReviewersSeePending() {
        String personId = Staff.enrolInA(PersonForms.valid());
        String collectionId = pendingCollectionOf(personId);
        var records = topic.await(Topics.ENROLLMENT,
                r -> r.key().equals(personId) && new String(r.value(), StandardCharsets.UTF_8).contains("CollectionSubmitted"),
                1, Duration.ofSeconds(30));
        CollectionSubmitted submitted = (CollectionSubmitted) EventCodec.shared().decode(records.get(0).value()).data();
        assertThat(submitted.collectionId().toString()).isEqualTo(collectionId);
        assertThat(submitted.channel()).isEqualTo("COUNTER");
        assertThat(submitted.submittedBy()).isEqualTo("clerk-a");
    }

    @Test
    void approvalIsPublishedAuditedAndFinal() {
        String personId = Staff.enrolInA(PersonForms.valid());
        String collectionId = pendingCollectionOf(personId);

        Staff.reviewerA().body(Map.of("approved", true)).post("/api/v1/collections/" + collectionId + "/review")
                .then().statusCode(200).body("status", equalTo("APPROVED")).body("reviewer", equalTo("reviewer-a"));

        var records = topic.await(Topics.ENROLLMENT,
                r -> r.key().equals(personId) && new String(r.value(), StandardCharsets.UTF_8).contains("CollectionReviewed"),
                1, Duration.ofSeconds(30));
        CollectionReviewed reviewed = (CollectionReviewed) EventCodec.shared().decode(records.get(0).value()).data();
        assertThat(reviewed.approved()).isTrue();
        assertThat(reviewed.reviewer()).isEqualTo("reviewer-a");
        assertThat(audit.of(UUID.fromString(collectionId))).extracting(e -> e.action)
                .containsExactly("COLLECTION_SUBMITTED", "COLLECTION_APPROVED");
        Staff.reviewerA().body(Map.of("approved", false, "reason", "照片不清晰")).post("/api/v1/collections/" + collectionId + "/review")
                .then().statusCode(409).body("message", equalTo("该采集信息已审核"));
        Staff.reviewerA().get("/api/v1/collections?status=PENDING&personId=" + personId).then()
                .body("collectionId", not(hasItem(collectionId)));
        Staff.reviewerA().get("/api/v1/collections?status=APPROVED&personId=" + personId).then()
                .body("collectionId", hasItem(collectionId));
    }

    @Inject
    CollectionService collections;

    @Inject
    io.agroal.api.AgroalDataSource dataSource;

    @Test
    void secondReviewerOfTheSameCollectionWaitsForTheFirstAndIsTold409() throws Exception {
        String personId = Staff.enrolInA(PersonForms.valid());
        String collectionId = pendingCollectionOf(personId);
        // reviewer A's decision is made and not yet committed when reviewer B's arrives
        var second = LockRace.secondWhileFirstHolds(work -> QuarkusTransaction.requiringNew().run(work),
                () -> collections.review(Staff.BUREAU_A, "reviewer-a", UUID.fromString(collectionId),
                        new ReviewDecision(true, null)),
                () -> Staff.reviewerA().body(Map.of("approved", false, "reason", "照片不清晰"))
                        .post("/api/v1/collections/" + collectionId + "/review"), dataSource);
        second.then().statusCode(409).body("message", equalTo("该采集信息已审核"));
        Staff.reviewerA().get("/api/v1/collections?status=APPROVED&personId=" + personId).then()
                .body("collectionId", hasItem(collectionId));
        assertThat(audit.of(UUID.fromString(collectionId))).extracting(e -> e.action)
                .containsExactly("COLLECTION_SUBMITTED", "COLLECTION_APPROVED");
        topic.await(Topics.ENROLLMENT, r -> r.key().equals(personId)
                && new String(r.value(), StandardCharsets.UTF_8).contains("CollectionReviewed"), 1, Duration.ofSeconds(30));
        var reviewed = topic.settle(Topics.ENROLLMENT, r -> r.key().equals(personId)
                && new String(r.value(), StandardCharsets.UTF_8).contains("CollectionReviewed"), Duration.ofSeconds(3));
        assertThat(reviewed).hasSize(1);
        assertThat(((CollectionReviewed) EventCodec.shared().decode(reviewed.get(0).value()).data()).approved()).isTrue();
    }

    @Test
    void rejectionNeedsAReasonWhichIsPublished() {
        String personId = Staff.enrolInA(PersonForms.valid());
        String collectionId = pendingCollectionOf(personId);

        Staff.reviewerA().body(Map.of("approved", false)).post("/api/v1/collections/" + collectionId + "/review")
                .then().statusCode(400).body("message", equalTo("请填写审核不通过的原因"))
                .body("errors[0].field", equalTo("reason"));
        Staff.reviewerA().body(Map.of("approved", false, "reason", "  ")).post("/api/v1/collections/" + collectionId + "/review")
                .then().statusCode(400);
        Staff.reviewerA().body(Map.of("approved", false, "reason", "照片与本人不符")).post("/api/v1/collections/" + collectionId + "/review")
                .then().statusCode(200).body("status", equalTo("REJECTED")).body("reason", equalTo("照片与本人不符"));

        var records = topic.await(Topics.ENROLLMENT,
                r -> r.key().equals(personId) && new String(r.value(), StandardCharsets.UTF_8).contains("CollectionReviewed"),
                1, Duration.ofSeconds(30));
        CollectionReviewed reviewed = (CollectionReviewed) EventCodec.shared().decode(records.get(0).value()).data();
        assertThat(reviewed.approved()).isFalse();
        assertThat(reviewed.reason()).isEqualTo("照片与本人不符");
    }

    @Test
    void reviewersSeeTheLatestAcceptedReferencePhotosOfACollection() {
        String personId = Staff.enrolInA(PersonForms.valid());
        String collectionId = pendingCollectionOf(personId);
        Staff.reviewerA().get("/api/v1/collections/" + collectionId + "/reference-photos").then().statusCode(200)
                .body("size()", equalTo(0));
        Staff.clerkA().contentType("multipart/form-data")
                .multiPart("photo", org.lifecert.testing.SharedData.face("verify/amy/2.png").toFile())
                .post("/api/v1/persons/" + personId + "/reference-photos").then().statusCode(201);

        var photos = Staff.reviewerA().get("/api/v1/collections/" + collectionId + "/reference-photos").then().statusCode(200)
                .extract().jsonPath();
        assertThat(photos.getList("contentType")).containsExactly("image/png");
        byte[] png = java.util.Base64.getDecoder().decode(photos.getString("[0].dataBase64"));
        assertThat(png).startsWith(new byte[] {(byte) 0x89, 'P', 'N', 'G'});
        Staff.clerkA().get("/api/v1/collections/" + collectionId + "/reference-photos").then().statusCode(403);
    }

    @Test
    void onlyReviewersDecide() {
        String personId = Staff.enrolInA(PersonForms.valid());
        String collectionId = pendingCollectionOf(personId);
        Staff.clerkA().body(Map.of("approved", true)).post("/api/v1/collections/" + collectionId + "/review")
                .then().statusCode(403);
        Staff.clerkA().get("/api/v1/collections").then().statusCode(403);
        Staff.reviewerA().get("/api/v1/collections?status=MAYBE").then().statusCode(400);
    }
}
