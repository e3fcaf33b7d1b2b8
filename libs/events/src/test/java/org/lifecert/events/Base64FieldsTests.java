package org.lifecert.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class Base64FieldsTests {

    private static final Pattern REGEX = Pattern.compile(Base64Fields.PATTERN);

    @Test
    void matchesExactlyWhatTheSchemaPatternMatches() {
        for (String text : List.of("QQ==", "QUI=", "QUJD", "a", "+/09", "=", "==", "===", "QQ===", "Q=Q=", "Q Q", "QQ==\\n",
                "é", "Q\\u0000", "-_", "", "A=", "A==", "/9j/4AAQSkZJRgABAQ")) {
            String s = text.replace("\\n", "\n").replace("\\u0000", "\u0000");
            assertThat(Base64Fields.matches(s)).as("'%s'", text).isEqualTo(!s.isEmpty() && REGEX.matcher(s).matches());
        }
    }

    @Test
    void theFrameSchemasBase64PropertyIsTakenOverFromTheRegex() throws Exception {
        var schema = new ObjectMapper().readTree(EventCodec.class.getResourceAsStream("/schemas/FrameBatchCaptured.v1.json"));
        assertThat(schema.toString()).contains(Base64Fields.PATTERN.replace("\\", "\\\\"));

        assertThat(Base64Fields.strip(schema)).containsExactly("jpegBase64");
        assertThat(schema.toString()).doesNotContain("A-Za-z0-9+/");
    }
}
