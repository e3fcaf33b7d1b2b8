package org.lifecert.platform.pii;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class EmbeddingJsonTests {

    /** A state shaped like the services' working states: embeddings among other fields. */
    public static final class State {
        public int framesSeen;
        public List<float[]> embeddings;
    }

    private static float[] embedding(long seed) {
        Random random = new Random(seed);
        float[] values = new float[512];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) random.nextGaussian() / 22.6f;
        }
        return values;
    }

    private static State state(float[]... embeddings) {
        State state = new State();
        state.framesSeen = 54;
        state.embeddings = List.of(embeddings);
        return state;
    }

    private static TemplateCipher cipher() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return new TemplateCipher("k1", Map.of("k1", Base64.getEncoder().encodeToString(key)));
    }

    @Test
    void compactEmbeddingsReadBackExactlyInUnderHalfTheSize() throws Exception {
        ObjectMapper compact = new ObjectMapper().registerModule(EmbeddingJson.compact());
        State state = state(embedding(1), embedding(2));
        String json = compact.writeValueAsString(state);
        String numbers = new ObjectMapper().writeValueAsString(state);

        State back = compact.readValue(json, State.class);
        assertThat(back.framesSeen).isEqualTo(54);
        assertThat(back.embeddings).hasSize(2);
        assertThat(back.embeddings.get(0)).containsExactly(embedding(1));
        assertThat(back.embeddings.get(1)).containsExactly(embedding(2));
        assertThat(json.length()).isLessThan(numbers.length() / 2);
    }

    @Test
    void rowsWrittenAsNumberArraysStayReadable() throws Exception {
        String older = new ObjectMapper().writeValueAsString(state(embedding(3)));
        assertThat(older).contains("[");
        for (ObjectMapper mapper : new ObjectMapper[]{new ObjectMapper().registerModule(EmbeddingJson.compact()),
                new ObjectMapper().registerModule(EmbeddingJson.sealed(cipher()))}) {
            assertThat(mapper.readValue(older, State.class).embeddings.get(0)).containsExactly(embedding(3));
        }
    }

    @Test
    void sealedEmbeddingsHideTheValuesAndOpenOnlyWithTheirKey() throws Exception {
        TemplateCipher cipher = cipher();
        ObjectMapper sealed = new ObjectMapper().registerModule(EmbeddingJson.sealed(cipher));
        String json = sealed.writeValueAsString(state(embedding(4)));

        assertThat(json).contains("\"k1:").contains("\"framesSeen\":54");
        String compactText = new ObjectMapper().registerModule(EmbeddingJson.compact())
                .writeValueAsString(state(embedding(4)));
        String plainBase64 = compactText.substring(compactText.indexOf("[\"") + 2, compactText.indexOf("\"]"));
        assertThat(json).doesNotContain(plainBase64.substring(0, 40));
        assertThat(sealed.readValue(json, State.class).embeddings.get(0)).containsExactly(embedding(4));

        ObjectMapper otherKey = new ObjectMapper().registerModule(EmbeddingJson.sealed(cipher()));
        assertThatThrownBy(() -> otherKey.readValue(json, State.class)).hasMessageContaining("altered or wrong key");
        ObjectMapper compact = new ObjectMapper().registerModule(EmbeddingJson.compact());
        assertThatThrownBy(() -> compact.readValue(json, State.class)).hasMessageContaining("sealed embedding");
    }
}
