package org.lifecert.platform.pii;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TemplateCipherTests {

    private static String key() {
        byte[] k = new byte[32];
        new SecureRandom().nextBytes(k);
        return Base64.getEncoder().encodeToString(k);
    }

    private final String k1 = key();
    private final String k2 = key();

    @Test
    void sealedTemplateOpensToTheSameBytesAndHidesThem() {
        TemplateCipher cipher = new TemplateCipher("k1", Map.of("k1", k1));
        byte[] plain = "512 floats".getBytes();
        TemplateCipher.Sealed sealed = cipher.seal(plain);
        assertThat(new String(Base64.getDecoder().decode(sealed.base64()))).doesNotContain("512 floats");
        assertThat(cipher.open(sealed)).isEqualTo(plain);
    }

    @Test
    void afterRotationOldTemplatesStillOpenAndNewOnesUseTheNewKey() {
        TemplateCipher.Sealed old = new TemplateCipher("k1", Map.of("k1", k1)).seal(new byte[] {1, 2, 3});
        TemplateCipher rotated = new TemplateCipher("k2", Map.of("k1", k1, "k2", k2));
        assertThat(rotated.open(old)).containsExactly(1, 2, 3);
        assertThat(rotated.seal(new byte[] {4}).keyId()).isEqualTo("k2");
    }

    @Test
    void alteredOrRelabelledTemplateIsRefused() {
        TemplateCipher cipher = new TemplateCipher("k1", Map.of("k1", k1, "k2", k2));
        TemplateCipher.Sealed sealed = cipher.seal(new byte[] {9, 9, 9});
        byte[] raw = Base64.getDecoder().decode(sealed.base64());
        raw[raw.length - 1] ^= 1;
        assertThatThrownBy(() -> cipher.open(new TemplateCipher.Sealed("k1", Base64.getEncoder().encodeToString(raw))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> cipher.open(new TemplateCipher.Sealed("k2", sealed.base64())))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void idNumbersAreMaskedAndHashedWithoutTheNumber() {
        IdNumbers ids = new IdNumbers(k1);
        assertThat(IdNumbers.mask("110101199003071234")).isEqualTo("110***********1234");
        assertThat(ids.hash("11010119900307123x")).isEqualTo(ids.hash("11010119900307123X")).hasSize(64)
                .doesNotContain("1101011990");
        assertThat(new IdNumbers(k2).hash("110101199003071234")).isNotEqualTo(ids.hash("110101199003071234"));
    }
}
