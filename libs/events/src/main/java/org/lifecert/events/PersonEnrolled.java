package org.lifecert.events;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A person was enrolled (collected) by a bureau. The ID number never travels: only its
 * HMAC-SHA256 (hex, computed by enrollment-service) and a masked form for display.
 *
 * @param idNumberHash   lowercase hex HMAC-SHA256 of the ID number
 * @param idNumberMasked e.g. {@code 110***********1234}
 * @param email          nullable
 * @param abroad         nullable; present for recipients living abroad
 */
public record PersonEnrolled(
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
        Abroad abroad,
        PersonStatus status) implements EventData {

    public static final String TYPE = "PersonEnrolled";

    /** Registration data of a recipient living abroad (nationality, passport, consulate from the seed table). */
    public record Abroad(String nationality, String passportNumber, String consulate) {
    }
}
