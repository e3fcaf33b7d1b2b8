package org.lifecert.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The project's shared development data (real face photos and webcam footage), which lives in
 * {@code shared/} beside the checkout, wherever the checkout is (a developer's tree, CI's fresh
 * clone). {@code -Dlifecert.shared=DIR} or {@code LIFECERT_SHARED=DIR} point elsewhere.
 */
public final class SharedData {

    private SharedData() {
    }

    /** {@code shared/data/faces}. */
    public static Path faces() {
        return root().resolve("data/faces");
    }

    public static Path face(String relative) {
        return faces().resolve(relative);
    }

    public static Path root() {
        String configured = System.getProperty("lifecert.shared", System.getenv("LIFECERT_SHARED"));
        if (configured != null) {
            return Path.of(configured);
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared");
            if (Files.isDirectory(candidate.resolve("data/faces"))) {
                return candidate;
            }
        }
        throw new IllegalStateException("shared/data/faces not found beside the checkout of "
                + Path.of("").toAbsolutePath() + "; set -Dlifecert.shared=DIR");
    }
}
