package org.lifecert.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.lifecert.events.Topics;
import org.lifecert.systemtests.clients.Attempts;
import org.lifecert.systemtests.clients.Certification;
import org.lifecert.systemtests.clients.Enrollment;
import org.lifecert.systemtests.clients.Gateway;
import org.lifecert.systemtests.clients.TestPerson;
import org.lifecert.systemtests.frames.ActionFrames;
import org.lifecert.systemtests.frames.Images;
import org.lifecert.systemtests.stack.Api;
import org.lifecert.systemtests.stack.Require;
import org.lifecert.systemtests.stack.StackExtension;
import org.lifecert.systemtests.stack.SystemStack;
import org.lifecert.testing.TopicReader;

/**
 * Faults on the running stack. Each ends by checking that every attempt was decided exactly once
 * (one PersonCertified or AttemptFailed naming the session on lifecert.certification.v1), that the
 * decision is not a verdict timeout (the workers delivered after the fault), and that the state
 * appeal-service serves agrees with it.
 */
@ExtendWith(StackExtension.class)
@Order(9)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultTests {

    /** How long the broker or the database stays away in the restart faults. */
    private static final Duration OUTAGE = Duration.ofSeconds(10);

    private static final String[] ALL = {"enrollment-service", "capture-gateway", "liveness-service", "face-match-service",
        "appeal-service"};

    @Test
    @Order(1)
    void livenessServiceKilledMidSessionDecidesEveryAttemptOnceAfterRestart() {
        killedWorkerStillDecidesEveryAttemptOnce("liveness-service");
    }

    @Test
    @Order(2)
    void faceMatchServiceKilledMidSessionDecidesEveryAttemptOnceAfterRestart() {
        killedWorkerStillDecidesEveryAttemptOnce("face-match-service");
    }

    /**
     * Session A's frames are all uploaded and the worker is analysing them when it is killed (kill -9);
     * session B is captured while the worker is down (its frames wait in Kafka). The worker restarts;
     * both sessions are decided, once each.
     */
    private void killedWorkerStillDecidesEveryAttemptOnce(String worker) {
        Require.services(ALL);
        SystemStack stack = SystemStack.get();
        List<Recipient> recipients = List.of(recipient(), recipient());

        Recipient a = recipients.get(0);
        a.session = Gateway.start(a.login, null);
        uploadAll(a, 51);
        stack.kill(worker);
        long killedAt = System.nanoTime();

        Recipient b = recipients.get(1);
        b.session = Gateway.start(b.login, null);
        uploadAll(b, 52);

        stack.restart(worker);
        System.out.printf("%s killed and ready again after %.1f s%n", worker, (System.nanoTime() - killedAt) / 1e9);

        for (Recipient r : recipients) {
            JsonNode result = Gateway.awaitResult(r.login, r.session, Attempts.VERDICT_TIMEOUT.multipliedBy(2));
            assertDecidedOnceAndStateAgrees(r, result);
        }
    }

    /**
     * The broker goes away while two sessions are being decided (every frame accepted by the gateway,
     * the workers and appeal-service busy with them) and comes back after {@link #OUTAGE}; a third
     * session is made after the restart. Each of the three is decided once, by the verdicts.
     */
    @Test
    @Order(5)
    void kafkaBrokerRestartedWhileSessionsAreDecidedDecidesEveryAttemptOnce() {
        Require.services(ALL);
        SystemStack stack = SystemStack.get();
        outageDuringSessions("Kafka broker", stack::stopKafka, stack::startKafka, 71);
    }

    /**
     * PostgreSQL (appeal-service's database and every other service's) goes away while two sessions
     * are being decided and comes back after {@link #OUTAGE}: consumers' transactions fail meanwhile,
     * the outbox relays lose their replication connection. A third session follows the restart.
     * Each of the three is decided once, by the verdicts, and appeal-service's state agrees. Last of
     * the class: if the stack did not recover, no other test's result depends on it.
     */
    @Test
    @Order(6)
    void postgresRestartedWhileSessionsAreDecidedDecidesEveryAttemptOnce() {
        Require.services(ALL);
        SystemStack stack = SystemStack.get();
        outageDuringSessions("PostgreSQL", stack::stopPostgres, stack::startPostgres, 81);
    }

    private void outageDuringSessions(String what, Runnable stop, Runnable start, long seed) {
        List<Recipient> recipients = List.of(recipient(), recipient(), recipient());
        for (int i = 0; i < 2; i++) {
            Recipient r = recipients.get(i);
            r.session = Gateway.start(r.login, null);
            uploadAll(r, seed + i);
        }
        long stoppedAt = System.nanoTime();
        stop.run();
        try {
            Thread.sleep(OUTAGE.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            start.run();
        }
        System.out.printf("%s stopped and started again after %.1f s%n", what, (System.nanoTime() - stoppedAt) / 1e9);
        awaitReady(ALL);
        Recipient after = recipients.get(2);
        after.session = Gateway.start(after.login, null);
        uploadAll(after, seed + 2);
        for (Recipient r : recipients) {
            JsonNode result = Gateway.awaitResult(r.login, r.session, Attempts.VERDICT_TIMEOUT.multipliedBy(2));
            assertDecidedOnceAndStateAgrees(r, result);
        }
    }

    private static void awaitReady(String... services) {
        for (String service : services) {
            org.awaitility.Awaitility.await(service + " ready again").atMost(Duration.ofSeconds(90))
                    .pollInterval(Duration.ofSeconds(1)).ignoreExceptions()
                    .until(() -> Api.of(service).get("/q/health/ready").status() == 200);
        }
    }

    @Test
    @Order(3)
    void duplicateVerdictsChangeNothing() {
        Require.services(ALL);
        // someone else's face: a failure, so a verdict counted twice would show as a second failure (appeal)
        TestPerson person = TestPerson.random();
        UUID personId = Enrollment.importExisting(person, Images.verifyPhotos("howard"), "image/png");
        Certification.awaitState(personId, "DUE", Duration.ofSeconds(60));
        Recipient r = new Recipient(person, personId, Gateway.login(person.idNumber()));
        r.session = Gateway.start(r.login, null);
        uploadAll(r, 61);
        JsonNode result = Gateway.awaitResult(r.login, r.session, Attempts.VERDICT_TIMEOUT);
        assertThat(result.path("outcome").asText()).as(result.toString()).isEqualTo("FAILED");
        JsonNode before = Certification.awaitState(personId, "FAILED_ONCE", Duration.ofSeconds(30));

        TopicReader topics = SystemStack.get().topics();
        String session = r.session.sessionId().toString();
        List<ConsumerRecord<String, byte[]>> verdicts = new ArrayList<>();
        for (String topic : List.of(Topics.MATCH_VERDICTS, Topics.LIVENESS_VERDICTS)) {
            List<ConsumerRecord<String, byte[]>> found = topics.await(topic, TopicReader.valueContains(session), 1,
                    Duration.ofSeconds(10));
            assertThat(found).as("verdict on " + topic).isNotEmpty();
            verdicts.addAll(found);
        }
        try (KafkaProducer<String, byte[]> producer = SystemStack.get().producer()) {
            for (int copy = 0; copy < 2; copy++) {
                for (ConsumerRecord<String, byte[]> v : verdicts) {
                    producer.send(new ProducerRecord<>(v.topic(), null, v.key(), v.value(), v.headers()));
                }
            }
            producer.flush();
        }

        List<ConsumerRecord<String, byte[]>> decisions = decisionsOf(personId, session, Duration.ofSeconds(8));
        assertThat(decisions).as("decisions of the session after 2 more deliveries of each verdict").hasSize(1);
        assertThat(topics.settle(Topics.CERTIFICATION, r2 -> personId.toString().equals(r2.key())
                && TopicReader.valueContains("AppealOpened").test(r2), Duration.ofSeconds(2))).isEmpty();
        JsonNode after = Certification.status(personId).expect(200).json();
        assertThat(after.path("state").asText()).isEqualTo("FAILED_ONCE");
        assertThat(after.path("failedAttempts").asInt()).isEqualTo(before.path("failedAttempts").asInt()).isEqualTo(1);
    }

    @Test
    @Order(4)
    void poisonRecordsOnEveryInputTopicAreDeadLetteredAndTheFlowGoesOn() {
        // the consumers of the six topics first; enrollment-service only for the flow at the end
        Require.services("capture-gateway", "liveness-service", "face-match-service", "appeal-service", "notification-service");
        SystemStack stack = SystemStack.get();
        String marker = "poison-" + UUID.randomUUID();
        Map<String, List<byte[]>> poison = new LinkedHashMap<>();
        for (String topic : Topics.all()) {
            poison.put(topic, List.of(
                    ("{ this is not JSON " + marker).getBytes(StandardCharsets.UTF_8),
                    // an envelope of a known type whose data breaks its schema
                    ("{\"id\":\"" + UUID.randomUUID() + "\",\"type\":\"MatchVerdict\",\"source\":\"" + marker
                            + "\",\"time\":\"2026-01-01T00:00:00Z\",\"subject\":\"x\",\"bureau\":\"demo-bureau\","
                            + "\"schemaVersion\":1,\"data\":{\"score\":\"high\"}}").getBytes(StandardCharsets.UTF_8),
                    new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1, 2}));
        }
        try (KafkaProducer<String, byte[]> producer = stack.producer()) {
            for (Map.Entry<String, List<byte[]>> e : poison.entrySet()) {
                for (byte[] value : e.getValue()) {
                    producer.send(new ProducerRecord<>(e.getKey(), marker, value));
                }
            }
            producer.flush();
        }

        TopicReader topics = stack.topics();
        StringBuilder report = new StringBuilder();
        for (String topic : Topics.all()) {
            List<ConsumerRecord<String, byte[]>> parked = topics.await(Topics.dlq(topic), r -> marker.equals(r.key()), 3,
                    Duration.ofSeconds(60));
            report.append(topic).append(": ").append(parked.size()).append(" parked by ").append(consumersOf(parked)).append('\n');
            assertThat(parked).as("poison records of %s on %s", topic, Topics.dlq(topic)).hasSizeGreaterThanOrEqualTo(3);
        }
        System.out.println(report);
        for (String service : SystemStack.SERVICES) {
            if (stack.built(service)) {
                assertThat(Api.of(service).get("/q/health/ready").status()).as(service + " ready after poison").isEqualTo(200);
            }
        }
        // the flow behind the poison still moves: a new recipient is known to appeal-service and can log in
        Require.services("enrollment-service");
        TestPerson person = TestPerson.random();
        UUID personId = Enrollment.importExisting(person, Attempts.webcamPersonReferencePhotos(), "image/jpeg");
        Certification.awaitState(personId, "DUE", Duration.ofSeconds(60));
        assertThat(Gateway.login(person.idNumber()).personId()).isEqualTo(personId);
    }

    // ------------------------------------------------------------------------------------------

    private static final class Recipient {
        final TestPerson person;
        final UUID personId;
        final Gateway.Login login;
        Gateway.Session session;

        Recipient(TestPerson person, UUID personId, Gateway.Login login) {
            this.person = person;
            this.personId = personId;
            this.login = login;
        }
    }

    private static Recipient recipient() {
        TestPerson person = TestPerson.random();
        UUID personId = Enrollment.importExisting(person, Attempts.webcamPersonReferencePhotos(), "image/jpeg");
        Certification.awaitState(personId, "DUE", Duration.ofSeconds(60));
        return new Recipient(person, personId, Gateway.login(person.idNumber()));
    }

    private static void uploadAll(Recipient r, long seed) {
        for (Api.Response answer : Gateway.uploadAll(r.login, r.session,
                ActionFrames.forChallenge(r.session.actions(), seed), Attempts.FRAMES_PER_BATCH)) {
            answer.expect(200);
        }
    }

    /**
     * One decision of the session: one distinct PersonCertified / AttemptFailed event (envelope id)
     * naming it. The outbox relay delivers at least once: after a PostgreSQL restart appeal-service's
     * relay published the same event (same id) twice (18:30 run); consumers drop the copy by their
     * inbox (see duplicateVerdictsChangeNothing for the same on the verdicts), so a copy is printed,
     * and a second decision (another id) fails.
     */
    private static void assertDecidedOnceAndStateAgrees(Recipient r, JsonNode result) {
        String session = r.session.sessionId().toString();
        List<ConsumerRecord<String, byte[]>> decisions = decisionsOf(r.personId, session, Duration.ofSeconds(5));
        java.util.Set<String> ids = new java.util.LinkedHashSet<>();
        for (ConsumerRecord<String, byte[]> d : decisions) {
            try {
                ids.add(Api.JSON.readTree(d.value()).path("id").asText());
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        if (decisions.size() > ids.size()) {
            System.out.printf("session %s: decision %s delivered %d times (same event id)%n", session, ids, decisions.size());
        }
        assertThat(ids).as("distinct decisions of session " + session).hasSize(1);
        String decision = new String(decisions.get(0).value(), StandardCharsets.UTF_8);
        assertThat(decision).as("decided by the verdicts, not by the timeout").doesNotContain("VERDICT_TIMEOUT")
                .doesNotContainIgnoringCase("verdict_timeout");
        String expected = decision.contains("PersonCertified") ? "CERTIFIED" : "FAILED_ONCE";
        assertThat(result.path("outcome").asText()).isEqualTo(expected.equals("CERTIFIED") ? "CERTIFIED" : "FAILED");
        Certification.awaitState(r.personId, expected, Duration.ofSeconds(30));
    }

    /** PersonCertified / AttemptFailed events naming the session, after a quiet period. */
    static List<ConsumerRecord<String, byte[]>> decisionsOf(UUID personId, String sessionId, Duration settle) {
        return SystemStack.get().topics().settle(Topics.CERTIFICATION, r -> personId.toString().equals(r.key())
                && TopicReader.valueContains(sessionId).test(r)
                && (TopicReader.valueContains("PersonCertified").test(r) || TopicReader.valueContains("AttemptFailed").test(r)),
                settle);
    }

    private static List<String> consumersOf(List<ConsumerRecord<String, byte[]>> parked) {
        List<String> consumers = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> r : parked) {
            Header h = r.headers().lastHeader("lifecert.dlq.consumer");
            String c = h == null ? "?" : new String(h.value(), StandardCharsets.UTF_8);
            if (!consumers.contains(c)) {
                consumers.add(c);
            }
        }
        return consumers;
    }
}
