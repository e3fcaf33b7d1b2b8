package org.lifecert.testing.frames;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Frames whose pixels are a real capture's and whose bytes are unique to one session. */
public final class FrameBytes {

    private FrameBytes() {
    }

    /**
     * The same JPEG with a comment segment carrying {@code tag} after its start marker: the image
     * decodes identically, the bytes (and so the replay hash the liveness worker keeps) differ per
     * session, as two real captures of the same scene do. Other formats are returned unchanged.
     */
    public static byte[] unique(byte[] jpeg, String tag) {
        if (jpeg.length < 2 || (jpeg[0] & 0xff) != 0xff || (jpeg[1] & 0xff) != 0xd8) {
            return jpeg;
        }
        byte[] text = tag.getBytes(StandardCharsets.US_ASCII);
        ByteArrayOutputStream out = new ByteArrayOutputStream(jpeg.length + text.length + 4);
        out.write(0xff);
        out.write(0xd8);
        out.write(0xff);
        out.write(0xfe);
        int len = text.length + 2;
        out.write(len >> 8);
        out.write(len & 0xff);
        out.write(text, 0, text.length);
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }
}
