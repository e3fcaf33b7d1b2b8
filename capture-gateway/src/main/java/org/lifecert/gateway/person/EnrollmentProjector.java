package org.lifecert.gateway.person;

import jakarta.enterprise.context.ApplicationScoped;
import org.lifecert.events.Envelope;
import org.lifecert.events.EventData;
import org.lifecert.events.PersonEnrolled;
import org.lifecert.events.PersonUpdated;
import org.lifecert.events.RelativeLinked;

/** Keeps {@link PersonDirectory} in step with lifecert.enrollment.v1 (runs in the consumer's transaction). */
@ApplicationScoped
public class EnrollmentProjector {

    private final PersonDirectory directory;

    public EnrollmentProjector(PersonDirectory directory) {
        this.directory = directory;
    }

    public void apply(Envelope<? extends EventData> event) {
        if (event.data() instanceof PersonEnrolled p) {
            directory.upsert(p.personId(), p.idNumberHash(), p.idNumberMasked(), event.bureau(), p.surname(),
                    p.givenName(), p.status() == null ? "ACTIVE" : p.status().name());
        } else if (event.data() instanceof PersonUpdated p) {
            directory.upsert(p.personId(), p.idNumberHash(), p.idNumberMasked(), event.bureau(), p.surname(),
                    p.givenName(), p.status() == null ? "ACTIVE" : p.status().name());
        } else if (event.data() instanceof RelativeLinked l) {
            directory.link(l.linkId(), l.personId(), l.relativePersonId(), l.relationship(), l.status());
        }
    }
}
