package org.lifecert.enrollment.person;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.lifecert.events.BenefitType;
import org.lifecert.events.PersonEnrolled;
import org.lifecert.events.PersonStatus;
import org.lifecert.events.Sex;

/** A person as the API shows it: the ID number only masked. */
public record PersonView(
        UUID id,
        String bureau,
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
        String deactivationReason,
        Instant createdAt,
        Instant updatedAt) {

    public static PersonView of(Person p) {
        return new PersonView(p.id, p.bureau, p.idNumberMasked, p.surname, p.givenName, p.sex, p.birthDate,
                p.benefitType, p.pensionPlace, p.phone, p.email, p.abroadDetails(), p.status, p.deactivationReason,
                p.createdAt, p.updatedAt);
    }
}
