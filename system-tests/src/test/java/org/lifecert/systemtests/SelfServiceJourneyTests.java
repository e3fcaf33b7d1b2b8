package org.lifecert.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.lifecert.events.Topics;
import org.lifecert.systemtests.clients.Attempts;
import org.lifecert.systemtests.clients.Certification;
import org.lifecert.systemtests.clients.Enrollment;
import org.lifecert.systemtests.clients.Gateway;
import org.lifecert.systemtests.clients.MailCatcher;
import org.lifecert.systemtests.clients.QuietHours;
import org.lifecert.systemtests.clients.WebhookReceiver;
import org.awaitility.Awaitility;
import org.lifecert.systemtests.stack.Api;
import org.lifecert.systemtests.clients.TestPerson;
import org.lifecert.systemtests.frames.ActionFrames;
import org.lifecert.systemtests.frames.Images;
import org.lifecert.systemtests.stack.Require;
import org.lifecert.systemtests.stack.StackExtension;
import org.lifecert.systemtests.stack.SystemStack;
import org.lifecert.testing.TopicReader;

/**
 * Journeys 2 and 4 (REST level, through the gateway API the page uses). The recipient is the person
 * of the webcam recordings: enrolled with frames of webcam-b as reference photos, certifying with
 * action frames cut from webcam-a (how: {@link ActionFrames}). "Next period" is a recipient already
 * on the bureau's books: imported from the roster (no new collection) and given reference photos,
 * so appeal-service has them DUE now (see {@link Enrollment#importExisting}).
 */
@ExtendWith(StackExtension.class)
@Order(3)
class SelfServiceJourneyTests {

    @Test
    void recipientCertifiesHimselfWithTheChallengedActions() {
        Require.services("enrollment-service", "capture-gateway", "liveness-service", "face-match-service", "appeal-service",
                "notification-service");
        try (QuietHours lifted = QuietHours.liftedFor("demo-bureau")) {
            certifiesAndIsTold(WebhookReceiver.forDemoBureau());
        }
    }

    /** Journey 2; demo-bureau's SMS quiet hours are lifted, so the success SMS goes out whatever the hour. */
    private static void certifiesAndIsTold(WebhookReceiver webhook) {
        TestPerson person = TestPerson.random();
        UUID personId = Enrollment.importExisting(person, Attempts.webcamPersonReferencePhotos(), "image/jpeg");
        Certification.awaitState(personId, "DUE", Duration.ofSeconds(60));

        Gateway.Login login = Gateway.login(person.idNumber());
        assertThat(login.personId()).isEqualTo(personId);
        assertThat(login.body().path("certification").path("allowed").asBoolean()).as(login.body().toString()).isTrue();

        java.util.List<Attempts.Outcome> attempts = Attempts.certify(person.idNumber(), null, 1);
        Attempts.Outcome attempt = attempts.get(attempts.size() - 1);

        assertThat(attempt.outcome()).as("challenge %s: %s", attempt.session().actions(), attempt.result())
                .isEqualTo("CERTIFIED");
        assertThat(attempt.result().path("nextPeriodStart").asText()).as("the page shows the next period").isNotBlank();
        JsonNode state = Certification.awaitState(personId, "CERTIFIED", Duration.ofSeconds(30));
        assertThat(state.path("message").asText()).startsWith("您本期已认证成功");
        assertThat(Certification.bureauView("clerk", personId).path("channel").asText()).isEqualTo("SELF_SERVICE");

        TopicReader topics = SystemStack.get().topics();
        String session = attempt.session().sessionId().toString();
        assertThat(topics.await(Topics.MATCH_VERDICTS, TopicReader.valueContains(session), 1, Duration.ofSeconds(10)))
                .as("one MatchVerdict for the session").hasSize(1);
        assertThat(topics.await(Topics.LIVENESS_VERDICTS, TopicReader.valueContains(session), 1, Duration.ofSeconds(10)))
                .as("one LivenessVerdict for the session").hasSize(1);
        assertThat(topics.settle(Topics.CERTIFICATION, r -> personId.toString().equals(r.key())
                && TopicReader.valueContains("PersonCertified").test(r), Duration.ofSeconds(3)))
                .as("exactly one PersonCertified").hasSize(1);

        // notification-service told the recipient (in-app + e-mail) and the bureau (signed webhook)
        Awaitility.await("in-app success message").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                .until(() -> Api.of("notification-service").get("/internal/v1/persons/" + personId + "/messages").json()
                        .toString().contains("PersonCertified"));
        // e-mail: the reminder that the period opened (CertificationDue) and the success message
        Awaitility.await("reminder and success e-mail to " + person.email()).atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofSeconds(1)).until(() -> mailed(person, "认证期已开始") && mailed(person, "认证成功"));
        Awaitility.await("SMS to " + person.phone() + " in the stack's mailbox").atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofSeconds(1)).until(() -> smsReceived(person, "认证成功"));
        Awaitility.await("signed PersonCertified webhook").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                .until(() -> webhook.deliveries().stream().anyMatch(d -> d.body().contains(personId.toString())
                        && d.body().contains("PersonCertified")));
        assertThat(webhook.deliveries().stream().filter(d -> d.body().contains(personId.toString())))
                .as("every delivery about the person carries a valid v1 signature")
                .allMatch(WebhookReceiver.Delivery::signatureValid);

        // a second login this period is answered with the seed's words and allows no attempt
        JsonNode again = Gateway.login(person.idNumber()).body().path("certification");
        assertThat(again.path("allowed").asBoolean()).isFalse();
        assertThat(again.path("message").asText()).startsWith("您本期已认证成功");
    }

    /** Whether an e-mail to the person has a subject containing {@code words}. */
    private static boolean mailed(TestPerson person, String words) {
        return MailCatcher.subjectsTo(person.email()).stream().anyMatch(subject -> subject.contains(words));
    }

    private static boolean smsReceived(TestPerson person, String words) {
        return StreamSupport.stream(SystemStack.get().mailboxMessages().spliterator(), false)
                .anyMatch(m -> m.path("channel").asText().equals("SMS") && m.path("to").asText().equals(person.phone())
                        && m.path("text").asText().contains(words));
    }

    @Test
    void printedPhotoHeldToTheCameraFailsOnAntiSpoofing() {
        Require.services("enrollment-service", "capture-gateway", "liveness-service", "face-match-service", "appeal-service");
        TestPerson person = TestPerson.random();
        UUID personId = Enrollment.importExisting(person, Attempts.webcamPersonReferencePhotos(), "image/jpeg");
        Certification.awaitState(personId, "DUE", Duration.ofSeconds(60));
        Gateway.Login login = Gateway.login(person.idNumber());

        // liveness/spoof/F1.jpg: a real presentation attack sample (Silent-Face-Anti-Spoofing), shown
        // still for every step as a photo held to the camera would be
        byte[] spoof = Images.read(Images.FACES.resolve("liveness/spoof/F1.jpg"));
        Attempts.Outcome attempt = Attempts.perform(login, null,
                actions -> ActionFrames.stillImage(spoof, actions.size(), 12, 4));

        assertThat(attempt.outcome()).as(attempt.result().toString()).isEqualTo("FAILED");
        assertThat(attempt.reasons()).as("reasons shown to the recipient").contains("SPOOF_SUSPECTED");
        JsonNode state = Certification.awaitState(personId, "FAILED_ONCE", Duration.ofSeconds(30));
        assertThat(state.path("message").asText()).isEqualTo("认证失败，可以再次认证");
    }
}
