package org.lifecert.events;

import java.time.LocalDate;
import java.util.UUID;

/** A period opened for a person. */
public record CertificationDue(UUID personId, String period, LocalDate periodStart, LocalDate deadline)
        implements EventData {

    public static final String TYPE = "CertificationDue";
}
