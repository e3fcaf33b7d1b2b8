package org.lifecert.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** FrameBatchCaptured v2: the frames the page observed say so; v1 records still decode. */
class FrameObservedTests {

    private final EventCodec codec = EventCodec.shared();

    @Test
    void v2MarksOnlyTheObservedFramesAndRoundTrips() {
        Envelope<FrameBatchCaptured> envelope = TestEvents.envelope(TestEvents.frameBatchCaptured(UUID.randomUUID(),
                UUID.randomUUID()));
        String json = codec.encode(envelope);

        assertThat(envelope.schemaVersion()).isEqualTo(2);
        // written for the observed frame only: the others carry no null
        assertThat(json).containsOnlyOnce("\"observed\":true").doesNotContain("\"observed\":null");
        FrameBatchCaptured decoded = (FrameBatchCaptured) codec.decode(json).data();
        assertThat(decoded.frames()).extracting(FrameBatchCaptured.Frame::wasObserved).containsExactly(false, true, false);
        assertThat(decoded).isEqualTo(envelope.data());
    }

    @Test
    void aV1RecordWrittenBeforeTheFlagDecodesWithNoFrameObserved() {
        Envelope<FrameBatchCaptured> envelope = TestEvents.envelope(TestEvents.frameBatchCaptured(UUID.randomUUID(),
                UUID.randomUUID()));
        String v1 = codec.encode(envelope).replace("\"schemaVersion\":2", "\"schemaVersion\":1")
                .replace(",\"observed\":true", "");
        assertThat(v1).contains("\"schemaVersion\":1").doesNotContain("observed");

        Envelope<? extends EventData> decoded = codec.decode(v1.getBytes(StandardCharsets.UTF_8));

        assertThat(decoded.schemaVersion()).isEqualTo(1);
        FrameBatchCaptured batch = (FrameBatchCaptured) decoded.data();
        assertThat(batch.frames()).hasSize(3).allSatisfy(f -> {
            assertThat(f.observed()).isNull();
            assertThat(f.wasObserved()).isFalse();
        });
    }
}
