package org.lifecert.testing.frames;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.lifecert.testing.SharedData;

/** Image bytes for tests: stills committed under a module's {@code /frames} test resources, and the shared face set. */
public final class TestImages {

    private TestImages() {
    }

    /** A still from the test class path's {@code /frames/} folder. */
    public static byte[] still(String name) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        InputStream found = loader == null ? null : loader.getResourceAsStream("frames/" + name);
        if (found == null) {
            found = TestImages.class.getClassLoader().getResourceAsStream("frames/" + name);
        }
        try (InputStream in = found) {
            if (in == null) {
                throw new IllegalArgumentException("no test frame " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A file of the development face set, e.g. {@code verify/amy/1.png}: under {@code -Dface.data.dir} when
     * set, else {@code shared/data/faces} beside the checkout ({@link SharedData}).
     */
    public static byte[] dataSet(String relative) {
        String configured = System.getProperty("face.data.dir");
        Path root = configured != null ? Path.of(configured) : SharedData.faces();
        try {
            return Files.readAllBytes(root.resolve(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
