package org.lifecert.enrollment.person;

import jakarta.enterprise.context.ApplicationScoped;
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
        publish(p, new PersonEnrolled(p.id, p.idNumberHash, p.idNumberMasked, p.surname, p.givenName, p.sex, p.birthDate,
                p.benefitType, p.pensionPlace, p.phone, p.email, p.abroadDetails(), p.status));
    }

    public void updated(Person p) {
        publish(p, new PersonUpdated(p.id, p.idNumberHash, p.idNumberMasked, p.surname, p.givenName, p.sex, p.birthDate,
                p.benefitType, p.pensionPlace, p.phone, p.email, p.abroadDetails(), p.status, p.deactivationReason));
    }

    /** Any other enrollment event about {@code p}. */
    public void publish(Person p, EventData data) {
        outbox.publish(Envelope.of(source, p.id.toString(), p.bureau, data));
    }
}
