package org.lifecert.systemtests.frames;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Random;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/** Reading the shared face set and writing camera-like JPEG frames. */
public final class Images {

    /** ../shared/data/faces of the checkout (read-only shared inputs). */
    public static final Path FACES = locateFaces();

    private Images() {
    }

    private static Path locateFaces() {
        String configured = System.getProperty("lifecert.faces");
        if (configured != null) {
            return Path.of(configured);
        }
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            Path candidate = dir.resolve("shared/data/faces");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
            dir = dir.getParent();
        }
        return org.lifecert.testing.SharedData.faces();
    }

    /** A photo of the verify set (150x150 grayscale PNG crops of 8 real people), as bytes of the file. */
    public static byte[] verifyPhoto(String person, int n) {
        return read(FACES.resolve("verify").resolve(person).resolve(n + ".png"));
    }

    /** The five photos of a person of the verify set, 1.png first. */
    public static java.util.List<byte[]> verifyPhotos(String person) {
        java.util.List<byte[]> photos = new java.util.ArrayList<>();
        for (int n = 1; n <= 5; n++) {
            photos.add(verifyPhoto(person, n));
        }
        return photos;
    }

    public static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + " (the shared face set)", e);
        }
    }

    public static BufferedImage decode(byte[] bytes) {
        try {
            BufferedImage image = ImageIO.read(new java.io.ByteArrayInputStream(bytes));
            if (image == null) {
                throw new IllegalArgumentException("not an image");
            }
            BufferedImage rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
            rgb.getGraphics().drawImage(image, 0, 0, null);
            return rgb;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The image re-encoded as a camera would deliver a new capture of the same scene: every pixel
     * channel moved by -1, 0 or +1 grey level (seeded), JPEG quality 0.9. The detectors see the
     * recording's content; the bytes differ per session, as two real captures always do (liveness
     * treats byte-identical frames seen in two sessions as a replay).
     */
    public static byte[] recapture(byte[] source, long seed) {
        BufferedImage image = decode(source);
        Random random = new Random(seed);
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                int r = clamp(((rgb >> 16) & 0xff) + random.nextInt(3) - 1);
                int g = clamp(((rgb >> 8) & 0xff) + random.nextInt(3) - 1);
                int b = clamp((rgb & 0xff) + random.nextInt(3) - 1);
                image.setRGB(x, y, (r << 16) | (g << 8) | b);
            }
        }
        return jpeg(image, 0.9f);
    }

    /**
     * The image as the recipient page uploads a grabbed frame: drawn into its 320x240 canvas (app.js WIDTH, HEIGHT)
     * and encoded as JPEG at quality 0.7 (app.js QUALITY).
     */
    public static byte[] asPage(byte[] jpeg) {
        BufferedImage src = decode(jpeg);
        BufferedImage out = new BufferedImage(320, 240, BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = out.createGraphics();
        g.setRenderingHint(java.awt.RenderingHints.KEY_INTERPOLATION, java.awt.RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(src, 0, 0, 320, 240, null);
        g.dispose();
        return jpeg(out, 0.7f);
    }

    public static byte[] jpeg(BufferedImage image, float quality) {
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("jpeg");
        ImageWriter writer = writers.next();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
            writer.setOutput(stream);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality);
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }

    /** PNG or JPEG bytes as a JPEG (the verify set is PNG; the gateway takes JPEG frames only). */
    public static byte[] asJpeg(byte[] source) {
        return jpeg(decode(source), 0.92f);
    }

    private static int clamp(int v) {
        return Math.max(0, Math.min(255, v));
    }
}
