package org.lifecert.enrollment.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The bundled 国籍 and 使领馆 lists: well formed, and the look-ups the rules rely on. */
class ReferenceListsTests {

    private final ReferenceLists lists = ReferenceLists.bundled();

    @Test
    void everyCountryHasAUniqueIsoCodeAndChineseName() {
        Set<String> codes = new HashSet<>();
        Set<String> names = new HashSet<>();
        assertThat(lists.countries()).hasSizeGreaterThan(200).allSatisfy(c -> {
            assertThat(c.code()).matches("[A-Z]{2}");
            assertThat(c.name()).matches("[\\p{IsHan}（）·]+");
            assertThat(codes.add(c.code())).as("duplicate code %s", c.code()).isTrue();
            assertThat(names.add(c.name())).as("duplicate name %s", c.name()).isTrue();
        });
    }

    @Test
    void everyConsulateIsAChineseMissionInAListedCountry() {
        Set<String> names = new HashSet<>();
        assertThat(lists.consulates()).hasSizeGreaterThan(200).allSatisfy(c -> {
            assertThat(lists.country(c.country())).isPresent();
            assertThat(c.name()).startsWith("中国驻")
                    .endsWith(c.kind() == Consulate.Kind.EMBASSY ? "大使馆" : "总领事馆");
            assertThat(names.add(c.name())).as("duplicate %s", c.name()).isTrue();
        });
    }

    static Stream<Arguments> countries() {
        return Stream.of(
                Arguments.of("US", "美国"), Arguments.of("us", "美国"), Arguments.of("美国", "美国"),
                Arguments.of("GB", "英国"), Arguments.of("CN", "中国"), Arguments.of("HK", "中国香港"),
                Arguments.of("TW", "中国台湾"), Arguments.of(" JP ", "日本"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("countries")
    void countryIsFoundByCodeOrName(String key, String name) {
        assertThat(lists.country(key)).get().extracting(Country::name).isEqualTo(name);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unknownCountries")
    void unknownCountryIsNotFound(String key) {
        assertThat(lists.country(key)).isEmpty();
    }

    static Stream<String> unknownCountries() {
        return Stream.of("XX", "", "美利坚", "U S", null);
    }

    @Test
    void consulatesOfACountryStartWithTheEmbassy() {
        assertThat(lists.consulatesIn("US")).extracting(Consulate::name).startsWith("中国驻美国大使馆")
                .contains("中国驻纽约总领事馆", "中国驻旧金山总领事馆", "中国驻洛杉矶总领事馆", "中国驻芝加哥总领事馆");
        assertThat(lists.consulatesIn("CN")).isEmpty();
    }
}
