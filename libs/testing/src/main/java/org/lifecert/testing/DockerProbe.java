package org.lifecert.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/** Whether a Docker engine answers here; kept apart so that no Testcontainers class loads without one. */
final class DockerProbe {

    private DockerProbe() {
    }

    static boolean available() {
        if ("false".equalsIgnoreCase(System.getProperty("lifecert.testing.docker", "auto"))) {
            return false;
        }
        boolean socket = Files.exists(Path.of("/var/run/docker.sock")) || System.getenv("DOCKER_HOST") != null;
        if (!socket) {
            return false;
        }
        try {
            Class<?> factory = Class.forName("org.testcontainers.DockerClientFactory");
            Object instance = factory.getMethod("instance").invoke(null);
            return (Boolean) factory.getMethod("isDockerAvailable").invoke(instance);
        } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
            return false;
        }
    }
}
