package org.lifecert.gateway.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.lifecert.events.Action;
import org.lifecert.events.Envelope;
import org.lifecert.events.EventCodec;
import org.lifecert.events.FrameBatchCaptured;
import org.lifecert.events.InvalidEventException;
import org.lifecert.gateway.GatewayFixtures;
import org.lifecert.testing.SharedData;

/** The upload's cheap payload checks (JPEG structure, encoding without the schema over base64), no Quarkus. */
class FramePayloadTests {

    @Test
    void jpegHeaderGivesTheDimensionsImageIoReads() throws Exception {
        byte[] encoded = GatewayFixtures.jpeg(320, 240, 0.7f, 3);
        assertThat(JpegHeader.read(encoded)).isEqualTo(new JpegHeader.Size(320, 240));
        byte[] photo = Files.readAllBytes(SharedData.face("multi/group4.jpg"));
        var image = ImageIO.read(new java.io.ByteArrayInputStream(photo));
        assertThat(JpegHeader.read(photo)).isEqualTo(new JpegHeader.Size(image.getWidth(), image.getHeight()));
    }

    @Test
    void truncatedOrForeignFilesAreNotJpeg() {
        byte[] jpeg = GatewayFixtures.jpeg(320, 240, 0.7f, 4);
        assertThatThrownBy(() -> JpegHeader.read(Arrays.copyOf(jpeg, jpeg.length - 100)))
                .isInstanceOf(JpegHeader.NotJpeg.class).hasMessageContaining("end-of-image");
        assertThatThrownBy(() -> JpegHeader.read(Arrays.copyOf(jpeg, 40)))
                .isInstanceOf(JpegHeader.NotJpeg.class);
        byte[] noFrameHeader = {(byte) 0xff, (byte) 0xd8, (byte) 0xff, (byte) 0xda, 0, 2, (byte) 0xff, (byte) 0xd9};
        assertThatThrownBy(() -> JpegHeader.read(noFrameHeader)).isInstanceOf(JpegHeader.NotJpeg.class)
                .hasMessageContaining("no frame header");
        byte[] segmentTooLong = {(byte) 0xff, (byte) 0xd8, (byte) 0xff, (byte) 0xe0, 0x7f, 0x00, 1, 2, (byte) 0xff, (byte) 0xd9};
        assertThatThrownBy(() -> JpegHeader.read(segmentTooLong)).isInstanceOf(JpegHeader.NotJpeg.class)
                .hasMessageContaining("does not fit");
        assertThatThrownBy(() -> JpegHeader.read("GIF89a........".getBytes())).isInstanceOf(JpegHeader.NotJpeg.class);
    }

    @Test
    void encodedFrameBatchDecodesWithTheSharedCodecToTheSameEvent() throws Exception {
        Envelope<FrameBatchCaptured> event = Envelope.of("capture-gateway", UUID.randomUUID().toString(), "bureau-a",
                batch("n0nce", GatewayFixtures.jpeg(320, 240, 0.7f, 5)));
        byte[] ours = new FrameBatchEncoder().encode(event);
        assertThat(EventCodec.shared().decode(ours)).isEqualTo(event);
        JsonNode tree = EventCodec.newObjectMapper().readTree(ours);
        JsonNode codecs = EventCodec.newObjectMapper().readTree(EventCodec.shared().encodeBytes(event));
        assertThat(tree).isEqualTo(codecs);
        // the upload's path (text already strictly decoded) writes the very same bytes
        assertThat(new FrameBatchEncoder().encodeDecoded(event)).isEqualTo(ours);
    }

    @Test
    void frameBatchWithInvalidMetadataIsStillRefusedByTheSchema() {
        Envelope<FrameBatchCaptured> event = Envelope.of("capture-gateway", UUID.randomUUID().toString(), "bureau-a",
                batch("", GatewayFixtures.jpeg(320, 240, 0.7f, 6)));
        assertThatThrownBy(() -> new FrameBatchEncoder().encode(event)).isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("nonce");
    }

    @Test
    void frameTextThatWouldNeedEscapingIsNeverSplicedIntoTheEvent() {
        Envelope<FrameBatchCaptured> event = Envelope.of("capture-gateway", UUID.randomUUID().toString(), "bureau-a",
                new FrameBatchCaptured(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), 0, Action.BLINK, "n0nce",
                        List.of(new FrameBatchCaptured.Frame(0, Instant.parse("2026-11-23T08:00:00Z"), "/9j/\",\"x\":\"")),
                        false, false, null, Instant.parse("2026-11-23T08:02:00Z")));
        assertThatThrownBy(() -> new FrameBatchEncoder().encode(event)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not base64");
    }

    private static FrameBatchCaptured batch(String nonce, byte[] jpeg) {
        String base64 = Base64.getEncoder().encodeToString(jpeg);
        return new FrameBatchCaptured(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), 0, Action.BLINK, nonce,
                List.of(new FrameBatchCaptured.Frame(0, Instant.parse("2026-11-23T08:00:00.125Z"), base64),
                        // observed by the page (v2): the flag survives the placeholder splice
                        new FrameBatchCaptured.Frame(1, Instant.parse("2026-11-23T08:00:00.250Z"), base64, true)),
                false, false, null, Instant.parse("2026-11-23T08:02:00Z"));
    }
}
