package org.lifecert.enrollment.collection;

import java.time.Instant;
import java.util.UUID;
import org.lifecert.enrollment.person.Person;

/** A collection with enough of its person for the reviewer to find the evidence (ID number masked). */
public record CollectionView(UUID collectionId, UUID personId, String surname, String givenName, String idNumberMasked,
        String channel, String status, String submittedBy, Instant submittedAt, String reviewer, String reason,
        Instant reviewedAt) {

    public static CollectionView of(Collection c, Person p) {
        return new CollectionView(c.id, c.personId, p.surname, p.givenName, p.idNumberMasked, c.channel,
                c.status.name(), c.submittedBy, c.submittedAt, c.reviewer, c.reason, c.reviewedAt);
    }
}
