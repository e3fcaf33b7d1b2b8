package org.lifecert.events;

import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Registry of event types: type name + schema version -> record class, JSON Schema resource and
 * topic. A schema change is a new version (a new {@code /schemas/<Type>.v<n>.json} file and a new
 * {@link #register} line here), never an edit of an existing file.
 */
public final class EventTypes {

    /** Schema of the envelope itself (not an event type). */
    public static final String ENVELOPE_SCHEMA = "/schemas/Envelope.v1.json";

    /** One version of one event type. */
    public record Registration(String type, int version, Class<? extends EventData> recordClass, String topic) {

        /** Class-path resource of this version's JSON Schema (of the {@code data} object). */
        public String schemaResource() {
            return "/schemas/" + type + ".v" + version + ".json";
        }

        @Override
        public String toString() {
            return type + " v" + version;
        }
    }

    private static final Map<String, Map<Integer, Registration>> BY_TYPE = new LinkedHashMap<>();
    private static final Map<Class<? extends EventData>, Registration> CURRENT_BY_CLASS = new LinkedHashMap<>();

    static {
        register(PersonEnrolled.TYPE, 1, PersonEnrolled.class, Topics.ENROLLMENT);
        register(PersonUpdated.TYPE, 1, PersonUpdated.class, Topics.ENROLLMENT);
        register(ReferenceTemplateRegistered.TYPE, 1, ReferenceTemplateRegistered.class, Topics.ENROLLMENT);
        register(CollectionSubmitted.TYPE, 1, CollectionSubmitted.class, Topics.ENROLLMENT);
        register(CollectionReviewed.TYPE, 1, CollectionReviewed.class, Topics.ENROLLMENT);
        register(RelativeLinked.TYPE, 1, RelativeLinked.class, Topics.ENROLLMENT);

        register(FrameBatchCaptured.TYPE, 1, FrameBatchCaptured.class, Topics.CAPTURE_FRAMES);
        // v2: frames may say the page observed them (liveness measures those in full); v1 data binds with null
        register(FrameBatchCaptured.TYPE, 2, FrameBatchCaptured.class, Topics.CAPTURE_FRAMES);

        register(SessionStarted.TYPE, 1, SessionStarted.class, Topics.CAPTURE_SESSIONS);
        register(SessionCompleted.TYPE, 1, SessionCompleted.class, Topics.CAPTURE_SESSIONS);
        register(SessionExpired.TYPE, 1, SessionExpired.class, Topics.CAPTURE_SESSIONS);

        register(MatchVerdict.TYPE, 1, MatchVerdict.class, Topics.MATCH_VERDICTS);

        register(LivenessVerdict.TYPE, 1, LivenessVerdict.class, Topics.LIVENESS_VERDICTS);

        register(AttemptFailed.TYPE, 1, AttemptFailed.class, Topics.CERTIFICATION);
        register(PersonCertified.TYPE, 1, PersonCertified.class, Topics.CERTIFICATION);
        register(AppealOpened.TYPE, 1, AppealOpened.class, Topics.CERTIFICATION);
        register(AppealDecided.TYPE, 1, AppealDecided.class, Topics.CERTIFICATION);
        register(CertificationDue.TYPE, 1, CertificationDue.class, Topics.CERTIFICATION);
        register(CertificationOverdue.TYPE, 1, CertificationOverdue.class, Topics.CERTIFICATION);
        register(CertificationRestored.TYPE, 1, CertificationRestored.class, Topics.CERTIFICATION);
    }

    private EventTypes() {
    }

    /**
     * Registers a version. The highest registered version of a type is its current version, the one
     * {@link Envelope#of} writes; older versions stay registered so that old records still decode.
     */
    private static void register(String type, int version, Class<? extends EventData> recordClass, String topic) {
        Registration registration = new Registration(type, version, recordClass, topic);
        Map<Integer, Registration> versions = BY_TYPE.computeIfAbsent(type, t -> new LinkedHashMap<>());
        if (versions.putIfAbsent(version, registration) != null) {
            throw new IllegalStateException("Duplicate registration " + registration);
        }
        Registration current = CURRENT_BY_CLASS.get(recordClass);
        if (current == null || current.version() < version) {
            CURRENT_BY_CLASS.put(recordClass, registration);
        }
    }

    /** Every registered (type, version), in registration order. */
    public static List<Registration> all() {
        return BY_TYPE.values().stream().map(Map::values).flatMap(Collection::stream).toList();
    }

    /** The current version of every type. */
    public static List<Registration> current() {
        return List.copyOf(CURRENT_BY_CLASS.values());
    }

    /** All registered type names. */
    public static Set<String> typeNames() {
        return java.util.Collections.unmodifiableSortedSet(new java.util.TreeSet<>(BY_TYPE.keySet()));
    }

    public static boolean isKnown(String type) {
        return BY_TYPE.containsKey(type);
    }

    /** The registration of {@code type} at {@code version}, if both are known. */
    public static Optional<Registration> find(String type, int version) {
        Map<Integer, Registration> versions = BY_TYPE.get(type);
        return versions == null ? Optional.empty() : Optional.ofNullable(versions.get(version));
    }

    /** Versions registered for {@code type}, ascending (empty if unknown). */
    public static List<Integer> versionsOf(String type) {
        Map<Integer, Registration> versions = BY_TYPE.getOrDefault(type, Map.of());
        return versions.keySet().stream().sorted(Comparator.naturalOrder()).toList();
    }

    /** The current registration of a type name. */
    public static Registration current(String type) {
        Map<Integer, Registration> versions = BY_TYPE.get(type);
        if (versions == null) {
            throw new IllegalArgumentException("Unknown event type " + type);
        }
        return versions.values().stream().max(Comparator.comparingInt(Registration::version)).orElseThrow();
    }

    /** The current registration of a record class. */
    public static Registration current(Class<?> recordClass) {
        Registration registration = CURRENT_BY_CLASS.get(recordClass);
        if (registration == null) {
            throw new IllegalArgumentException("Not a registered event class: " + recordClass.getName());
        }
        return registration;
    }

    /** Type name of a record class, e.g. {@code PersonEnrolled.class -> "PersonEnrolled"}. */
    public static String typeOf(Class<?> recordClass) {
        return current(recordClass).type();
    }

    /** Topic a record class is published on. */
    public static String topicOf(Class<?> recordClass) {
        return current(recordClass).topic();
    }

    /** Topic a type name is published on. */
    public static String topicOf(String type) {
        return current(type).topic();
    }

    /** Type names published on {@code topic} (empty for unknown topics). */
    public static Set<String> typesOn(String topic) {
        return BY_TYPE.values().stream().map(Map::values).flatMap(Collection::stream)
                .filter(r -> r.topic().equals(topic)).map(Registration::type)
                .collect(Collectors.toCollection(java.util.LinkedHashSet::new));
    }
}
