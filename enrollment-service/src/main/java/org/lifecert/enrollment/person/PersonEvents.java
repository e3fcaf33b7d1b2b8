package org.lifecert.enrollment.person;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import org.lifecert.events.Envelope;
import org.lifecert.events.EventData;
import org.lifecert.events.PersonEnrolled;
import org.lifecert.events.PersonUpdated;
import org.lifecert.messaging.MessagingConfig;
import org.lifecert.messaging.outbox.Outbox;

/** Puts enrollment events in the outbox; callers are in the transaction of the change. */
@ApplicationScoped
public class PersonEvents {

    private final Outbox outbox;
    private final String source;

    public PersonEvents(Outbox outbox, MessagingConfig messaging) {
        this.outbox = outbox;
        this.source = messaging.source();
    }

    public void enrolled(Person p) {
        outbox.publish(enrolledEvent(p));
    }

    public void updated(Person p) {
        outbox.publish(updatedEvent(p));
    }

    /** PersonEnrolled for each of {@code created}, then PersonUpdated for each of {@code updated}: one batch insert. */
    public void enrolledAndUpdated(List<Person> created, List<Person> updated) {
        List<Envelope<?>> batch = new ArrayList<>(created.size() + updated.size());
        created.forEach(p -> batch.add(enrolledEvent(p)));
        updated.forEach(p -> batch.add(updatedEvent(p)));
        outbox.publishAll(batch);
    }

    private Envelope<PersonEnrolled> enrolledEvent(Person p) {
        return Envelope.of(source, p.id.toString(), p.bureau, new PersonEnrolled(p.id, p.idNumberHash, p.idNumberMasked,
                p.surname, p.givenName, p.sex, p.birthDate, p.benefitType, p.pensionPlace, p.phone, p.email,
                p.abroadDetails(), p.status));
    }

    private Envelope<PersonUpdated> updatedEvent(Person p) {
        return Envelope.of(source, p.id.toString(), p.bureau, new PersonUpdated(p.id, p.idNumberHash, p.idNumberMasked,
                p.surname, p.givenName, p.sex, p.birthDate, p.benefitType, p.pensionPlace, p.phone, p.email,
                p.abroadDetails(), p.status, p.deactivationReason));
    }

    /** Any other enrollment event about {@code p}. */
    public void publish(Person p, EventData data) {
        outbox.publish(Envelope.of(source, p.id.toString(), p.bureau, data));
    }
}
