package org.lifecert.face;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class FaceTemplateTests {

    @Test
    void templateSurvivesItsBinaryForm() {
        FaceTemplate template = new FaceTemplate(List.of(new float[]{3, 4, 0}, new float[]{0, 0, 2}), "m/1");
        FaceTemplate back = FaceTemplate.fromBytes(template.toBytes());
        assertEquals("m/1", back.modelVersion());
        assertArrayEquals(new float[]{0.6f, 0.8f, 0f}, back.embeddings().get(0), 1e-6f);
        assertArrayEquals(new float[]{0f, 0f, 1f}, back.embeddings().get(1), 1e-6f);
    }

    @Test
    void garbageAndTruncatedBytesAreRefused() {
        byte[] bytes = new FaceTemplate(List.of(new float[]{1, 2, 3}), "m").toBytes();
        assertThrows(IllegalArgumentException.class, () -> FaceTemplate.fromBytes(Arrays.copyOf(bytes, bytes.length - 1)));
        assertThrows(IllegalArgumentException.class, () -> FaceTemplate.fromBytes(new byte[]{1, 2, 3}));
        assertThrows(IllegalArgumentException.class, () -> FaceTemplate.fromBytes(new byte[0]));
    }

    @Test
    void cosineSimilarityIgnoresVectorLength() {
        assertEquals(1.0, Embeddings.cosine(new float[]{1, 2}, new float[]{2, 4}), 1e-12);
        assertEquals(0.0, Embeddings.cosine(new float[]{1, 0}, new float[]{0, 5}), 1e-12);
        assertEquals(-1.0, Embeddings.cosine(new float[]{1, 1}, new float[]{-3, -3}), 1e-12);
    }
}
