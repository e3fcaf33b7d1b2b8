package org.lifecert.events;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import org.lifecert.events.InvalidEventException.Reason;

/**
 * Encodes and decodes {@link Envelope}s as JSON. Both directions validate against the JSON Schemas
 * in {@code /schemas}: decoding validates before binding, so a consumer only ever sees events that
 * satisfy the contract; encoding validates what it is about to publish, so a producer cannot put an
 * invalid event on a topic. Thread-safe; {@link #shared()} is the instance to use.
 */
public final class EventCodec {

    private static final class Holder {
        static final EventCodec SHARED = new EventCodec();
    }

    private static final String ENVELOPE = "Envelope";

    private final ObjectMapper mapper;
    private final JsonSchema envelopeSchema;
    private final Map<EventTypes.Registration, JsonSchema> dataSchemas;
    /** Per event type, the names of its base64 properties, checked by {@link Base64Fields} instead of a regex. */
    private final Map<EventTypes.Registration, Set<String>> base64Fields;

    /** Loads and compiles every schema; prefer {@link #shared()}, construction is not cheap. */
    public EventCodec() {
        this.mapper = newObjectMapper();
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder()
                .formatAssertionsEnabled(true)
                .pathType(PathType.JSON_PATH)
                .build();
        this.envelopeSchema = load(factory, config, EventTypes.ENVELOPE_SCHEMA, new HashSet<>());
        Map<EventTypes.Registration, JsonSchema> schemas = new LinkedHashMap<>();
        Map<EventTypes.Registration, Set<String>> base64 = new LinkedHashMap<>();
        for (EventTypes.Registration registration : EventTypes.all()) {
            Set<String> names = new HashSet<>();
            schemas.put(registration, load(factory, config, registration.schemaResource(), names));
            base64.put(registration, Set.copyOf(names));
        }
        this.dataSchemas = Map.copyOf(schemas);
        this.base64Fields = Map.copyOf(base64);
    }

    /** The process-wide instance. */
    public static EventCodec shared() {
        return Holder.SHARED;
    }

    /**
     * A Jackson mapper configured like the codec's (ISO-8601 instants and dates, unknown properties
     * ignored), for services that need to turn event data into JSON themselves.
     */
    public static ObjectMapper newObjectMapper() {
        return JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
                // Forward compatible: a reader of v1 ignores fields a later producer adds.
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .build();
    }

    // ---------------------------------------------------------------- encode

    /** The envelope as JSON text. Throws {@link InvalidEventException} if it violates its schema. */
    public String encode(Envelope<?> envelope) {
        ObjectNode tree = validatedTree(envelope);
        try {
            return mapper.writeValueAsString(tree);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write a JSON tree", e);
        }
    }

    /** The envelope as UTF-8 JSON. Throws {@link InvalidEventException} if it violates its schema. */
    public byte[] encodeBytes(Envelope<?> envelope) {
        ObjectNode tree = validatedTree(envelope);
        try {
            return mapper.writeValueAsBytes(tree);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write a JSON tree", e);
        }
    }

    /** Validates the envelope as {@link #encode} would, without writing it. */
    public void validate(Envelope<?> envelope) {
        validatedTree(envelope);
    }

    private ObjectNode validatedTree(Envelope<?> envelope) {
        if (envelope == null) {
            throw new IllegalArgumentException("envelope must not be null");
        }
        ObjectNode tree = mapper.createObjectNode();
        tree.put("id", envelope.id() == null ? null : envelope.id().toString());
        tree.put("type", envelope.type());
        tree.put("source", envelope.source());
        tree.put("time", envelope.time() == null ? null : envelope.time().toString());
        tree.put("subject", envelope.subject());
        tree.put("bureau", envelope.bureau());
        tree.put("schemaVersion", envelope.schemaVersion());
        tree.set("data", envelope.data() == null ? null : mapper.valueToTree(envelope.data()));

        EventTypes.Registration registration = checkEnvelope(tree);
        if (envelope.data() != null && !registration.recordClass().equals(envelope.data().getClass())) {
            String message = registration + ": data is a " + envelope.data().getClass().getSimpleName()
                    + ", not a " + registration.recordClass().getSimpleName();
            throw new InvalidEventException(Reason.SCHEMA_VIOLATION, registration.type(), registration.version(),
                    List.of(message), message, null);
        }
        List<String> violations = new ArrayList<>(dataViolations(registration, tree.get("data")));
        // JSON has no NaN or infinity; Jackson would write them as strings no reader accepts.
        collectNonFinite(tree.get("data"), "$.data", violations);
        if (!violations.isEmpty()) {
            throw violation(registration.toString(), registration.type(), registration.version(), violations);
        }
        return tree;
    }

    private static void collectNonFinite(JsonNode node, String path, List<String> violations) {
        if (node == null) {
            return;
        }
        if (node.isFloatingPointNumber() && !Double.isFinite(node.doubleValue())) {
            violations.add(path + ": is " + node.doubleValue() + " but must be a finite number");
        } else if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                collectNonFinite(field.getValue(), path + "." + field.getKey(), violations);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collectNonFinite(node.get(i), path + "[" + i + "]", violations);
            }
        }
    }

    // ---------------------------------------------------------------- decode

    /** Parses, validates and binds one event. Throws {@link InvalidEventException}. */
    public Envelope<? extends EventData> decode(String json) {
        if (json == null) {
            throw new InvalidEventException(Reason.MALFORMED_JSON, "Event is null");
        }
        JsonNode tree;
        try {
            tree = mapper.readTree(json);
        } catch (JsonProcessingException e) {
            throw malformed(e);
        }
        return decodeTree(tree);
    }

    /** Parses, validates and binds one event from UTF-8 JSON. Throws {@link InvalidEventException}. */
    public Envelope<? extends EventData> decode(byte[] json) {
        if (json == null) {
            throw new InvalidEventException(Reason.MALFORMED_JSON, "Event is null");
        }
        JsonNode tree;
        try {
            tree = mapper.readTree(json);
        } catch (IOException e) {
            throw malformed(e);
        }
        return decodeTree(tree);
    }

    private static InvalidEventException malformed(IOException e) {
        String detail = e instanceof JsonProcessingException jpe ? jpe.getOriginalMessage() : e.getMessage();
        return new InvalidEventException(Reason.MALFORMED_JSON, null, null, List.of(detail),
                "Event is not valid JSON: " + detail, e);
    }

    private Envelope<? extends EventData> decodeTree(JsonNode tree) {
        if (tree == null || tree.isMissingNode() || !tree.isObject()) {
            String what = tree == null || tree.isMissingNode() ? "empty" : "a JSON " + tree.getNodeType().name().toLowerCase();
            throw new InvalidEventException(Reason.MALFORMED_JSON, "Event must be a JSON object but is " + what);
        }
        EventTypes.Registration registration = checkEnvelope(tree);
        JsonNode dataNode = tree.get("data");
        List<String> violations = dataViolations(registration, dataNode);
        if (!violations.isEmpty()) {
            throw violation(registration.toString(), registration.type(), registration.version(), violations);
        }
        EventData data;
        UUID id;
        Instant time;
        try {
            data = mapper.treeToValue(dataNode, registration.recordClass());
            id = UUID.fromString(tree.get("id").asText());
            time = OffsetDateTime.parse(tree.get("time").asText()).toInstant();
        } catch (JsonProcessingException | IllegalArgumentException | DateTimeParseException e) {
            String detail = e instanceof JsonProcessingException jpe ? jpe.getOriginalMessage() : e.getMessage();
            throw violation(registration.toString(), registration.type(), registration.version(),
                    List.of("$: cannot be read: " + detail));
        }
        return new Envelope<>(id, registration.type(), tree.get("source").asText(), time,
                tree.get("subject").asText(), tree.get("bureau").asText(), registration.version(), data);
    }

    // ---------------------------------------------------------------- validation

    /** Validates the envelope schema and resolves type + version, or throws. */
    private EventTypes.Registration checkEnvelope(JsonNode tree) {
        String type = tree.path("type").isTextual() ? tree.get("type").asText() : null;
        Integer version = tree.path("schemaVersion").canConvertToInt() && tree.get("schemaVersion").isIntegralNumber()
                ? tree.get("schemaVersion").intValue() : null;
        List<String> violations = format(envelopeSchema.validate(tree), "");
        if (!violations.isEmpty()) {
            String label = type == null ? ENVELOPE : type + (version == null ? "" : " v" + version) + " envelope";
            throw violation(label, type, version, violations);
        }
        if (!EventTypes.isKnown(type)) {
            throw new InvalidEventException(Reason.UNKNOWN_TYPE, type, version, List.of(),
                    "Unknown event type '" + type + "' (known: " + String.join(", ", EventTypes.typeNames()) + ")",
                    null);
        }
        return EventTypes.find(type, version).orElseThrow(() -> new InvalidEventException(
                Reason.UNSUPPORTED_VERSION, type, version, List.of(),
                type + " v" + version + " is not supported (supported versions: " + EventTypes.versionsOf(type) + ")",
                null));
    }

    private List<String> dataViolations(EventTypes.Registration registration, JsonNode data) {
        JsonSchema schema = dataSchemas.get(registration);
        if (schema == null) {
            throw new IllegalStateException("No schema loaded for " + registration);
        }
        List<String> violations = format(schema.validate(data), "$.data");
        Base64Fields.check(data, base64Fields.get(registration), "$.data", violations);
        return violations;
    }

    /**
     * One line per violation, e.g. {@code $.data.sessionId: is missing but it is required}. Paths of
     * data violations are rebased from the data object onto the envelope ({@code $ -> $.data}).
     */
    private static List<String> format(Collection<ValidationMessage> messages, String dataPrefix) {
        List<String> lines = new ArrayList<>(messages.size());
        for (ValidationMessage message : messages) {
            String location = message.getInstanceLocation().toString();
            if (!dataPrefix.isEmpty() && location.startsWith("$")) {
                location = dataPrefix + location.substring(1);
            }
            if ("required".equals(message.getType()) && message.getProperty() != null) {
                lines.add(location + "." + message.getProperty() + ": is missing but it is required");
            } else {
                lines.add(location + ": " + message.getError());
            }
        }
        return lines;
    }

    private static InvalidEventException violation(String label, String type, Integer version, List<String> violations) {
        return new InvalidEventException(Reason.SCHEMA_VIOLATION, type, version, violations,
                label + ": " + String.join("; ", violations), null);
    }

    /** Compiles one schema; its base64 properties' patterns are left to {@link Base64Fields}, their names added to {@code base64}. */
    private JsonSchema load(JsonSchemaFactory factory, SchemaValidatorsConfig config, String resource, Set<String> base64) {
        try (InputStream in = EventCodec.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing schema resource " + resource);
            }
            JsonNode node = mapper.readTree(in);
            base64.addAll(Base64Fields.strip(node));
            JsonSchema schema = factory.getSchema(SchemaLocation.of("classpath:" + resource.substring(1)), node, config);
            schema.initializeValidators();
            return schema;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read schema " + resource, e);
        }
    }
}
