package org.lifecert.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class EventCodecRoundTripTests {

    private final EventCodec codec = EventCodec.shared();
    private final ObjectMapper json = new ObjectMapper();

    static Stream<EventData> samples() {
        return Stream.concat(TestEvents.oneOfEach().stream(),
                Stream.of(TestEvents.personEnrolledAbroad(UUID.randomUUID())));
    }

    @Test
    void samplesCoverEveryRegisteredType() {
        Set<String> sampled = samples().map(EventData::type).collect(Collectors.toSet());
        assertThat(sampled).containsExactlyInAnyOrderElementsOf(EventTypes.typeNames());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void everyEventRoundTripsThroughJsonUnchanged(EventData data) {
        Envelope<EventData> envelope = TestEvents.envelope(data);

        Envelope<? extends EventData> decoded = codec.decode(codec.encode(envelope));

        assertThat(decoded).isEqualTo(envelope);
        assertThat(decoded.data()).isInstanceOf(data.getClass());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void everyEventRoundTripsThroughBytesUnchanged(EventData data) {
        Envelope<EventData> envelope = TestEvents.envelope(data);

        assertThat(codec.decode(codec.encodeBytes(envelope))).isEqualTo(envelope);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void encodedDataValidatesAgainstItsSchemaFile(EventData data) throws Exception {
        JsonNode encoded = json.readTree(codec.encode(TestEvents.envelope(data)));

        assertThat(validate(EventTypes.ENVELOPE_SCHEMA, encoded)).isEmpty();
        assertThat(validate("/schemas/" + data.type() + ".v1.json", encoded.get("data"))).isEmpty();
    }

    @Test
    void envelopeIsWrittenWithIsoInstantsDatesAndEnumNames() throws Exception {
        Envelope<PersonEnrolled> envelope = TestEvents.envelope(TestEvents.personEnrolled(UUID.randomUUID()));

        JsonNode tree = json.readTree(codec.encode(envelope));

        assertThat(tree.get("id").asText()).isEqualTo(envelope.id().toString());
        assertThat(tree.get("type").asText()).isEqualTo("PersonEnrolled");
        assertThat(tree.get("time").asText()).isEqualTo(envelope.time().toString()).endsWith("Z");
        assertThat(tree.get("schemaVersion").asInt()).isEqualTo(1);
        assertThat(tree.at("/data/birthDate").asText()).isEqualTo("1951-04-12");
        assertThat(tree.at("/data/sex").asText()).isEqualTo("FEMALE");
        assertThat(tree.at("/data/benefitType").asText()).isEqualTo("RETIREMENT");
        assertThat(tree.at("/data/surname").asText()).isEqualTo("张");
        // Only record components travel: no "type" from EventData, no TYPE constant.
        assertThat(tree.get("data").has("type")).isFalse();
        assertThat(tree.get("data").has("TYPE")).isFalse();
    }

    @Test
    void frameInstantsKeepMicrosecondPrecision() {
        Envelope<FrameBatchCaptured> envelope =
                TestEvents.envelope(TestEvents.frameBatchCaptured(UUID.randomUUID(), UUID.randomUUID()));

        FrameBatchCaptured decoded = (FrameBatchCaptured) codec.decode(codec.encode(envelope)).data();

        assertThat(decoded.frames().get(1).capturedAt()).isEqualTo(TestEvents.NOW.plusMillis(100));
        assertThat(decoded.frames()).isEqualTo(envelope.data().frames());
    }

    @Test
    void decoderIgnoresFieldsAddedByLaterProducers() {
        Envelope<SessionCompleted> envelope =
                TestEvents.envelope(TestEvents.sessionCompleted(UUID.randomUUID(), UUID.randomUUID()));
        String withExtras = codec.encode(envelope)
                .replace("\"frameCount\":42", "\"frameCount\":42,\"futureField\":{\"x\":1}")
                .replace("\"bureau\":", "\"traceparent\":\"00-abc-def-01\",\"bureau\":");

        assertThat(codec.decode(withExtras)).isEqualTo(envelope);
    }

    @Test
    void nullableFieldsMayBeOmitted() {
        Envelope<MatchVerdict> envelope =
                TestEvents.envelope(TestEvents.matchVerdict(UUID.randomUUID(), UUID.randomUUID()));
        String withoutReason = codec.encode(envelope).replace(",\"reason\":null", "");
        assertThat(withoutReason).doesNotContain("reason");

        assertThat(codec.decode(withoutReason)).isEqualTo(envelope);
    }

    @Test
    void timeWithAnOffsetIsReadAsTheSameInstant() {
        Envelope<SessionCompleted> envelope = new Envelope<>(UUID.randomUUID(), SessionCompleted.TYPE, "test",
                TestEvents.NOW, UUID.randomUUID().toString(), TestEvents.BUREAU, 1,
                TestEvents.sessionCompleted(UUID.randomUUID(), UUID.randomUUID()));
        String shanghai = codec.encode(envelope)
                .replace("\"2026-03-01T08:30:15.123456Z\"", "\"2026-03-01T16:30:15.123456+08:00\"");

        assertThat(codec.decode(shanghai).time()).isEqualTo(TestEvents.NOW);
    }

    private static Set<String> validate(String resource, JsonNode node) throws Exception {
        try (InputStream in = EventCodecRoundTripTests.class.getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                    .getSchema(in, SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build());
            return schema.validate(node).stream().map(Object::toString).collect(Collectors.toSet());
        }
    }
}
