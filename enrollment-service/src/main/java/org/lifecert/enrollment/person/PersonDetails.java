package org.lifecert.enrollment.person;

import java.time.LocalDate;
import org.lifecert.events.BenefitType;
import org.lifecert.events.PersonEnrolled;
import org.lifecert.events.Sex;

/** A validated, normalised {@link PersonForm}. {@code abroad} is null for residents at home. */
public record PersonDetails(
        ResidentIdNumber idNumber,
        String surname,
        String givenName,
        Sex sex,
        LocalDate birthDate,
        BenefitType benefitType,
        String pensionPlace,
        String phone,
        String email,
        PersonEnrolled.Abroad abroad) {
}
