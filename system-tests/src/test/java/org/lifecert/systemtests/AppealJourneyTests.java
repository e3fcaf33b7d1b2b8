package org.lifecert.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.lifecert.events.Topics;
import org.lifecert.systemtests.clients.Attempts;
import org.lifecert.systemtests.clients.Certification;
import org.lifecert.systemtests.clients.Enrollment;
import org.lifecert.systemtests.clients.Gateway;
import org.lifecert.systemtests.clients.TestPerson;
import org.lifecert.systemtests.frames.Images;
import org.lifecert.systemtests.stack.Api;
import org.lifecert.systemtests.stack.Require;
import org.lifecert.systemtests.stack.StackExtension;
import org.lifecert.systemtests.stack.SystemStack;
import org.lifecert.testing.TopicReader;

/**
 * Journey 3 (REST level): someone else's face, twice. The recipient is enrolled with a real photo
 * of one person (verify/amy/1.png); the camera shows another real person (the webcam recording, with
 * the challenged actions performed: see ActionFrames). First failure -> FAILED_ONCE, second ->
 * appeal opened automatically; the reviewer sees the evidence and rejects; only the counter remains,
 * and a clerk certifies there.
 */
@ExtendWith(StackExtension.class)
@Order(4)
class AppealJourneyTests {

    @Test
    void someoneElsesFaceTwiceOpensAnAppealAndARejectionLeavesOnlyTheCounter() {
        Require.services("enrollment-service", "capture-gateway", "liveness-service", "face-match-service", "appeal-service");
        TestPerson person = TestPerson.random();
        UUID personId = Enrollment.importExisting(person, Images.verifyPhotos("amy"), "image/png");
        Certification.awaitState(personId, "DUE", Duration.ofSeconds(60));

        Gateway.Login login = Gateway.login(person.idNumber());
        Attempts.Outcome first = Attempts.performWithWebcamPerson(login, null, 31);
        assertThat(first.outcome()).as(first.result().toString()).isEqualTo("FAILED");
        assertThat(first.result().path("retryAllowed").asBoolean()).isTrue();
        JsonNode once = Certification.awaitState(personId, "FAILED_ONCE", Duration.ofSeconds(30));
        assertThat(once.path("message").asText()).isEqualTo("认证失败，可以再次认证");
        assertThat(once.path("failedAttempts").asInt()).isEqualTo(1);
        assertThat(first.reasons()).as("face-match-service: another person's face").contains("NOT_MATCHED");
        JsonNode firstAttempt = Certification.bureauView("reviewer", personId).path("attempts").get(0);
        assertThat(firstAttempt.path("reasons").toString()).contains("NOT_MATCHED");

        Attempts.Outcome second = Attempts.performWithWebcamPerson(Gateway.login(person.idNumber()), null, 32);
        assertThat(second.outcome()).as(second.result().toString()).isEqualTo("APPEAL_OPENED");
        assertThat(second.result().path("appealDueDate").asText()).isNotBlank();
        JsonNode appealState = Certification.awaitState(personId, "APPEAL_UNDER_REVIEW", Duration.ofSeconds(30));
        assertThat(appealState.path("message").asText()).isEqualTo("您的申诉正在审核中，请联系当地社保局");

        // the page, at the next login, shows the appeal notice and allows no attempt
        JsonNode atLogin = Gateway.login(person.idNumber()).body().path("certification");
        assertThat(atLogin.path("allowed").asBoolean()).isFalse();
        assertThat(atLogin.path("message").asText()).isEqualTo("您的申诉正在审核中，请联系当地社保局");

        // the reviewer sees the appeal, both attempts and their best frames
        JsonNode queued = Certification.appealInQueue("reviewer", personId);
        UUID appealId = UUID.fromString(queued.path("appealId").asText());
        JsonNode detail = Certification.appealDetail("reviewer", appealId);
        assertThat(detail.path("attempts")).hasSize(2);
        List<UUID> viewed = new ArrayList<>();
        for (JsonNode attempt : detail.path("attempts")) {
            UUID sessionId = UUID.fromString(attempt.path("sessionId").asText());
            JsonNode evidence = Gateway.evidence("reviewer", sessionId).expect(200).json();
            assertThat(evidence.path("frames").size()).as("best frames of session " + sessionId).isPositive();
            viewed.add(sessionId);
        }
        assertThat(Gateway.evidence("clerk-other", viewed.get(0)).status()).as("other bureau").isIn(403, 404);

        Certification.decideAppeal("reviewer", appealId, false, "比对照片与本人不符", viewed).expect(200);
        JsonNode rejected = Certification.awaitState(personId, "APPEAL_REJECTED", Duration.ofSeconds(30));
        assertThat(rejected.path("message").asText()).isEqualTo("您的申诉审核未通过，请去当地社保大厅办理");
        Api.Response refused = Gateway.tryLogin(person.idNumber());
        assertThat(refused.text()).as("the page after the rejection").contains("您的申诉审核未通过，请去当地社保大厅办理");
        assertThat(Gateway.tryStart(Gateway.login(person.idNumber()), null).status()).as("no self-service attempt").isEqualTo(409);

        Certification.counterCertify("clerk", personId, "本人到窗口办理").expect(200);
        Certification.awaitState(personId, "CERTIFIED", Duration.ofSeconds(30));
        assertThat(Certification.bureauView("clerk", personId).path("channel").asText()).isEqualTo("COUNTER");

        TopicReader topics = SystemStack.get().topics();
        assertThat(topics.settle(Topics.CERTIFICATION, r -> personId.toString().equals(r.key())
                && TopicReader.valueContains("AttemptFailed").test(r), Duration.ofSeconds(3)))
                .as("each failed attempt announced exactly once").hasSize(2);
        assertThat(topics.settle(Topics.CERTIFICATION, r -> personId.toString().equals(r.key())
                && TopicReader.valueContains("AppealOpened").test(r), Duration.ofSeconds(2))).hasSize(1);
    }
}
