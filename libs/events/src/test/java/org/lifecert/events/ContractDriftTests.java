package org.lifecert.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The records, the registry, the schema files and the topics must describe the same contract. */
class ContractDriftTests {

    private static final ObjectMapper JSON = new ObjectMapper();

    static Stream<EventTypes.Registration> registrations() {
        return EventTypes.all().stream();
    }

    @Test
    void everyTypeHasASchemaFileAndEverySchemaFileHasAType() throws Exception {
        Set<String> files;
        try (Stream<Path> list = Files.list(schemaDirectory())) {
            files = list.map(p -> "/schemas/" + p.getFileName()).collect(Collectors.toSet());
        }
        Set<String> expected = EventTypes.all().stream().map(EventTypes.Registration::schemaResource)
                .collect(Collectors.toCollection(HashSet::new));
        expected.add(EventTypes.ENVELOPE_SCHEMA);

        assertThat(files).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void everyEventRecordIsRegisteredAndEveryRegistrationIsAnEventRecord() {
        Set<Class<?>> permitted = Set.of(EventData.class.getPermittedSubclasses());
        Set<Class<?>> registered = EventTypes.all().stream().map(EventTypes.Registration::recordClass)
                .collect(Collectors.toSet());

        assertThat(registered).containsExactlyInAnyOrderElementsOf(permitted);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("registrations")
    void typeConstantMatchesTheRegisteredName(EventTypes.Registration registration) throws Exception {
        assertThat(registration.recordClass().getField("TYPE").get(null)).isEqualTo(registration.type());
        assertThat(registration.recordClass().getSimpleName()).isEqualTo(registration.type());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("registrations")
    void typeIsPublishedOnOneOfTheSixTopics(EventTypes.Registration registration) {
        assertThat(Topics.all()).contains(registration.topic());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("registrations")
    void schemaDescribesExactlyTheRecordComponents(EventTypes.Registration registration) throws IOException {
        JsonNode schema = readSchema(registration.schemaResource());
        assertThat(schema.path("$schema").asText()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
        assertThat(schema.has("additionalProperties")).as("readers must stay forward compatible").isFalse();

        List<String> problems = new ArrayList<>();
        // an older version's data lacks what later versions added; it still binds, those components null
        boolean older = registration.version() < EventTypes.current(registration.recordClass()).version();
        compare(schema, registration.recordClass(), "$.data", older, problems);

        assertThat(problems).isEmpty();
    }

    /**
     * Properties = record components (an older version may lack nullable ones added later); required = components
     * whose schema does not allow null;
     * enum schemas list exactly the Java constants; nested records and lists of records recurse.
     */
    private static void compare(JsonNode schema, Class<?> recordClass, String path, boolean older,
                                List<String> problems) {
        Set<String> components = Arrays.stream(recordClass.getRecordComponents()).map(RecordComponent::getName)
                .collect(Collectors.toSet());
        Set<String> properties = new HashSet<>();
        schema.path("properties").fieldNames().forEachRemaining(properties::add);
        Set<String> addedLater = Arrays.stream(recordClass.getRecordComponents())
                .filter(c -> !properties.contains(c.getName()) && older && !c.getType().isPrimitive())
                .map(RecordComponent::getName).collect(Collectors.toSet());
        Set<String> expected = new HashSet<>(components);
        expected.removeAll(addedLater);
        if (!expected.equals(properties)) {
            problems.add(path + ": record has " + components + ", schema has " + properties);
            return;
        }
        Set<String> required = new HashSet<>();
        schema.path("required").forEach(n -> required.add(n.asText()));
        for (RecordComponent component : recordClass.getRecordComponents()) {
            String name = component.getName();
            if (addedLater.contains(name)) {
                continue;
            }
            JsonNode property = schema.path("properties").path(name);
            boolean nullable = allowsNull(property);
            if (nullable == required.contains(name)) {
                problems.add(path + "." + name + ": nullable=" + nullable + " but required=" + required.contains(name));
            }
            if (component.getType().isPrimitive() && nullable) {
                problems.add(path + "." + name + ": primitive but nullable in the schema");
            }
            Class<?> type = component.getType();
            if (type.isEnum()) {
                Set<String> constants = Arrays.stream(type.getEnumConstants()).map(c -> ((Enum<?>) c).name())
                        .collect(Collectors.toSet());
                Set<String> listed = new HashSet<>();
                property.path("enum").forEach(n -> {
                    if (!n.isNull()) {
                        listed.add(n.asText());
                    }
                });
                if (!constants.equals(listed)) {
                    problems.add(path + "." + name + ": enum " + type.getSimpleName() + " " + constants
                            + " but schema lists " + listed);
                }
            } else if (type.isRecord()) {
                compare(property, type, path + "." + name, older, problems);
            } else if (List.class.equals(type)) {
                Type element = ((ParameterizedType) component.getGenericType()).getActualTypeArguments()[0];
                if (element instanceof Class<?> elementClass && elementClass.isRecord()) {
                    compare(property.path("items"), elementClass, path + "." + name + "[]", older, problems);
                }
            }
        }
    }

    private static boolean allowsNull(JsonNode property) {
        JsonNode type = property.path("type");
        if (type.isArray()) {
            for (JsonNode t : type) {
                if ("null".equals(t.asText())) {
                    return true;
                }
            }
        }
        return false;
    }

    @Test
    void topicsAndTheirDeadLetterTwins() {
        assertThat(Topics.all()).containsExactly("lifecert.enrollment.v1", "lifecert.capture.frames.v1",
                "lifecert.capture.sessions.v1", "lifecert.match.verdicts.v1", "lifecert.liveness.verdicts.v1",
                "lifecert.certification.v1");
        assertThat(Topics.dlq(Topics.MATCH_VERDICTS)).isEqualTo("lifecert.match.verdicts.v1.dlq");
        assertThat(Topics.allWithDlq()).hasSize(12).containsAll(Topics.all())
                .contains("lifecert.certification.v1.dlq", "lifecert.enrollment.v1.dlq");
    }

    @Test
    void everyTopicCarriesAtLeastOneType() {
        for (String topic : Topics.all()) {
            assertThat(EventTypes.typesOn(topic)).as(topic).isNotEmpty();
        }
        assertThat(EventTypes.typesOn(Topics.CAPTURE_FRAMES)).containsExactly(FrameBatchCaptured.TYPE);
        assertThat(EventTypes.typesOn(Topics.CERTIFICATION)).hasSize(7);
    }

    @Test
    void envelopeOfFillsIdTypeTimeAndCurrentVersion() {
        SessionCompleted data = TestEvents.sessionCompleted(java.util.UUID.randomUUID(), java.util.UUID.randomUUID());
        java.time.Instant before = java.time.Instant.now();

        Envelope<SessionCompleted> a = Envelope.of("capture-gateway", data.personId().toString(), "110000", data);
        Envelope<SessionCompleted> b = Envelope.of("capture-gateway", data.personId().toString(), "110000", data);

        assertThat(a.id()).isNotNull().isNotEqualTo(b.id());
        assertThat(a.type()).isEqualTo("SessionCompleted").isEqualTo(data.type());
        assertThat(a.schemaVersion()).isEqualTo(1);
        assertThat(a.time()).isBetween(before, java.time.Instant.now());
        assertThat(a.topic()).isEqualTo(Topics.CAPTURE_SESSIONS);
        assertThat(a.partitionKey()).isEqualTo(data.personId().toString());
    }

    @Test
    void frameBatchesAreKeyedBySessionEverythingElseByPerson() {
        FrameBatchCaptured frames = TestEvents.frameBatchCaptured(java.util.UUID.randomUUID(), java.util.UUID.randomUUID());
        MatchVerdict verdict = TestEvents.matchVerdict(frames.sessionId(), frames.personId());

        assertThat(TestEvents.envelope(frames).partitionKey()).isEqualTo(frames.sessionId().toString());
        assertThat(TestEvents.envelope(verdict).partitionKey()).isEqualTo(verdict.personId().toString());
    }

    @Test
    void benefitTypesAndSexesCarryTheSeedsChineseLabels() {
        assertThat(Arrays.stream(BenefitType.values()).map(BenefitType::label))
                .containsExactly("养老退休", "供养", "工伤", "工伤遗属");
        assertThat(Sex.MALE.label()).isEqualTo("男");
        assertThat(Sex.FEMALE.label()).isEqualTo("女");
    }

    private static Path schemaDirectory() throws URISyntaxException {
        return Path.of(ContractDriftTests.class.getResource("/schemas").toURI());
    }

    private static JsonNode readSchema(String resource) throws IOException {
        try (InputStream in = ContractDriftTests.class.getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            return JSON.readTree(in);
        }
    }
}
