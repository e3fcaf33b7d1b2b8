package org.lifecert.systemtests.frames;

import java.awt.geom.AffineTransform;
import java.awt.image.AffineTransformOp;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Frames of the two real webcam recordings of ../shared/data/faces/video (one person, 400x300, 25
 * fps), extracted once per build with Debian's ffmpeg into target/footage/<video>/f%04d.jpg
 * ({@code ffmpeg -i <video>.mp4 -q:v 2 f%04d.jpg}: frame N is at (N-1)/25 s, the numbering of
 * libs/face-engine's test frames).
 */
public final class Footage {

    private static final Path ROOT = Path.of(System.getProperty("lifecert.footage.dir", "target/footage")).toAbsolutePath();

    private Footage() {
    }

    /** Frame {@code n} (1-based) of {@code video} ("webcam-a" or "webcam-b") as the JPEG ffmpeg wrote. */
    public static byte[] frame(String video, int n) {
        Path dir = extracted(video);
        return Images.read(dir.resolve(String.format("f%04d.jpg", n)));
    }

    /** The frame flipped left-right: what the same movement looks like to the other side. */
    public static byte[] mirrored(byte[] jpeg) {
        BufferedImage image = Images.decode(jpeg);
        AffineTransform flip = AffineTransform.getScaleInstance(-1, 1);
        flip.translate(-image.getWidth(), 0);
        BufferedImage out = new AffineTransformOp(flip, AffineTransformOp.TYPE_NEAREST_NEIGHBOR).filter(image, null);
        return Images.jpeg(out, 0.95f);
    }

    private static synchronized Path extracted(String video) {
        Path dir = ROOT.resolve(video);
        Path done = dir.resolve(".done");
        if (Files.exists(done)) {
            return dir;
        }
        Path source = Images.FACES.resolve("video").resolve(video + ".mp4");
        try {
            Files.createDirectories(dir);
            Process p = new ProcessBuilder("ffmpeg", "-loglevel", "error", "-y", "-i", source.toString(), "-q:v", "2",
                    dir.resolve("f%04d.jpg").toString()).redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes());
            if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException("ffmpeg could not extract " + source + ": " + output);
            }
            Files.writeString(done, "ffmpeg -i " + source + " -q:v 2 f%04d.jpg\n");
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("ffmpeg is needed to extract the webcam footage (apt-get install ffmpeg): "
                    + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
