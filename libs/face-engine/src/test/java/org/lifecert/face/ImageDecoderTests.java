package org.lifecert.face;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ImageDecoderTests {

    @Test
    void jpegSizeIsReadFromTheFrameHeaderAfterOtherSegments() {
        byte[] jpeg = {(byte) 0xFF, (byte) 0xD8,
                (byte) 0xFF, (byte) 0xE0, 0, 4, 1, 2,                       // APP0, length 4
                (byte) 0xFF, (byte) 0xC2, 0, 11, 8, 0x01, 0x2C, 0x01, (byte) 0x90, 3, 0, 0, 0};  // SOF2 300x400
        ImageDecoder.Header h = ImageDecoder.readHeader(jpeg);
        assertEquals("JPEG", h.format());
        assertEquals(400, h.width());
        assertEquals(300, h.height());
    }

    @Test
    void huffmanTableMarkerIsNotTakenForAFrameHeader() {
        byte[] jpeg = {(byte) 0xFF, (byte) 0xD8,
                (byte) 0xFF, (byte) 0xC4, 0, 4, 9, 9,                        // DHT
                (byte) 0xFF, (byte) 0xC0, 0, 11, 8, 0, 10, 0, 20, 3, 0, 0, 0};
        ImageDecoder.Header h = ImageDecoder.readHeader(jpeg);
        assertEquals(20, h.width());
        assertEquals(10, h.height());
    }

    @Test
    void scanBeforeFrameHeaderOrUnknownBytesGiveNoHeader() {
        assertNull(ImageDecoder.readHeader(new byte[]{(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xDA, 0, 2}));
        assertNull(ImageDecoder.readHeader("BM6\0\0\0".getBytes()));
        assertNull(ImageDecoder.readHeader(new byte[0]));
    }

    @Test
    void jpegIsCompleteOnlyWithItsEndMarker() {
        byte[] ok = {(byte) 0xFF, (byte) 0xD8, 1, 2, 3, (byte) 0xFF, (byte) 0xD9};
        byte[] padded = {(byte) 0xFF, (byte) 0xD8, 1, 2, 3, (byte) 0xFF, (byte) 0xD9, 0, 0, 0};
        byte[] cut = {(byte) 0xFF, (byte) 0xD8, 1, 2, 3, 4, 5};
        assertTrue(ImageDecoder.complete("JPEG", ok));
        assertTrue(ImageDecoder.complete("JPEG", padded));
        assertFalse(ImageDecoder.complete("JPEG", cut));
    }
}
