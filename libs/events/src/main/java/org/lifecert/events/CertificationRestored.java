package org.lifecert.events;

import java.time.Instant;
import java.util.UUID;

/** An overdue person certified again; the benefit resumes. */
public record CertificationRestored(UUID personId, String period, int monthsMissed, Instant restoredAt)
        implements EventData {

    public static final String TYPE = "CertificationRestored";
}
