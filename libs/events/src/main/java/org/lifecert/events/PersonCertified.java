package org.lifecert.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A person is certified for a period.
 *
 * @param sessionId      nullable; absent for counter, consulate, collection and appeal channels
 * @param actingPersonId nullable; the relative in proxy mode
 * @param certifiedBy    nullable; clerk or reviewer for non self-service channels
 */
public record PersonCertified(
        UUID personId,
        String period,
        CertificationChannel channel,
        Instant certifiedAt,
        LocalDate nextPeriodStart,
        UUID sessionId,
        UUID actingPersonId,
        String certifiedBy) implements EventData {

    public static final String TYPE = "PersonCertified";
}
