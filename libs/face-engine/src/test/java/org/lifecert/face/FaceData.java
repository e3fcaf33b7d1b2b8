package org.lifecert.face;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The shared development face set (../../../shared/data/faces from this module) and this module's test frames. */
final class FaceData {
    static final Path ROOT = Path.of(System.getProperty("face.data.dir", "../../../shared/data/faces"));

    private FaceData() {
    }

    /** Skips the calling test, saying why, when the face set is not on this machine. */
    static void assumePresent() {
        Assumptions.assumeTrue(Files.isDirectory(ROOT),
                "development face set not found at " + ROOT.toAbsolutePath() + " (see shared/data/faces/MANIFEST.md); skipping");
    }

    static byte[] bytes(String relative) {
        try {
            return Files.readAllBytes(ROOT.resolve(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] frame(String name) {
        try (InputStream in = FaceData.class.getResourceAsStream("/frames/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test frame " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
