package org.lifecert.face;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;

import java.io.IOException;
import java.io.InputStream;
import java.nio.FloatBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/** One ONNX model: its session (created once, shared by all threads: OrtSession.run is thread-safe) and its I/O names. */
final class OnnxModel implements AutoCloseable {
    private static final String CHECKSUMS = "/org/lifecert/face/models.sha256";

    final String file;
    private final OrtEnvironment env;
    private final OrtSession session;
    private final String inputName;
    private final long[] inputShape;
    private final List<String> outputNames;

    private OnnxModel(String file, OrtEnvironment env, OrtSession session, long[] inputShape, List<String> outputNames)
            throws OrtException {
        this.file = file;
        this.env = env;
        this.session = session;
        this.inputName = session.getInputNames().iterator().next();
        this.inputShape = inputShape;
        this.outputNames = outputNames.isEmpty() ? List.copyOf(session.getOutputNames()) : outputNames;
    }

    static OnnxModel load(String file, long[] inputShape, List<String> outputNames, FaceEngineConfig config,
                          OrtEnvironment env, OrtSession.SessionOptions options) {
        byte[] bytes = readModel(file, config);
        String expected = expectedSha256(file);
        String actual = sha256(bytes);
        if (expected == null || !expected.equals(actual)) {
            throw ModelUnavailableException.forModel(file, "is corrupt (sha256 " + actual + ", expected " + expected + ")", null);
        }
        try {
            OrtSession session = env.createSession(bytes, options);
            return new OnnxModel(file, env, session, inputShape, outputNames);
        } catch (OrtException e) {
            throw ModelUnavailableException.forModel(file, "cannot be loaded by ONNX Runtime: " + e.getMessage(), e);
        }
    }

    private static byte[] readModel(String file, FaceEngineConfig config) {
        if (config.modelDirectory().isPresent()) {
            Path path = config.modelDirectory().get().resolve(file);
            if (!Files.isRegularFile(path)) {
                throw ModelUnavailableException.forModel(path.toString(), "is missing", null);
            }
            try {
                return Files.readAllBytes(path);
            } catch (IOException e) {
                throw ModelUnavailableException.forModel(path.toString(), "cannot be read", e);
            }
        }
        try (InputStream in = OnnxModel.class.getResourceAsStream("/models/" + file)) {
            if (in == null) {
                throw ModelUnavailableException.forModel("models/" + file, "is missing from the class path", null);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw ModelUnavailableException.forModel("models/" + file, "cannot be read", e);
        }
    }

    private static String expectedSha256(String file) {
        try (InputStream in = OnnxModel.class.getResourceAsStream(CHECKSUMS)) {
            if (in == null) {
                return null;
            }
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String[] parts = line.trim().split("\\s+");
                if (parts.length == 2 && parts[1].equals(file)) {
                    return parts[0];
                }
            }
            return null;
        } catch (IOException e) {
            return null;
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs the model on {@code input} (filled, any position) and returns each requested output, flattened. */
    float[][] run(FloatBuffer input) throws OrtException {
        input.rewind();
        try (OnnxTensor tensor = OnnxTensor.createTensor(env, input, inputShape);
             OrtSession.Result result = session.run(Map.of(inputName, tensor))) {
            float[][] out = new float[outputNames.size()][];
            for (int i = 0; i < out.length; i++) {
                OnnxTensor t = (OnnxTensor) result.get(outputNames.get(i))
                        .orElseThrow(() -> new IllegalStateException(file + " has no output"));
                FloatBuffer fb = t.getFloatBuffer();
                out[i] = new float[fb.remaining()];
                fb.get(out[i]);
            }
            return out;
        }
    }

    int inputSize() {
        long n = 1;
        for (long d : inputShape) {
            n *= d;
        }
        return (int) n;
    }

    @Override
    public void close() {
        try {
            session.close();
        } catch (OrtException e) {
            // closing a session only frees memory; nothing to recover
        }
    }
}
