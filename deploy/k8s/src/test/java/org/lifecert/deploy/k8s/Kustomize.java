package org.lifecert.deploy.k8s;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Renders an overlay with {@code kubectl kustomize}, once per test run, and parses the result. No
 * cluster is needed. The kustomizations use only Kustomize v2 features, so any kubectl >= 1.14 renders
 * them (checked with Debian's kubernetes-client 1.20.2 / Kustomize v2.0.3 and kubectl 1.32.4 / Kustomize
 * v5.5.0: identical output). A missing kubectl fails the tests with a message saying what to install:
 * a deployment check that silently skips is worse than none.
 */
final class Kustomize {

    static final List<String> OVERLAYS = List.of("dev", "prod");

    private static final Map<String, Manifest> RENDERED = new ConcurrentHashMap<>();

    private Kustomize() {
    }

    /** deploy/k8s, from the surefire property or the working directory. */
    static Path moduleDir() {
        String dir = System.getProperty("lifecert.k8s.dir");
        return dir != null ? Path.of(dir) : Path.of("").toAbsolutePath();
    }

    static Manifest overlay(String name) {
        return RENDERED.computeIfAbsent(name, Kustomize::render);
    }

    private static Manifest render(String overlay) {
        Path dir = moduleDir().resolve("overlays").resolve(overlay);
        if (!Files.isDirectory(dir)) {
            throw new AssertionError("overlay directory missing: " + dir);
        }
        String kubectl = kubectl();
        Result result = run(List.of(kubectl, "kustomize", dir.toString()));
        if (result.exitCode != 0) {
            throw new AssertionError("`" + kubectl + " kustomize " + dir + "` failed (exit " + result.exitCode + "):\n"
                    + result.stderr + "\n`kubectl version --client`:\n" + run(List.of(kubectl, "version", "--client")).stdout);
        }
        List<Map<String, Object>> documents = new ArrayList<>();
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        Yaml yaml = new Yaml(new SafeConstructor(options));
        for (Object document : yaml.loadAll(result.stdout)) {
            if (document instanceof Map<?, ?> map) {
                @SuppressWarnings("unchecked")
                Map<String, Object> resource = (Map<String, Object>) map;
                documents.add(resource);
            }
        }
        if (documents.isEmpty()) {
            throw new AssertionError("`kubectl kustomize " + dir + "` rendered nothing");
        }
        return new Manifest(overlay, documents);
    }

    /**
     * The kubectl to use: system property {@code lifecert.kubectl} if set (for a newer one than the
     * PATH's), else the one on PATH, else an AssertionError that says how to get one.
     */
    static String kubectl() {
        String configured = System.getProperty("lifecert.kubectl");
        if (configured != null && !configured.isBlank()) {
            if (!Files.isExecutable(Path.of(configured))) {
                throw new AssertionError("lifecert.kubectl=" + configured + " is not an executable file:"
                        + " these tests render the overlays with `kubectl kustomize`.");
            }
            return configured;
        }
        Optional<Path> found = findOnPath("kubectl");
        if (found.isEmpty()) {
            throw new AssertionError("kubectl is not on PATH: these tests render the overlays with `kubectl kustomize`."
                    + " Install one: Debian package kubernetes-client (any kubectl >= 1.14 works), or point"
                    + " -Dlifecert.kubectl=/path/to/kubectl at one. PATH=" + System.getenv("PATH"));
        }
        return found.get().toString();
    }

    private static Optional<Path> findOnPath(String command) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(dir, command);
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private record Result(int exitCode, String stdout, String stderr) {
    }

    private static Result run(List<String> command) {
        try {
            Path out = Files.createTempFile("kustomize", ".out");
            Path err = Files.createTempFile("kustomize", ".err");
            try {
                Process process = new ProcessBuilder(command)
                        .redirectOutput(out.toFile())
                        .redirectError(err.toFile())
                        .start();
                if (!process.waitFor(120, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    throw new AssertionError(String.join(" ", command) + " did not finish within 120 s");
                }
                return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                        Files.readString(err, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            throw new AssertionError("could not run " + String.join(" ", command) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted running " + String.join(" ", command), e);
        }
    }
}
