package org.lifecert.gateway.session;

/**
 * Reads a JPEG's structure without decoding it: start-of-image, the chain of marker segments up to
 * the frame header (SOF0..SOF15 except DHT/JPG/DAC) for the dimensions, and the end-of-image marker.
 * What a browser's {@code canvas.toBlob("image/jpeg")} writes passes; a truncated or foreign file
 * does not. Microseconds per frame, where ImageIO's reader cost about a millisecond.
 */
final class JpegHeader {

    record Size(int width, int height) {
    }

    /** Why a file is not a JPEG; the message goes to the problem's {@code detail}. */
    static final class NotJpeg extends Exception {
        NotJpeg(String why) {
            super(why, null, false, false);
        }
    }

    private JpegHeader() {
    }

    static Size read(byte[] jpeg) throws NotJpeg {
        int n = jpeg.length;
        if (n < 4 || u8(jpeg, 0) != 0xff || u8(jpeg, 1) != 0xd8 || u8(jpeg, 2) != 0xff) {
            throw new NotJpeg("no JPEG start-of-image marker");
        }
        if (u8(jpeg, n - 2) != 0xff || u8(jpeg, n - 1) != 0xd9) {
            throw new NotJpeg("no JPEG end-of-image marker (truncated?)");
        }
        int i = 2;
        while (i < n - 2) {
            if (u8(jpeg, i) != 0xff) {
                throw new NotJpeg("marker expected at byte " + i);
            }
            int marker = u8(jpeg, i + 1);
            if (marker == 0xff) { // fill byte
                i++;
                continue;
            }
            i += 2;
            if (marker == 0x01 || (marker >= 0xd0 && marker <= 0xd7)) { // TEM, RSTn: no length
                continue;
            }
            if (marker == 0xd9 || marker == 0xda) {
                throw new NotJpeg("no frame header before the image data");
            }
            if (i + 2 > n) {
                throw new NotJpeg("segment length beyond the end");
            }
            int length = (u8(jpeg, i) << 8) | u8(jpeg, i + 1);
            if (length < 2 || i + length > n) {
                throw new NotJpeg("segment of " + length + " bytes at byte " + i + " does not fit");
            }
            if (isFrameHeader(marker)) {
                if (length < 8) {
                    throw new NotJpeg("frame header too short");
                }
                int height = (u8(jpeg, i + 3) << 8) | u8(jpeg, i + 4);
                int width = (u8(jpeg, i + 5) << 8) | u8(jpeg, i + 6);
                return new Size(width, height);
            }
            i += length;
        }
        throw new NotJpeg("no frame header");
    }

    private static boolean isFrameHeader(int marker) {
        return marker >= 0xc0 && marker <= 0xcf && marker != 0xc4 && marker != 0xc8 && marker != 0xcc;
    }

    private static int u8(byte[] b, int i) {
        return b[i] & 0xff;
    }
}
