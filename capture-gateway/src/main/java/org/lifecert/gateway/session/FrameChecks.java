package org.lifecert.gateway.session;

import org.lifecert.platform.web.ApiException;

/**
 * Checks one uploaded frame without decoding its pixels: JPEG magic bytes (FF D8 FF), the marker
 * structure up to the frame header and the end-of-image marker ({@link JpegHeader}), and the
 * dimensions from that header within the configured bounds.
 */
public final class FrameChecks {

    public static final String NOT_JPEG = "上传的图像格式不正确，请重新认证";
    public static final String FRAME_TOO_LARGE = "上传的图像过大，请重新认证";

    private final int maxFrameBytes;
    private final int minDimension;
    private final int maxDimension;

    public FrameChecks(int maxFrameBytes, int minDimension, int maxDimension) {
        this.maxFrameBytes = maxFrameBytes;
        this.minDimension = minDimension;
        this.maxDimension = maxDimension;
    }

    public record Dimensions(int width, int height) {
    }

    public Dimensions check(int sequence, byte[] jpeg) {
        if (jpeg.length > maxFrameBytes) {
            throw new ApiException(413, "FRAME_TOO_LARGE", FRAME_TOO_LARGE,
                    "frame " + sequence + " has " + jpeg.length + " bytes, at most " + maxFrameBytes + " allowed");
        }
        if (jpeg.length < 4 || (jpeg[0] & 0xff) != 0xff || (jpeg[1] & 0xff) != 0xd8 || (jpeg[2] & 0xff) != 0xff) {
            throw notJpeg(sequence, "no JPEG start-of-image marker");
        }
        Dimensions dimensions = dimensions(sequence, jpeg);
        if (dimensions.width() < minDimension || dimensions.height() < minDimension
                || dimensions.width() > maxDimension || dimensions.height() > maxDimension) {
            throw new ApiException(400, "FRAME_DIMENSIONS", NOT_JPEG, "frame " + sequence + " is "
                    + dimensions.width() + "x" + dimensions.height() + ", allowed " + minDimension + ".." + maxDimension);
        }
        return dimensions;
    }

    private static Dimensions dimensions(int sequence, byte[] jpeg) {
        try {
            JpegHeader.Size size = JpegHeader.read(jpeg);
            return new Dimensions(size.width(), size.height());
        } catch (JpegHeader.NotJpeg e) {
            throw notJpeg(sequence, e.getMessage());
        }
    }

    private static ApiException notJpeg(int sequence, String why) {
        return new ApiException(400, "NOT_JPEG", NOT_JPEG, "frame " + sequence + ": " + why);
    }
}
