package org.lifecert.events;

import java.util.List;

/**
 * An event that cannot be decoded or must not be encoded. Consumers send the record to the
 * topic's dead-letter twin with {@link #getMessage()} as the reason.
 */
public class InvalidEventException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public enum Reason {
        /** Not JSON, or not a JSON object. */
        MALFORMED_JSON,
        /** The envelope's {@code type} is not registered in {@link EventTypes}. */
        UNKNOWN_TYPE,
        /** The type is known but its {@code schemaVersion} is not. */
        UNSUPPORTED_VERSION,
        /** The envelope or the data violate their JSON Schema. */
        SCHEMA_VIOLATION
    }

    private final Reason reason;
    private final String eventType;
    private final Integer schemaVersion;
    private final List<String> violations;

    public InvalidEventException(Reason reason, String eventType, Integer schemaVersion, List<String> violations,
            String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
        this.eventType = eventType;
        this.schemaVersion = schemaVersion;
        this.violations = violations == null ? List.of() : List.copyOf(violations);
    }

    public InvalidEventException(Reason reason, String message) {
        this(reason, null, null, List.of(), message, null);
    }

    public Reason reason() {
        return reason;
    }

    /** The envelope's type, when it could be read; otherwise null. */
    public String eventType() {
        return eventType;
    }

    /** The envelope's schema version, when it could be read; otherwise null. */
    public Integer schemaVersion() {
        return schemaVersion;
    }

    /** One line per schema violation, e.g. {@code $.data.sessionId: is missing but it is required}. */
    public List<String> violations() {
        return violations;
    }
}
