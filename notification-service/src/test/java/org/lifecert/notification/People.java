package org.lifecert.notification;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.lifecert.events.AppealDecided;
import org.lifecert.events.AppealOpened;
import org.lifecert.events.AttemptFailed;
import org.lifecert.events.BenefitType;
import org.lifecert.events.CertificationChannel;
import org.lifecert.events.CertificationDue;
import org.lifecert.events.CertificationOverdue;
import org.lifecert.events.CertificationRestored;
import org.lifecert.events.Envelope;
import org.lifecert.events.EventData;
import org.lifecert.events.PersonCertified;
import org.lifecert.events.PersonEnrolled;
import org.lifecert.events.PersonStatus;
import org.lifecert.events.RelativeLinked;
import org.lifecert.events.Sex;

/** Small builders of the events a person's year produces. Every person gets a unique phone and e-mail. */
final class People {

    static final String PERIOD = "2026";
    static final LocalDate NEXT_PERIOD = LocalDate.of(2027, 1, 1);

    private People() {
    }

    record Person(UUID id, String bureau, String phone, String email) {
    }

    static Person person(String bureau) {
        UUID id = UUID.randomUUID();
        String digits = String.format("%08d", Math.floorMod(id.getLeastSignificantBits(), 100_000_000L));
        return new Person(id, bureau, "139" + digits, "p-" + id.toString().substring(0, 8) + "@example.org");
    }

    static <T extends EventData> Envelope<T> envelope(Person p, T data) {
        return Envelope.of("test", p.id().toString(), p.bureau(), data);
    }

    static Envelope<PersonEnrolled> enrolled(Person p, String surname, String givenName) {
        return envelope(p, new PersonEnrolled(p.id(), "ab".repeat(32), "110***********1234", surname, givenName,
                Sex.FEMALE, LocalDate.of(1951, 4, 12), BenefitType.RETIREMENT, "北京市朝阳区", p.phone(), p.email(), null,
                PersonStatus.ACTIVE));
    }

    static Envelope<CertificationDue> due(Person p, LocalDate deadline) {
        return envelope(p, new CertificationDue(p.id(), PERIOD, LocalDate.now().minusDays(1), deadline));
    }

    static Envelope<PersonCertified> certified(Person p) {
        return envelope(p, new PersonCertified(p.id(), PERIOD, CertificationChannel.SELF_SERVICE, Instant.now(),
                NEXT_PERIOD, UUID.randomUUID(), null, null));
    }

    static Envelope<PersonCertified> certifiedBy(Person p, Person relative) {
        return envelope(p, new PersonCertified(p.id(), PERIOD, CertificationChannel.RELATIVE, Instant.now(),
                NEXT_PERIOD, UUID.randomUUID(), relative.id(), null));
    }

    static Envelope<RelativeLinked> linked(Person p, Person relative) {
        return envelope(p, new RelativeLinked(UUID.randomUUID(), p.id(), relative.id(), "子女", RelativeLinked.STATUS_ACTIVE));
    }

    static Envelope<AttemptFailed> failed(Person p, int attempt) {
        return envelope(p, new AttemptFailed(p.id(), PERIOD, UUID.randomUUID(), attempt, List.of("LIVENESS_FAILED"),
                CertificationChannel.SELF_SERVICE));
    }

    static Envelope<AppealOpened> appealOpened(Person p) {
        return envelope(p, new AppealOpened(UUID.randomUUID(), p.id(), PERIOD, Instant.now(), LocalDate.of(2026, 3, 16)));
    }

    static Envelope<AppealDecided> appealDecided(Person p, boolean approved) {
        return envelope(p, new AppealDecided(UUID.randomUUID(), p.id(), PERIOD, approved,
                approved ? "补充材料核实为本人" : "照片与本人不符", "reviewer.li", Instant.now()));
    }

    static Envelope<CertificationOverdue> overdue(Person p) {
        return envelope(p, new CertificationOverdue(p.id(), PERIOD, LocalDate.of(2026, 6, 30)));
    }

    static Envelope<CertificationRestored> restored(Person p) {
        return envelope(p, new CertificationRestored(p.id(), PERIOD, 2, Instant.now()));
    }
}
