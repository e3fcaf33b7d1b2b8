package org.lifecert.gateway.session;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import org.lifecert.platform.web.ApiException;

/**
 * Checks one uploaded frame without decoding its pixels: JPEG magic bytes (FF D8 FF), then the
 * dimensions from the JPEG header through ImageIO, within the configured bounds.
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
        // In memory: ImageIO.createImageInputStream would spool through a temporary file by default.
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(jpeg))) {
            Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName("jpeg");
            if (!readers.hasNext()) {
                throw new IllegalStateException("no JPEG reader in this JVM");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                return new Dimensions(reader.getWidth(0), reader.getHeight(0));
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof IllegalStateException ise && ise.getMessage().startsWith("no JPEG")) {
                throw ise;
            }
            throw notJpeg(sequence, "JPEG header unreadable: " + e.getMessage());
        }
    }

    private static ApiException notJpeg(int sequence, String why) {
        return new ApiException(400, "NOT_JPEG", NOT_JPEG, "frame " + sequence + ": " + why);
    }
}
