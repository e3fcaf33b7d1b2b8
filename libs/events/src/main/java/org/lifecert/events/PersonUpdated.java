package org.lifecert.events;

import java.time.LocalDate;
import java.util.UUID;

/**
 * The full current state of a person after a change (not a diff).
 *
 * @param email              nullable
 * @param abroad             nullable
 * @param deactivationReason nullable; set when status leaves ACTIVE
 */
public record PersonUpdated(
        UUID personId,
        String idNumberHash,
        String idNumberMasked,
        String surname,
        String givenName,
        Sex sex,
        LocalDate birthDate,
        BenefitType benefitType,
        String pensionPlace,
        String phone,
        String email,
        PersonEnrolled.Abroad abroad,
        PersonStatus status,
        String deactivationReason) implements EventData {

    public static final String TYPE = "PersonUpdated";
}
