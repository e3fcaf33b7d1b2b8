package org.lifecert.events;

import java.util.Base64;
import java.util.Random;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Not a test: measures encode and decode (with schema validation) of the largest event, a frame
 * batch. Run with {@code mvn -B -o -pl libs/events verify -Dtest=CodecThroughputMeasurement -Dmeasure=true}
 * and read target/surefire-reports/org.lifecert.events.CodecThroughputMeasurement-output.txt.
 */
@EnabledIfSystemProperty(named = "measure", matches = "true")
class CodecThroughputMeasurement {

    @Test
    void measureFrameBatchEncodeAndDecode() {
        byte[] jpeg = new byte[30 * 1024];
        new Random(1).nextBytes(jpeg);
        String base64 = Base64.getEncoder().encodeToString(jpeg);
        Envelope<FrameBatchCaptured> envelope =
                TestEvents.envelope(TestEvents.frameBatchCaptured(UUID.randomUUID(), UUID.randomUUID(), 5, base64));
        EventCodec codec = EventCodec.shared();
        byte[] bytes = codec.encodeBytes(envelope);

        for (int i = 0; i < 300; i++) { // warm-up
            codec.decode(codec.encodeBytes(envelope));
        }
        int n = 1000;
        long t0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
            codec.encodeBytes(envelope);
        }
        long t1 = System.nanoTime();
        for (int i = 0; i < n; i++) {
            codec.decode(bytes);
        }
        long t2 = System.nanoTime();
        System.out.printf("FrameBatchCaptured, 5 frames x 30 KiB JPEG, %d bytes of JSON:%n", bytes.length);
        System.out.printf("  encode+validate: %.3f ms/event%n", (t1 - t0) / 1e6 / n);
        System.out.printf("  decode+validate: %.3f ms/event%n", (t2 - t1) / 1e6 / n);

        Envelope<MatchVerdict> small = TestEvents.envelope(TestEvents.matchVerdict(UUID.randomUUID(), UUID.randomUUID()));
        byte[] smallBytes = codec.encodeBytes(small);
        for (int i = 0; i < 5000; i++) {
            codec.decode(codec.encodeBytes(small));
        }
        long t3 = System.nanoTime();
        for (int i = 0; i < 20 * n; i++) {
            codec.decode(smallBytes);
        }
        long t4 = System.nanoTime();
        System.out.printf("MatchVerdict, %d bytes: decode+validate %.1f us/event%n", smallBytes.length,
                (t4 - t3) / 1e3 / (20 * n));
    }
}
