package org.lifecert.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.lifecert.events.InvalidEventException.Reason;

class EnvelopeSerdeTests {

    private final EnvelopeSerializer serializer = new EnvelopeSerializer();
    private final EnvelopeDeserializer deserializer = new EnvelopeDeserializer();

    @Test
    void everyEventRoundTripsThroughTheKafkaSerde() {
        for (EventData data : TestEvents.oneOfEach()) {
            Envelope<EventData> envelope = TestEvents.envelope(data);

            byte[] bytes = serializer.serialize(envelope.topic(), envelope);

            assertThat(deserializer.deserialize(envelope.topic(), bytes)).as(data.type()).isEqualTo(envelope);
        }
    }

    @Test
    void serializedValueIsTheCodecsUtf8Json() {
        Envelope<PersonEnrolled> envelope = TestEvents.envelope(TestEvents.personEnrolled(UUID.randomUUID()));

        byte[] bytes = serializer.serialize(Topics.ENROLLMENT, envelope);

        assertThat(new String(bytes, StandardCharsets.UTF_8)).isEqualTo(EventCodec.shared().encode(envelope));
    }

    @Test
    void tombstonesStayNull() {
        assertThat(serializer.serialize(Topics.ENROLLMENT, null)).isNull();
        assertThat(deserializer.deserialize(Topics.ENROLLMENT, null)).isNull();
    }

    @Test
    void deserializerThrowsInvalidEventForPoisonRecords() {
        byte[] poison = "not json".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> deserializer.deserialize(Topics.CAPTURE_FRAMES, poison))
                .isInstanceOfSatisfying(InvalidEventException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.MALFORMED_JSON));
    }

    @Test
    void serializerRefusesInvalidEvents() {
        SessionCompleted data = new SessionCompleted(null, UUID.randomUUID(), 1, 1);
        Envelope<SessionCompleted> envelope = Envelope.of("test", data.personId().toString(), "110000", data);

        assertThatThrownBy(() -> serializer.serialize(Topics.CAPTURE_SESSIONS, envelope))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("$.data.sessionId");
    }

    @Test
    void oneSharedCodecServesConcurrentConsumers() throws Exception {
        List<Envelope<EventData>> envelopes = TestEvents.oneOfEach().stream().map(TestEvents::envelope).toList();
        List<byte[]> records = envelopes.stream().map(e -> serializer.serialize(e.topic(), e)).toList();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                results.add(pool.submit(() -> {
                    int matches = 0;
                    for (int round = 0; round < 200; round++) {
                        for (int i = 0; i < records.size(); i++) {
                            if (deserializer.deserialize("t", records.get(i)).equals(envelopes.get(i))) {
                                matches++;
                            }
                        }
                    }
                    return matches;
                }));
            }
            for (Future<Integer> result : results) {
                assertThat(result.get(60, TimeUnit.SECONDS)).isEqualTo(200 * records.size());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void serdeCanBeClosedAndConfiguredLikeAnyKafkaSerde() {
        try (EnvelopeSerializer s = new EnvelopeSerializer(); EnvelopeDeserializer d = new EnvelopeDeserializer()) {
            s.configure(java.util.Map.of(), false);
            d.configure(java.util.Map.of(), false);
        }
    }
}
