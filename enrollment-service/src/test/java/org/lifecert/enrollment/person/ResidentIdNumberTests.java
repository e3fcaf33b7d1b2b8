package org.lifecert.enrollment.person;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lifecert.events.Sex;

class ResidentIdNumberTests {

    @Test
    void publishedSampleNumberParsesWithBirthDateAndSex() {
        // The GB 11643-1999 sample: 11010519491231002X, a woman born 1949-12-31.
        ResidentIdNumber id = ResidentIdNumber.parse("11010519491231002x").orElseThrow();
        assertThat(id.value()).isEqualTo("11010519491231002X");
        assertThat(id.birthDate()).isEqualTo(LocalDate.of(1949, 12, 31));
        assertThat(id.sex()).isEqualTo(Sex.FEMALE);
    }

    @Test
    void oddSequenceIsAMan() {
        assertThat(ResidentIdNumber.parse(ResidentIdNumber.of("210402", LocalDate.of(1955, 3, 8), 13)).orElseThrow().sex())
                .isEqualTo(Sex.MALE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "110105194912310021", "11010519491231002", "1101051949123100211",
            "110105194913310029", "11010519490230002X", "A1010519491231002X", "010105194912310027"})
    void wrongCheckDigitLengthDateOrCharactersAreRefused(String raw) {
        assertThat(ResidentIdNumber.parse(raw)).isEmpty();
    }
}
