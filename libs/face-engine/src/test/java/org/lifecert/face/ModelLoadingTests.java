package org.lifecert.face;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ModelLoadingTests {
    @Test
    void missingModelFailsNamingTheFileAndTheRestoreCommand(@org.junit.jupiter.api.io.TempDir Path dir) {
        ModelUnavailableException e = assertThrows(ModelUnavailableException.class,
                () -> FaceEngine.load(FaceEngineConfig.builder().modelDirectory(dir).build()));
        assertTrue(e.getMessage().contains("fr_detect.onnx"), e.getMessage());
        assertTrue(e.getMessage().contains("./mvnw -pl libs/face-engine process-resources"), e.getMessage());
    }

    @Test
    void corruptModelFailsNamingTheFile(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        for (String m : List.of("fr_detect", "fr_landmark", "fr_eye", "fr_pose", "fr_liveness", "fr_feature")) {
            try (var in = FaceEngine.class.getResourceAsStream("/models/" + m + ".onnx")) {
                Files.write(dir.resolve(m + ".onnx"), in.readAllBytes());
            }
        }
        byte[] pose = Files.readAllBytes(dir.resolve("fr_pose.onnx"));
        Files.write(dir.resolve("fr_pose.onnx"), java.util.Arrays.copyOf(pose, pose.length / 2));

        ModelUnavailableException e = assertThrows(ModelUnavailableException.class,
                () -> FaceEngine.load(FaceEngineConfig.builder().modelDirectory(dir).build()));
        assertTrue(e.getMessage().contains("fr_pose.onnx") && e.getMessage().contains("corrupt"), e.getMessage());
    }
}
