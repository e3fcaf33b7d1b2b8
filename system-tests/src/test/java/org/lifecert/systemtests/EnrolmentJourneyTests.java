package org.lifecert.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.lifecert.events.Topics;
import org.lifecert.systemtests.clients.Certification;
import org.lifecert.systemtests.clients.Enrollment;
import org.lifecert.systemtests.clients.TestPerson;
import org.lifecert.systemtests.frames.Images;
import org.lifecert.systemtests.stack.Api;
import org.lifecert.systemtests.stack.Require;
import org.lifecert.systemtests.stack.StackExtension;
import org.lifecert.systemtests.stack.SystemStack;
import org.lifecert.testing.TopicReader;

/**
 * Journey 1 (REST level): a clerk, logged in through Keycloak, enrols a person at the counter with a
 * real face photo (verify/leonard/1.png of the shared face set, uploaded as the PNG it is); a
 * reviewer approves the collection; appeal-service has the person certified for the period by the
 * approved collection. Crosses enrollment-service -> outbox/Debezium -> Kafka -> appeal-service.
 */
@ExtendWith(StackExtension.class)
@Order(2)
class EnrolmentJourneyTests {

    @Test
    void approvedCollectionCertifiesThePeriod() {
        Require.services("enrollment-service", "appeal-service");
        TestPerson person = TestPerson.random();

        UUID personId = Enrollment.enrol("clerk", person);
        Enrollment.uploadReferencePhotos("clerk", personId, List.of(Images.verifyPhoto("leonard", 1)), "image/png").expect(201);

        JsonNode underReview = Certification.awaitState(personId, "COLLECTION_UNDER_REVIEW", Duration.ofSeconds(60));
        assertThat(underReview.path("message").asText()).isEqualTo("您的信息正在审核中，请联系当地社保局");
        assertThat(underReview.path("bureau").asText()).isEqualTo("demo-bureau");

        // another bureau's clerk does not see the person at all
        assertThat(Api.of("enrollment-service").as("clerk-other").get("/api/v1/persons/" + personId).status()).isEqualTo(404);

        JsonNode collection = Enrollment.pendingCollectionOf("reviewer", personId);
        Enrollment.review("reviewer", UUID.fromString(collection.path("collectionId").asText()), true, null).expect(200);

        JsonNode certified = Certification.awaitState(personId, "CERTIFIED", Duration.ofSeconds(60));
        assertThat(certified.path("message").asText()).startsWith("您本期已认证成功");
        assertThat(certified.path("nextPeriodStart").isMissingNode() || certified.path("nextPeriodStart").isNull())
                .as("next period announced: " + certified).isFalse();
        JsonNode view = Certification.bureauView("clerk", personId);
        assertThat(view.path("channel").asText()).isEqualTo("APPROVED_COLLECTION");
        assertThat(view.path("certifiedBy").asText()).isEqualTo("reviewer");

        TopicReader topics = SystemStack.get().topics();
        assertThat(topics.await(Topics.CERTIFICATION, r -> personId.toString().equals(r.key())
                && TopicReader.valueContains("PersonCertified").test(r)
                && TopicReader.valueContains("APPROVED_COLLECTION").test(r), 1, Duration.ofSeconds(30)))
                .as("PersonCertified (APPROVED_COLLECTION) on " + Topics.CERTIFICATION).hasSize(1);
    }
}
