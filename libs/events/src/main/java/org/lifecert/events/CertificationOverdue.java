package org.lifecert.events;

import java.time.LocalDate;
import java.util.UUID;

/** A period closed uncertified: the benefit is suspended (待遇停发) until certified. */
public record CertificationOverdue(UUID personId, String period, LocalDate deadline) implements EventData {

    public static final String TYPE = "CertificationOverdue";
}
