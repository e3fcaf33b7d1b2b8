package org.lifecert.face;

import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.core.CvType;
import org.opencv.imgcodecs.Imgcodecs;

/**
 * Turns untrusted bytes into a BGR image, or a rejection. Only JPEG and PNG are accepted; their declared size is read
 * from the header and checked before anything is decoded (decompression bombs), and a file that does not end the way
 * its format ends (truncated upload) is refused instead of being decoded into a half-grey picture.
 */
final class ImageDecoder {
    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    /** How many trailing bytes after a JPEG's end marker (EOI) we tolerate (some encoders pad). */
    private static final int JPEG_TRAILER_SLACK = 64;

    /** {@code width} x {@code height}: the image's own size; {@code scale}: decoded pixels per image pixel (1 or 0.5). */
    record Decoded(Mat image, Rejection rejection, int width, int height, double scale) {
        static Decoded rejected(ReasonCode code, String detail) {
            return new Decoded(null, Rejection.of(code, detail), 0, 0, 1);
        }
    }

    record Header(String format, int width, int height) {
    }

    private final FaceEngineConfig config;

    ImageDecoder(FaceEngineConfig config) {
        this.config = config;
    }

    Decoded decode(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            return Decoded.rejected(ReasonCode.IMAGE_UNREADABLE, "no bytes");
        }
        if (bytes.length > config.maxImageBytes()) {
            return Decoded.rejected(ReasonCode.IMAGE_TOO_LARGE, bytes.length + " bytes > " + config.maxImageBytes());
        }
        Header header;
        try {
            header = readHeader(bytes);
        } catch (RuntimeException e) {
            header = null;
        }
        if (header == null) {
            return Decoded.rejected(ReasonCode.IMAGE_UNREADABLE, "not a JPEG or PNG, or a damaged header");
        }
        if (header.width() <= 0 || header.height() <= 0) {
            return Decoded.rejected(ReasonCode.IMAGE_UNREADABLE, "zero-size image");
        }
        if (header.width() > config.maxImageSide() || header.height() > config.maxImageSide()
                || (long) header.width() * header.height() > config.maxImagePixels()) {
            return Decoded.rejected(ReasonCode.IMAGE_TOO_LARGE,
                    "declared " + header.width() + "x" + header.height());
        }
        if (!complete(header.format(), bytes)) {
            return Decoded.rejected(ReasonCode.IMAGE_UNREADABLE, header.format() + " is truncated");
        }
        MatOfByte buf = new MatOfByte();
        Mat image = null;
        try {
            buf.fromArray(bytes);
            // a JPEG large enough is decoded at half scale by the DCT itself (about half the CPU of a full decode)
            boolean half = "JPEG".equals(header.format()) && config.halfScaleDecodeMinSide() > 0
                    && Math.min(header.width(), header.height()) >= config.halfScaleDecodeMinSide();
            image = Imgcodecs.imdecode(buf, half ? Imgcodecs.IMREAD_REDUCED_COLOR_2 : Imgcodecs.IMREAD_COLOR);
            if (image.empty() || image.type() != CvType.CV_8UC3) {
                image.release();
                return Decoded.rejected(ReasonCode.IMAGE_UNREADABLE, header.format() + " could not be decoded");
            }
            // EXIF orientation may swap the sides; anything else means the header lied.
            int w = half ? (header.width() + 1) / 2 : header.width(), h = half ? (header.height() + 1) / 2 : header.height();
            boolean sameSize = (image.cols() == w && image.rows() == h) || (image.cols() == h && image.rows() == w);
            if (!sameSize) {
                image.release();
                return Decoded.rejected(ReasonCode.IMAGE_UNREADABLE, "decoded size differs from the header");
            }
            return half ? new Decoded(image, null, image.cols() == w ? header.width() : header.height(),
                    image.cols() == w ? header.height() : header.width(), 0.5)
                    : new Decoded(image, null, image.cols(), image.rows(), 1);
        } catch (RuntimeException e) {
            if (image != null) {
                image.release();
            }
            return Decoded.rejected(ReasonCode.IMAGE_UNREADABLE, "decoder failed: " + e.getClass().getSimpleName());
        } finally {
            buf.release();
        }
    }

    /** Format and declared size from the first bytes, or null when the bytes are not JPEG/PNG. */
    static Header readHeader(byte[] b) {
        if (b.length >= 24 && startsWith(b, PNG_SIGNATURE)) {
            if (b[12] != 'I' || b[13] != 'H' || b[14] != 'D' || b[15] != 'R') {
                return null;
            }
            return new Header("PNG", int32(b, 16), int32(b, 20));
        }
        if (b.length >= 4 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xD8) {
            int i = 2;
            while (i + 3 < b.length) {
                if ((b[i] & 0xff) != 0xFF) {
                    return null;
                }
                int marker = b[i + 1] & 0xff;
                if (marker == 0xFF) {
                    i++;
                    continue;
                }
                if (marker == 0xD8 || marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {
                    i += 2;
                    continue;
                }
                if (marker == 0xD9 || marker == 0xDA) {
                    return null; // end or scan data before any frame header
                }
                int length = ((b[i + 2] & 0xff) << 8) | (b[i + 3] & 0xff);
                if (length < 2) {
                    return null;
                }
                boolean sof = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
                if (sof) {
                    if (i + 8 >= b.length) {
                        return null;
                    }
                    int height = ((b[i + 5] & 0xff) << 8) | (b[i + 6] & 0xff);
                    int width = ((b[i + 7] & 0xff) << 8) | (b[i + 8] & 0xff);
                    return new Header("JPEG", width, height);
                }
                i += 2 + length;
            }
            return null;
        }
        return null;
    }

    /** A JPEG ends with its EOI marker (allowing a little padding), a PNG with its IEND chunk. */
    static boolean complete(String format, byte[] b) {
        if (format.equals("PNG")) {
            for (int i = b.length - 8; i >= Math.max(8, b.length - 8 - JPEG_TRAILER_SLACK); i--) {
                if (b[i] == 'I' && b[i + 1] == 'E' && b[i + 2] == 'N' && b[i + 3] == 'D') {
                    return true;
                }
            }
            return false;
        }
        for (int i = b.length - 2; i >= Math.max(2, b.length - 2 - JPEG_TRAILER_SLACK); i--) {
            if ((b[i] & 0xff) == 0xFF && (b[i + 1] & 0xff) == 0xD9) {
                return true;
            }
        }
        return false;
    }

    private static boolean startsWith(byte[] b, byte[] prefix) {
        for (int i = 0; i < prefix.length; i++) {
            if (b[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static int int32(byte[] b, int off) {
        return ((b[off] & 0xff) << 24) | ((b[off + 1] & 0xff) << 16) | ((b[off + 2] & 0xff) << 8) | (b[off + 3] & 0xff);
    }
}
