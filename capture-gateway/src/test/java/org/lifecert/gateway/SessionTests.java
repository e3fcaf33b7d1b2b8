package org.lifecert.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.lifecert.events.Envelope;
import org.lifecert.events.EventCodec;
import org.lifecert.events.FrameBatchCaptured;
import org.lifecert.events.SessionStarted;
import org.lifecert.events.Topics;
import org.lifecert.gateway.GatewayFixtures.TestPerson;
import org.lifecert.gateway.login.Captchas;
import org.lifecert.gateway.person.PersonDirectory;
import org.lifecert.platform.pii.IdNumbers;
import org.lifecert.testing.LifeCertTestResource;
import org.lifecert.testing.TopicReader;

@QuarkusTest
@QuarkusTestResource(value = LifeCertTestResource.class, initArgs = @ResourceArg(name = "database", value = "gateway"))
@QuarkusTestResource(GatewayTestResource.class)
class SessionTests {

    @Inject
    Captchas captchas;
    @Inject
    IdNumbers idNumbers;
    @Inject
    PersonDirectory directory;
    @Inject
    EntityManager em;
    @ConfigProperty(name = "quarkus.rest-client.appeal.url")
    String appeal;

    record Started(TestPerson person, String token, UUID sessionId, String nonce, int steps) {
    }

    private Started started() {
        TestPerson person = GatewayFixtures.enroll("bureau-a", idNumbers, directory);
        GatewayFixtures.state(appeal, person.personId(), "DUE");
        String token = GatewayFixtures.token(person, captchas);
        Response r = GatewayFixtures.startSession(token, null);
        r.then().statusCode(200);
        return new Started(person, token, UUID.fromString(r.path("sessionId")), r.path("nonce"), r.path("steps.size()"));
    }

    private static List<byte[]> frames(int n) {
        return GatewayFixtures.jpegs(n, 320, 240);
    }

    @Test
    void sessionStartsWithTwoOrThreeDistinctTimedActionsAndIsAnnounced() {
        Started s = started();
        assertThat(s.steps()).isBetween(2, 3);
        var records = TopicReader.onTestBroker().await(Topics.CAPTURE_SESSIONS,
                TopicReader.valueContains(s.sessionId().toString()), 1, Duration.ofSeconds(30));
        assertThat(records).isNotEmpty();
        Envelope<?> event = EventCodec.shared().decode(new String(records.get(0).value(), StandardCharsets.UTF_8));
        SessionStarted started = (SessionStarted) event.data();
        assertThat(started.challenge()).hasSize(s.steps());
        assertThat(started.challenge().stream().map(SessionStarted.ChallengeStep::action).distinct()).hasSize(s.steps());
        assertThat(started.challenge()).allMatch(step -> step.timeLimitSeconds() > 0);
        assertThat(started.nonce()).isEqualTo(s.nonce());
        assertThat(records.get(0).key()).isEqualTo(s.person().personId().toString());
    }

    @Test
    void consecutiveSessionsOfAPersonNeverRepeatTheSequence() {
        Started s = started();
        List<Object> previous = GatewayFixtures.startSession(s.token(), null).path("steps.action");
        for (int i = 0; i < 8; i++) {
            List<Object> next = GatewayFixtures.startSession(s.token(), null).then().statusCode(200).extract().path("steps.action");
            assertThat(next).isNotEqualTo(previous);
            previous = next;
        }
    }

    @Test
    void uploadedBatchArrivesOnTheFramesTopicWithItsFrames() {
        Started s = started();
        UUID batchId = UUID.randomUUID();
        Map<String, Object> body = new HashMap<>(GatewayFixtures.batch(batchId, 0, s.nonce(), false, frames(8), 0));
        // the page observed frames 1 and 5 (its own action check); frame 2 says false, the rest say nothing
        List<Map<String, Object>> sent = new ArrayList<>();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> plain = (List<Map<String, Object>>) body.get("frames");
        for (Map<String, Object> frame : plain) {
            Map<String, Object> f = new HashMap<>(frame);
            int sequence = (Integer) f.get("sequence");
            if (sequence == 1 || sequence == 5) {
                f.put("observed", true);
            } else if (sequence == 2) {
                f.put("observed", false);
            }
            sent.add(f);
        }
        body.put("frames", sent);
        GatewayFixtures.upload(s.token(), s.sessionId(), body).then().statusCode(200).body("duplicate", equalTo(false));
        var records = TopicReader.onTestBroker().await(Topics.CAPTURE_FRAMES,
                TopicReader.valueContains(batchId.toString()), 1, Duration.ofSeconds(30));
        assertThat(records).hasSize(1);
        assertThat(records.get(0).key()).isEqualTo(s.sessionId().toString());
        var envelope = EventCodec.shared().decode(new String(records.get(0).value(), StandardCharsets.UTF_8));
        assertThat(envelope.schemaVersion()).isEqualTo(2);
        FrameBatchCaptured batch = (FrameBatchCaptured) envelope.data();
        assertThat(batch.frames()).hasSize(8);
        assertThat(batch.frames()).filteredOn(FrameBatchCaptured.Frame::wasObserved)
                .extracting(FrameBatchCaptured.Frame::sequence).containsExactly(1, 5);
        // only true travels: frames not observed carry no flag at all
        assertThat(new String(records.get(0).value(), StandardCharsets.UTF_8)).doesNotContain("\"observed\":false")
                .doesNotContain("\"observed\":null");
        assertThat(batch.nonce()).isEqualTo(s.nonce());
        assertThat(batch.stepIndex()).isZero();
    }

    @Test
    void sameBatchSentTwiceIsAcceptedOnceAndPublishedOnce() {
        Started s = started();
        UUID batchId = UUID.randomUUID();
        Map<String, Object> body = GatewayFixtures.batch(batchId, 0, s.nonce(), false, frames(3), 0);
        GatewayFixtures.upload(s.token(), s.sessionId(), body).then().statusCode(200).body("duplicate", equalTo(false));
        GatewayFixtures.upload(s.token(), s.sessionId(), body).then().statusCode(200).body("duplicate", equalTo(true));
        var records = TopicReader.onTestBroker().settle(Topics.CAPTURE_FRAMES,
                TopicReader.valueContains(batchId.toString()), Duration.ofSeconds(3));
        assertThat(records).hasSize(1);
    }

    @Test
    void replayedBatchIdWithOtherFramesIsRefused() {
        Started s = started();
        UUID batchId = UUID.randomUUID();
        GatewayFixtures.upload(s.token(), s.sessionId(), GatewayFixtures.batch(batchId, 0, s.nonce(), false, frames(2), 0))
                .then().statusCode(200);
        GatewayFixtures.upload(s.token(), s.sessionId(), GatewayFixtures.batch(batchId, 1, s.nonce(), false, frames(3), 10))
                .then().statusCode(409).body("code", equalTo("BATCH_REPLAYED"))
                .body("message", equalTo("这批图像已经提交过，不能重复使用，请重新开始认证"));
        // and in another session
        Started other = started();
        GatewayFixtures.upload(other.token(), other.sessionId(), GatewayFixtures.batch(batchId, 0, other.nonce(), false, frames(2), 0))
                .then().statusCode(409).body("code", equalTo("BATCH_REPLAYED"));
    }

    @Test
    void wrongNonceIsRefusedAndNothingPublished() {
        Started s = started();
        UUID batchId = UUID.randomUUID();
        GatewayFixtures.upload(s.token(), s.sessionId(), GatewayFixtures.batch(batchId, 0, "not-the-nonce", false, frames(2), 0))
                .then().statusCode(403).body("code", equalTo("WRONG_NONCE"))
                .body("message", equalTo("认证校验信息不匹配，请重新开始认证"));
        assertThat(TopicReader.onTestBroker().settle(Topics.CAPTURE_FRAMES, TopicReader.valueContains(batchId.toString()),
                Duration.ofSeconds(2))).isEmpty();
    }

    @Test
    void batchForAnotherPersonsSessionIsRefused() {
        Started mine = started();
        Started theirs = started();
        GatewayFixtures.upload(mine.token(), theirs.sessionId(),
                GatewayFixtures.batch(UUID.randomUUID(), 0, theirs.nonce(), false, frames(2), 0))
                .then().statusCode(403).body("code", equalTo("SESSION_FOREIGN"));
    }

    @Test
    void batchAfterTheDeadlineIsRefusedAsExpired() {
        Started s = started();
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "update capture_session set deadline = now() - interval '1 second' where session_id = :id")
                .setParameter("id", s.sessionId()).executeUpdate());
        GatewayFixtures.upload(s.token(), s.sessionId(), GatewayFixtures.batch(UUID.randomUUID(), 0, s.nonce(), false, frames(2), 0))
                .then().statusCode(410).body("code", equalTo("SESSION_EXPIRED"))
                .body("message", equalTo("认证已超时，请重新开始认证（请及时按照系统要求做动作，以免超时）"));
    }

    @Test
    void overdueSessionIsExpiredAndAnnounced() {
        Started s = started();
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "update capture_session set deadline = now() - interval '1 second' where session_id = :id")
                .setParameter("id", s.sessionId()).executeUpdate());
        var expired = TopicReader.onTestBroker().await(Topics.CAPTURE_SESSIONS,
                r -> new String(r.value(), StandardCharsets.UTF_8).contains("SessionExpired")
                        && new String(r.value(), StandardCharsets.UTF_8).contains(s.sessionId().toString()), 1, Duration.ofSeconds(30));
        assertThat(expired).hasSize(1);
    }

    @Test
    void oversizeFrameIsRefused() {
        Started s = started();
        byte[] big = GatewayFixtures.jpegOfAbout(200_000, 7);
        assertThat(big.length).isGreaterThan(131072);
        GatewayFixtures.upload(s.token(), s.sessionId(), GatewayFixtures.batch(UUID.randomUUID(), 0, s.nonce(), false, List.of(big), 0))
                .then().statusCode(413).body("code", equalTo("FRAME_TOO_LARGE"));
    }

    @Test
    void oversizeBatchIsRefused() {
        Started s = started();
        List<byte[]> many = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            many.add(GatewayFixtures.jpegOfAbout(100_000, i));
        }
        GatewayFixtures.upload(s.token(), s.sessionId(), GatewayFixtures.batch(UUID.randomUUID(), 0, s.nonce(), false, many, 0))
                .then().statusCode(413).body("code", equalTo("BATCH_TOO_LARGE"));
    }

    @Test
    void tooManyFramesInABatchAreRefused() {
        Started s = started();
        GatewayFixtures.upload(s.token(), s.sessionId(), GatewayFixtures.batch(UUID.randomUUID(), 0, s.nonce(), false,
                GatewayFixtures.jpegs(17, 64, 64), 0)).then().statusCode(400).body("code", equalTo("TOO_MANY_FRAMES"));
    }

    @Test
    void framesThatAreNotJpegAreRefused() {
        Started s = started();
        byte[] png = java.util.Base64.getDecoder().decode(
                "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");
        GatewayFixtures.upload(s.token(), s.sessionId(), GatewayFixtures.batch(UUID.randomUUID(), 0, s.nonce(), false, List.of(png), 0))
                .then().statusCode(400).body("code", equalTo("NOT_JPEG")).body("message", equalTo("上传的图像格式不正确，请重新认证"));
        byte[] truncated = new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff, (byte) 0xe0, 0, 16, 'J', 'F'};
        GatewayFixtures.upload(s.token(), s.sessionId(), GatewayFixtures.batch(UUID.randomUUID(), 0, s.nonce(), false,
                List.of(truncated), 0)).then().statusCode(400).body("code", equalTo("NOT_JPEG"));
        GatewayFixtures.upload(s.token(), s.sessionId(), GatewayFixtures.batch(UUID.randomUUID(), 0, s.nonce(), false,
                GatewayFixtures.jpegs(1, 32, 32), 0)).then().statusCode(400).body("code", equalTo("FRAME_DIMENSIONS"));
    }

    @Test
    void stepOutsideTheChallengeIsRefused() {
        Started s = started();
        GatewayFixtures.upload(s.token(), s.sessionId(), GatewayFixtures.batch(UUID.randomUUID(), 3, s.nonce(), false, frames(1), 0))
                .then().statusCode(400).body("code", equalTo("STEP_INVALID"));
    }

    @Test
    void lastBatchCompletesTheSessionAndLaterBatchesAreRefused() {
        Started s = started();
        GatewayFixtures.upload(s.token(), s.sessionId(), GatewayFixtures.batch(UUID.randomUUID(), 0, s.nonce(), true, frames(2), 0))
                .then().statusCode(200).body("sessionStatus", equalTo("COMPLETED"));
        GatewayFixtures.upload(s.token(), s.sessionId(), GatewayFixtures.batch(UUID.randomUUID(), 1, s.nonce(), false, frames(2), 5))
                .then().statusCode(409).body("code", equalTo("SESSION_CLOSED"));
        var completed = TopicReader.onTestBroker().await(Topics.CAPTURE_SESSIONS,
                r -> new String(r.value(), StandardCharsets.UTF_8).contains("SessionCompleted")
                        && new String(r.value(), StandardCharsets.UTF_8).contains(s.sessionId().toString()), 1, Duration.ofSeconds(30));
        assertThat(completed).hasSize(1);
    }

    @Test
    void relativeCertifiesALinkedFamilyMemberButNoOneElse() {
        TestPerson member = GatewayFixtures.enroll("bureau-a", idNumbers, directory);
        TestPerson relative = GatewayFixtures.enroll("bureau-a", idNumbers, directory);
        TestPerson stranger = GatewayFixtures.enroll("bureau-a", idNumbers, directory);
        GatewayFixtures.state(appeal, member.personId(), "DUE");
        GatewayFixtures.state(appeal, relative.personId(), "CERTIFIED");
        GatewayFixtures.state(appeal, stranger.personId(), "DUE");
        GatewayFixtures.link(member, relative, "PENDING", directory);
        String token = GatewayFixtures.login(relative.idNumber(), captchas, GatewayFixtures.randomAddress()).then()
                .statusCode(200).body("relatives[0].personId", equalTo(member.personId().toString()))
                .extract().path("token");
        Response r = GatewayFixtures.startSession(token, member.personId());
        r.then().statusCode(200).body("personId", equalTo(member.personId().toString()));
        var started = TopicReader.onTestBroker().await(Topics.CAPTURE_SESSIONS,
                TopicReader.valueContains(r.path("sessionId").toString()), 1, Duration.ofSeconds(30));
        SessionStarted event = (SessionStarted) EventCodec.shared()
                .decode(new String(started.get(0).value(), StandardCharsets.UTF_8)).data();
        assertThat(event.actingPersonId()).isEqualTo(relative.personId());
        assertThat(event.channel().name()).isEqualTo("RELATIVE");
        GatewayFixtures.startSession(token, stranger.personId()).then().statusCode(403).body("code", equalTo("NOT_LINKED"));
    }
}
