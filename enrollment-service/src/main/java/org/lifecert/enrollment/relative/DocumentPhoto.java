package org.lifecert.enrollment.relative;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Base64;
import javax.imageio.ImageIO;
import org.lifecert.enrollment.photo.ImageFormat;

/**
 * The photo of a relative's identity document (亲情服务: 上传亲属的身份凭证照片), checked before it is kept:
 * present, valid base64, at most the configured size, a JPEG or PNG by its first bytes that actually decodes,
 * and large enough to read a document on. Plain class, unit-tested without Quarkus.
 */
public final class DocumentPhoto {

    /** Below this (shorter side, pixels) the text of an identity document cannot be read. */
    static final int MIN_SIDE = 200;

    /** Either the photo's bytes or the reason (Chinese, for the recipient) it was refused. */
    public record Outcome(byte[] bytes, String message) {
        public boolean accepted() {
            return bytes != null;
        }
    }

    private final long maxBytes;

    public DocumentPhoto(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    public Outcome check(String base64) {
        if (base64 == null || base64.isBlank()) {
            return refused(RelativeMessages.DOCUMENT_PHOTO);
        }
        byte[] bytes;
        try {
            bytes = Base64.getMimeDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            return refused(RelativeMessages.DOCUMENT_PHOTO_UNREADABLE);
        }
        if (bytes.length > maxBytes) {
            return refused(String.format(RelativeMessages.DOCUMENT_PHOTO_TOO_LARGE, maxBytes / (1024 * 1024)));
        }
        if (ImageFormat.of(bytes) == null) {
            return refused(RelativeMessages.DOCUMENT_PHOTO_UNREADABLE);
        }
        BufferedImage image;
        try {
            image = ImageIO.read(new ByteArrayInputStream(bytes));
        } catch (IOException | RuntimeException e) {
            image = null;
        }
        if (image == null) {
            return refused(RelativeMessages.DOCUMENT_PHOTO_UNREADABLE);
        }
        if (Math.min(image.getWidth(), image.getHeight()) < MIN_SIDE) {
            return refused(RelativeMessages.DOCUMENT_PHOTO_TOO_SMALL);
        }
        return new Outcome(bytes, null);
    }

    private static Outcome refused(String message) {
        return new Outcome(null, message);
    }
}
