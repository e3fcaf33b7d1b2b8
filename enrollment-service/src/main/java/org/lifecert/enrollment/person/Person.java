package org.lifecert.enrollment.person;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.lifecert.events.BenefitType;
import org.lifecert.events.PersonEnrolled;
import org.lifecert.events.PersonStatus;
import org.lifecert.events.Sex;

/** A benefit recipient of one bureau. Never deleted: deactivation (death, transfer out) keeps the row. */
@Entity
@Table(name = "person")
public class Person extends PanacheEntityBase {

    /** How the person came to be known. */
    public enum Source { COUNTER, ROSTER }

    @Id
    public UUID id;
    public String bureau;
    @Column(name = "id_number_hash")
    public String idNumberHash;
    @Column(name = "id_number_masked")
    public String idNumberMasked;
    @Column(name = "id_number_sealed")
    public String idNumberSealed;
    @Column(name = "id_number_key_id")
    public String idNumberKeyId;
    public String surname;
    @Column(name = "given_name")
    public String givenName;
    @Enumerated(EnumType.STRING)
    public Sex sex;
    @Column(name = "birth_date")
    public LocalDate birthDate;
    @Enumerated(EnumType.STRING)
    @Column(name = "benefit_type")
    public BenefitType benefitType;
    @Column(name = "pension_place")
    public String pensionPlace;
    public String phone;
    public String email;
    public boolean abroad;
    public String nationality;
    @Column(name = "passport_number")
    public String passportNumber;
    public String consulate;
    @Enumerated(EnumType.STRING)
    public PersonStatus status;
    @Column(name = "deactivation_reason")
    public String deactivationReason;
    @Enumerated(EnumType.STRING)
    public Source source;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Version
    public long version;

    public PersonEnrolled.Abroad abroadDetails() {
        return abroad ? new PersonEnrolled.Abroad(nationality, passportNumber, consulate) : null;
    }

    /** Copies validated details; the sealed ID number is set by the caller (it needs the cipher). */
    public void apply(PersonDetails d) {
        surname = d.surname();
        givenName = d.givenName();
        sex = d.sex();
        birthDate = d.birthDate();
        benefitType = d.benefitType();
        pensionPlace = d.pensionPlace();
        phone = d.phone();
        email = d.email();
        abroad = d.abroad() != null;
        nationality = abroad ? d.abroad().nationality() : null;
        passportNumber = abroad ? d.abroad().passportNumber() : null;
        consulate = abroad ? d.abroad().consulate() : null;
    }

    /** True when {@code d} would change nothing (idempotent re-import). */
    public boolean sameAs(PersonDetails d) {
        Person probe = new Person();
        probe.apply(d);
        return java.util.Objects.equals(surname, probe.surname) && java.util.Objects.equals(givenName, probe.givenName)
                && sex == probe.sex && java.util.Objects.equals(birthDate, probe.birthDate)
                && benefitType == probe.benefitType && java.util.Objects.equals(pensionPlace, probe.pensionPlace)
                && java.util.Objects.equals(phone, probe.phone) && java.util.Objects.equals(email, probe.email)
                && abroad == probe.abroad && java.util.Objects.equals(nationality, probe.nationality)
                && java.util.Objects.equals(passportNumber, probe.passportNumber)
                && java.util.Objects.equals(consulate, probe.consulate);
    }

    /** "张*" style: enough for a recipient to recognise, little for anyone else. */
    public String surnameMasked() {
        return surname + "*".repeat(Math.max(1, givenName == null ? 1 : givenName.length()));
    }
}
