package org.lifecert.systemtests.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A private copy of what the stack runs: each service's target/quarkus-app and deploy/local's
 * Keycloak zip, hard-linked (copied where links are impossible) under target/stack-apps, which then
 * serves as the stack's project root. Other engineers rebuild their services while the system
 * tests run; a service JVM whose jars are deleted under it fails at the next class it loads
 * (NoSuchFileException on lib/main/*.jar, seen on this machine). Hard links keep the files this run
 * started with.
 */
final class AppSnapshot {

    private AppSnapshot() {
    }

    static Path take(Path projectRoot, Path snapshotRoot, List<String> services) {
        try {
            if (Files.exists(snapshotRoot)) {
                try (Stream<Path> walk = Files.walk(snapshotRoot)) {
                    for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                        Files.deleteIfExists(p);
                    }
                }
            }
            Files.createDirectories(snapshotRoot);
            // StackSettings finds the root by these two
            Files.writeString(snapshotRoot.resolve("mvnw"), "# snapshot of the checkout's built services\n");
            Files.createDirectories(snapshotRoot.resolve("deploy/local/target/keycloak"));
            Path zip = projectRoot.resolve("deploy/local/target/keycloak/keycloak.zip");
            if (Files.exists(zip)) {
                link(zip, snapshotRoot.resolve("deploy/local/target/keycloak/keycloak.zip"));
            }
            for (String service : services) {
                Path app = projectRoot.resolve(service).resolve("target/quarkus-app");
                if (!Files.exists(app.resolve("quarkus-run.jar"))) {
                    continue;
                }
                Path target = snapshotRoot.resolve(service).resolve("target/quarkus-app");
                try (Stream<Path> walk = Files.walk(app)) {
                    for (Path p : walk.toList()) {
                        Path to = target.resolve(app.relativize(p).toString());
                        if (Files.isDirectory(p)) {
                            Files.createDirectories(to);
                        } else {
                            link(p, to);
                        }
                    }
                } catch (IOException | UncheckedIOException e) {
                    // being rebuilt at this very moment: leave it out, the stack reports it as not built
                    System.err.println(service + " could not be snapshotted (being rebuilt?): " + e.getMessage());
                    Files.deleteIfExists(target.resolve("quarkus-run.jar"));
                }
            }
            return snapshotRoot;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot snapshot the built services into " + snapshotRoot, e);
        }
    }

    private static void link(Path from, Path to) throws IOException {
        Files.createDirectories(to.getParent());
        try {
            Files.createLink(to, from);
        } catch (IOException | UnsupportedOperationException e) {
            Files.copy(from, to);
        }
    }
}
