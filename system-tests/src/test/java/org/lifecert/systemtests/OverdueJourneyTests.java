package org.lifecert.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
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
 * Journey 6 (REST level): the period ends uncertified -> OVERDUE (benefit suspended), the bureau's
 * suspension list names the person; a clerk certifies at the counter afterwards -> CERTIFIED and
 * CertificationRestored with the months missed.
 *
 * <p>No clock is moved: bureau other-bureau is configured with a yearly window that ended yesterday
 * (appeal-service {@code lifecert.appeal.bureaus."other-bureau".*}, set through deploy/local's
 * per-service configuration in {@code SystemStack.configureForJourneys}).
 */
@ExtendWith(StackExtension.class)
@Order(6)
class OverdueJourneyTests {

    @Test
    void periodEndingUncertifiedSuspendsAndACounterCertificationRestores() {
        Require.services("enrollment-service", "appeal-service");
        TestPerson person = TestPerson.random();
        UUID personId = Enrollment.importExisting("clerk-other", person, Images.verifyPhotos("penny"), "image/png");

        Certification.awaitState(personId, "OVERDUE", Duration.ofSeconds(90));
        TopicReader topics = SystemStack.get().topics();
        assertThat(topics.await(Topics.CERTIFICATION, r -> personId.toString().equals(r.key())
                && TopicReader.valueContains("CertificationOverdue").test(r), 1, Duration.ofSeconds(30)))
                .as("CertificationOverdue (suspend) for the bureau system").hasSize(1);

        YearMonth month = YearMonth.from(LocalDate.now(ZoneId.of("Asia/Shanghai")));
        JsonNode suspensions = null;
        boolean listed = false;
        for (YearMonth m : List.of(month, month.plusMonths(1))) {
            suspensions = Api.of("appeal-service").as("clerk-other").get("/api/v1/suspensions?month=" + m).expect(200).json();
            listed |= suspensions.toString().contains(personId.toString());
        }
        assertThat(listed).as("suspension list of other-bureau: " + suspensions).isTrue();
        assertThat(Api.of("appeal-service").as("clerk").get("/api/v1/persons/" + personId + "/certification").status())
                .as("demo-bureau's clerk does not see other-bureau's person").isEqualTo(404);

        Certification.counterCertify("clerk-other", personId, "逾期后本人到窗口办理").expect(200);
        Certification.awaitState(personId, "CERTIFIED", Duration.ofSeconds(30));
        List<org.apache.kafka.clients.consumer.ConsumerRecord<String, byte[]>> restored = topics.await(Topics.CERTIFICATION,
                r -> personId.toString().equals(r.key()) && TopicReader.valueContains("CertificationRestored").test(r), 1,
                Duration.ofSeconds(30));
        assertThat(restored).hasSize(1);
        assertThat(new String(restored.get(0).value(), java.nio.charset.StandardCharsets.UTF_8)).contains("monthsMissed");
    }
}
