package org.lifecert.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.lifecert.systemtests.clients.Attempts;
import org.lifecert.systemtests.clients.Certification;
import org.lifecert.systemtests.clients.Enrollment;
import org.lifecert.systemtests.clients.Gateway;
import org.lifecert.systemtests.clients.TestPerson;
import org.lifecert.systemtests.frames.Footage;
import org.lifecert.systemtests.frames.Images;
import org.lifecert.systemtests.stack.Api;
import org.lifecert.systemtests.stack.Require;
import org.lifecert.systemtests.stack.StackExtension;

/**
 * Journey 5 (REST level): 亲情服务. A recipient (enrolled with verify/leonard/1.png) adds a family
 * member — the person of the webcam recordings, with a webcam-b frame as the photo of the identity
 * document — then, logged in at the gateway, certifies that member in proxy mode: the camera shows
 * the member (action frames of webcam-a), and the member becomes CERTIFIED via RELATIVE.
 *
 * <p>The link is added through enrollment-service's internal API (POST /internal/v1/relatives), the
 * call the gateway makes for a logged-in recipient: capture-gateway offers no recipient endpoint to
 * add a relative yet (gap, see README).
 */
@ExtendWith(StackExtension.class)
@Order(5)
class RelativeJourneyTests {

    @Test
    void relativeCertifiesALinkedFamilyMemberInProxyMode() {
        Require.services("enrollment-service", "capture-gateway", "liveness-service", "face-match-service", "appeal-service");
        TestPerson relative = TestPerson.random();
        UUID relativeId = Enrollment.importExisting(relative, Images.verifyPhotos("leonard"), "image/png");
        TestPerson member = TestPerson.random();
        UUID memberId = Enrollment.importExisting(member, Attempts.webcamPersonReferencePhotos(), "image/jpeg");
        Certification.awaitState(memberId, "DUE", Duration.ofSeconds(60));

        Map<String, Object> link = new LinkedHashMap<>();
        link.put("relativePersonId", relativeId.toString());
        link.put("idNumber", member.idNumber());
        link.put("surname", member.surname());
        link.put("givenName", member.givenName());
        link.put("relationship", "父母");
        link.put("documentPhotoBase64", Base64.getEncoder().encodeToString(Images.asJpeg(Footage.frame("webcam-b", 100))));
        Api.of("enrollment-service").post("/internal/v1/relatives", link).expect(201);

        // the gateway learns the link from lifecert.enrollment.v1 (RelativeLinked)
        Gateway.Login[] login = new Gateway.Login[1];
        Awaitility.await("the member among the relative's family at login").atMost(Duration.ofSeconds(40))
                .pollInterval(Duration.ofSeconds(3)).until(() -> {
                    login[0] = Gateway.login(relative.idNumber());
                    for (JsonNode r : login[0].body().path("relatives")) {
                        if (r.path("personId").asText().equals(memberId.toString())) {
                            return true;
                        }
                    }
                    return false;
                });

        java.util.List<Attempts.Outcome> attempts = Attempts.certify(relative.idNumber(), memberId, 71);
        Attempts.Outcome attempt = attempts.get(attempts.size() - 1);
        assertThat(attempt.session().personId()).isEqualTo(memberId);
        assertThat(attempt.outcome()).as("challenge %s: %s", attempt.session().actions(), attempt.result())
                .isEqualTo("CERTIFIED");
        Certification.awaitState(memberId, "CERTIFIED", Duration.ofSeconds(30));
        JsonNode view = Certification.bureauView("clerk", memberId);
        assertThat(view.path("channel").asText()).isEqualTo("RELATIVE");
        assertThat(Certification.status(relativeId).expect(200).json().path("state").asText())
                .as("the relative's own state is untouched").isEqualTo("DUE");

        // nobody else may certify the member: an unlinked recipient is refused
        TestPerson stranger = TestPerson.random();
        Enrollment.importExisting(stranger, Images.verifyPhotos("raj"), "image/png");
        Api.Response refused = Gateway.tryStart(Gateway.login(stranger.idNumber()), memberId);
        assertThat(refused.status()).as(refused.toString()).isIn(403, 404);
    }
}
