package org.lifecert.face;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A person's reference: one L2-normalised embedding per enrolled photo and the model version that made them.
 * Binary form: "LCFT", format version (1 byte), model version (2-byte length + UTF-8), count (int), dimension (int),
 * then count x dimension big-endian floats.
 */
public final class FaceTemplate {
    private static final byte[] MAGIC = {'L', 'C', 'F', 'T'};
    private static final byte FORMAT = 1;
    private static final int MAX_EMBEDDINGS = 64;
    private static final int MAX_DIMENSION = 4096;

    private final List<float[]> embeddings;
    private final String modelVersion;

    public FaceTemplate(List<float[]> embeddings, String modelVersion) {
        if (embeddings.isEmpty() || embeddings.size() > MAX_EMBEDDINGS) {
            throw new IllegalArgumentException("a template holds 1.." + MAX_EMBEDDINGS + " embeddings");
        }
        int dim = embeddings.get(0).length;
        List<float[]> copy = new ArrayList<>();
        for (float[] e : embeddings) {
            if (e.length != dim || dim == 0) {
                throw new IllegalArgumentException("embeddings differ in dimension");
            }
            copy.add(Embeddings.normalised(e));
        }
        this.embeddings = List.copyOf(copy);
        this.modelVersion = modelVersion;
    }

    public List<float[]> embeddings() {
        return embeddings.stream().map(float[]::clone).toList();
    }

    List<float[]> embeddingsView() {
        return embeddings;
    }

    public String modelVersion() {
        return modelVersion;
    }

    public int dimension() {
        return embeddings.get(0).length;
    }

    public byte[] toBytes() {
        byte[] version = modelVersion.getBytes(StandardCharsets.UTF_8);
        int dim = dimension();
        ByteBuffer buf = ByteBuffer.allocate(4 + 1 + 2 + version.length + 8 + embeddings.size() * dim * 4);
        buf.put(MAGIC).put(FORMAT).putShort((short) version.length).put(version);
        buf.putInt(embeddings.size()).putInt(dim);
        for (float[] e : embeddings) {
            for (float v : e) {
                buf.putFloat(v);
            }
        }
        return buf.array();
    }

    /** @throws IllegalArgumentException when the bytes are not a template */
    public static FaceTemplate fromBytes(byte[] bytes) {
        try {
            ByteBuffer buf = ByteBuffer.wrap(bytes);
            byte[] magic = new byte[4];
            buf.get(magic);
            if (!java.util.Arrays.equals(magic, MAGIC) || buf.get() != FORMAT) {
                throw new IllegalArgumentException("not a face template (magic/format)");
            }
            int vlen = Short.toUnsignedInt(buf.getShort());
            byte[] version = new byte[vlen];
            buf.get(version);
            int count = buf.getInt();
            int dim = buf.getInt();
            if (count < 1 || count > MAX_EMBEDDINGS || dim < 1 || dim > MAX_DIMENSION
                    || buf.remaining() != count * dim * 4) {
                throw new IllegalArgumentException("face template has a bad size");
            }
            List<float[]> embeddings = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                float[] e = new float[dim];
                for (int j = 0; j < dim; j++) {
                    e[j] = buf.getFloat();
                }
                embeddings.add(e);
            }
            return new FaceTemplate(embeddings, new String(version, StandardCharsets.UTF_8));
        } catch (java.nio.BufferUnderflowException e) {
            throw new IllegalArgumentException("face template is truncated", e);
        }
    }
}
