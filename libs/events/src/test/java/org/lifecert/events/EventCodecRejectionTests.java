package org.lifecert.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.lifecert.events.InvalidEventException.Reason;

class EventCodecRejectionTests {

    private final EventCodec codec = EventCodec.shared();
    private final ObjectMapper json = new ObjectMapper();

    /** A valid encoded FrameBatchCaptured, changed by {@code edit}. */
    private String frameBatchWith(Consumer<ObjectNode> edit) throws Exception {
        Envelope<FrameBatchCaptured> envelope =
                TestEvents.envelope(TestEvents.frameBatchCaptured(UUID.randomUUID(), UUID.randomUUID()));
        ObjectNode tree = (ObjectNode) json.readTree(codec.encode(envelope));
        edit.accept(tree);
        return json.writeValueAsString(tree);
    }

    private InvalidEventException decodeFailure(String event) {
        InvalidEventException e = catchThrowableOfType(InvalidEventException.class, () -> codec.decode(event));
        assertThat(e).as("decode should have failed for %s", event).isNotNull();
        return e;
    }

    @Test
    void unknownTypeIsRejected() throws Exception {
        InvalidEventException e = decodeFailure(frameBatchWith(t -> t.put("type", "FrameBatchUploaded")));

        assertThat(e.reason()).isEqualTo(Reason.UNKNOWN_TYPE);
        assertThat(e.eventType()).isEqualTo("FrameBatchUploaded");
        assertThat(e.getMessage()).contains("Unknown event type 'FrameBatchUploaded'").contains("FrameBatchCaptured");
    }

    @Test
    void unsupportedVersionIsRejected() throws Exception {
        InvalidEventException e = decodeFailure(frameBatchWith(t -> t.put("schemaVersion", 3)));

        assertThat(e.reason()).isEqualTo(Reason.UNSUPPORTED_VERSION);
        assertThat(e.schemaVersion()).isEqualTo(3);
        assertThat(e.getMessage()).isEqualTo("FrameBatchCaptured v3 is not supported (supported versions: [1, 2])");
    }

    @Test
    void malformedJsonIsRejected() {
        assertThat(decodeFailure("{\"id\": \"x\", ").reason()).isEqualTo(Reason.MALFORMED_JSON);
        assertThat(decodeFailure("").reason()).isEqualTo(Reason.MALFORMED_JSON);
        assertThat(decodeFailure("[1,2]").getMessage()).isEqualTo("Event must be a JSON object but is a JSON array");
        assertThat(decodeFailure("{} trailing").reason()).isEqualTo(Reason.MALFORMED_JSON);
        assertThat(decodeFailure("{\"type\":\"A\",\"type\":\"B\"}").getMessage()).contains("Duplicate field 'type'");
    }

    @Test
    void invalidUtf8BytesAreMalformed() {
        byte[] bytes = {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};

        assertThatThrownBy(() -> codec.decode(bytes))
                .isInstanceOfSatisfying(InvalidEventException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.MALFORMED_JSON));
    }

    @Test
    void frameThatIsNotBase64IsRejectedAndNamed() throws Exception {
        InvalidEventException e = decodeFailure(frameBatchWith(t -> ((ObjectNode) t.get("data").get("frames").get(0))
                .put("jpegBase64", "/9j/4AAQ SkZJRg==")));

        assertThat(e.reason()).isEqualTo(Reason.SCHEMA_VIOLATION);
        assertThat(e.violations()).containsExactly("$.data.frames[0].jpegBase64: is not base64 (the letters A-Z and a-z, "
                + "digits, '+' and '/', then at most two '=')");
        assertThat(decodeFailure(frameBatchWith(t -> ((ObjectNode) t.get("data").get("frames").get(0))
                .put("jpegBase64", "==="))).violations()).hasSize(1);
        assertThat(decodeFailure(frameBatchWith(t -> ((ObjectNode) t.get("data").get("frames").get(0))
                .put("jpegBase64", ""))).violations()).as("minLength 1 still from the schema").isNotEmpty();
    }

    @Test
    void base64IsCheckedOnEncodeToo() {
        FrameBatchCaptured batch = TestEvents.frameBatchCaptured(UUID.randomUUID(), UUID.randomUUID(), 2, "bm90IGEganBlZw=");
        assertThat(codec.encode(TestEvents.envelope(batch))).contains("bm90IGEganBlZw=");
        FrameBatchCaptured broken = TestEvents.frameBatchCaptured(UUID.randomUUID(), UUID.randomUUID(), 2, "a=b");
        assertThatThrownBy(() -> codec.encode(TestEvents.envelope(broken))).isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("$.data.frames[0].jpegBase64: is not base64");
    }

    @Test
    void missingRequiredDataFieldIsNamed() throws Exception {
        InvalidEventException e = decodeFailure(frameBatchWith(t -> ((ObjectNode) t.get("data")).remove("sessionId")));

        assertThat(e.reason()).isEqualTo(Reason.SCHEMA_VIOLATION);
        assertThat(e.getMessage()).isEqualTo("FrameBatchCaptured v2: $.data.sessionId: is missing but it is required");
        assertThat(e.violations()).containsExactly("$.data.sessionId: is missing but it is required");
    }

    @Test
    void missingFieldInsideAListItemIsNamedWithItsIndex() throws Exception {
        InvalidEventException e = decodeFailure(frameBatchWith(
                t -> ((ObjectNode) t.get("data").get("frames").get(1)).remove("jpegBase64")));

        assertThat(e.violations()).containsExactly("$.data.frames[1].jpegBase64: is missing but it is required");
    }

    @Test
    void wrongEnumValueIsNamed() throws Exception {
        InvalidEventException e = decodeFailure(frameBatchWith(t -> ((ObjectNode) t.get("data")).put("action", "JUMP")));

        assertThat(e.reason()).isEqualTo(Reason.SCHEMA_VIOLATION);
        assertThat(e.violations()).singleElement().asString()
                .startsWith("$.data.action: ").contains("enumeration").contains("BLINK");
    }

    @Test
    void badUuidIsNamed() throws Exception {
        InvalidEventException e = decodeFailure(frameBatchWith(t -> ((ObjectNode) t.get("data")).put("personId", "42")));

        assertThat(e.reason()).isEqualTo(Reason.SCHEMA_VIOLATION);
        assertThat(e.violations()).singleElement().asString().startsWith("$.data.personId: ").contains("uuid");
    }

    @Test
    void badEnvelopeUuidAndTimeAreNamed() throws Exception {
        InvalidEventException e = decodeFailure(frameBatchWith(t -> {
            t.put("subject", "not-a-person");
            t.put("time", "yesterday");
        }));

        assertThat(e.reason()).isEqualTo(Reason.SCHEMA_VIOLATION);
        assertThat(e.getMessage()).startsWith("FrameBatchCaptured v2 envelope: ");
        assertThat(e.violations()).hasSize(2)
                .anySatisfy(v -> assertThat(v).startsWith("$.subject: "))
                .anySatisfy(v -> assertThat(v).startsWith("$.time: "));
    }

    @Test
    void envelopeWithoutTypeIsASchemaViolation() throws Exception {
        InvalidEventException e = decodeFailure(frameBatchWith(t -> t.remove("type")));

        assertThat(e.reason()).isEqualTo(Reason.SCHEMA_VIOLATION);
        assertThat(e.getMessage()).isEqualTo("Envelope: $.type: is missing but it is required");
    }

    @Test
    void wrongJsonTypesAreAllListed() throws Exception {
        InvalidEventException e = decodeFailure(frameBatchWith(t -> {
            ObjectNode data = (ObjectNode) t.get("data");
            data.put("stepIndex", "first");
            data.put("lastBatchOfStep", "yes");
            data.put("sessionDeadline", 1700000000);
        }));

        assertThat(e.violations()).hasSize(3)
                .anySatisfy(v -> assertThat(v).startsWith("$.data.stepIndex: ").contains("integer"))
                .anySatisfy(v -> assertThat(v).startsWith("$.data.lastBatchOfStep: ").contains("boolean"))
                .anySatisfy(v -> assertThat(v).startsWith("$.data.sessionDeadline: ").contains("string"));
    }

    @Test
    void encoderRefusesToWriteAnEventMissingARequiredField() {
        FrameBatchCaptured valid = TestEvents.frameBatchCaptured(UUID.randomUUID(), UUID.randomUUID());
        FrameBatchCaptured withoutNonce = new FrameBatchCaptured(valid.sessionId(), valid.personId(), valid.batchId(),
                valid.stepIndex(), valid.action(), null, valid.frames(), true, false, null, valid.sessionDeadline());

        assertThatThrownBy(() -> codec.encode(TestEvents.envelope(withoutNonce)))
                .isInstanceOfSatisfying(InvalidEventException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.SCHEMA_VIOLATION);
                    assertThat(e.getMessage()).isEqualTo("FrameBatchCaptured v2: $.data.nonce: null found, string expected");
                });
    }

    @Test
    void encoderRefusesAnEnvelopeWithoutBureau() {
        Envelope<SessionExpired> envelope = Envelope.of("capture-gateway", UUID.randomUUID().toString(), null,
                TestEvents.sessionExpired(UUID.randomUUID(), UUID.randomUUID()));

        assertThatThrownBy(() -> codec.encodeBytes(envelope))
                .isInstanceOf(InvalidEventException.class)
                .hasMessage("SessionExpired v1 envelope: $.bureau: null found, string expected");
    }

    @Test
    void encoderRefusesNonFiniteScores() {
        MatchVerdict nan = new MatchVerdict(UUID.randomUUID(), UUID.randomUUID(), Decision.FAIL, Double.NaN, 0.5,
                "m1", 0, 0.0, "NO_FACE");

        assertThatThrownBy(() -> codec.encode(TestEvents.envelope(nan)))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("$.data.score: is NaN but must be a finite number");
    }

    @Test
    void encoderRefusesATypeThatDoesNotMatchTheData() {
        SessionExpired data = TestEvents.sessionExpired(UUID.randomUUID(), UUID.randomUUID());
        Envelope<SessionExpired> lying = new Envelope<>(UUID.randomUUID(), SessionCompleted.TYPE, "test",
                TestEvents.NOW, data.personId().toString(), TestEvents.BUREAU, 1, data);

        assertThatThrownBy(() -> codec.encode(lying))
                .isInstanceOf(InvalidEventException.class)
                .hasMessage("SessionCompleted v1: data is a SessionExpired, not a SessionCompleted");
    }

    @Test
    void nullEventIsMalformed() {
        assertThat(decodeFailure(null).reason()).isEqualTo(Reason.MALFORMED_JSON);
        assertThatThrownBy(() -> codec.decode((byte[]) null)).isInstanceOf(InvalidEventException.class);
    }

    @Test
    void messageOfAByteDecodeIsTheSameAsOfAStringDecode() throws Exception {
        String event = frameBatchWith(t -> ((ObjectNode) t.get("data")).remove("nonce"));

        InvalidEventException fromBytes = catchThrowableOfType(InvalidEventException.class,
                () -> codec.decode(event.getBytes(StandardCharsets.UTF_8)));

        assertThat(fromBytes.getMessage()).isEqualTo(decodeFailure(event).getMessage())
                .isEqualTo("FrameBatchCaptured v2: $.data.nonce: is missing but it is required");
    }
}
