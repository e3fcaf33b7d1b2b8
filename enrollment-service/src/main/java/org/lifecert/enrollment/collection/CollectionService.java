package org.lifecert.enrollment.collection;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.lifecert.enrollment.audit.AuditTrail;
import org.lifecert.enrollment.person.Person;
import org.lifecert.enrollment.person.PersonEvents;
import org.lifecert.events.CollectionReviewed;
import org.lifecert.events.CollectionSubmitted;
import org.lifecert.platform.web.ApiException;
import org.lifecert.platform.web.FieldError;

/** Submission and review of collections, each with its audit entry and event. */
@ApplicationScoped
public class CollectionService {

    public static final String REASON_REQUIRED = "请填写审核不通过的原因";

    private final PersonEvents events;
    private final AuditTrail audit;

    public CollectionService(PersonEvents events, AuditTrail audit) {
        this.events = events;
        this.audit = audit;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Collection submit(Person p, String channel, String actor) {
        Collection c = new Collection();
        c.id = UUID.randomUUID();
        c.personId = p.id;
        c.bureau = p.bureau;
        c.channel = channel;
        c.submittedBy = actor == null ? "system" : actor;
        c.submittedAt = Instant.now();
        c.status = Collection.Status.PENDING;
        c.persist();
        audit.record(p.bureau, actor, "COLLECTION_SUBMITTED", "COLLECTION", c.id, "person " + p.id + " via " + channel);
        events.publish(p, new CollectionSubmitted(p.id, c.id, channel, c.submittedBy));
        return c;
    }

    /** Whether the person has a collection that is pending or approved (then a new one is not needed). */
    public boolean collected(UUID personId) {
        return Collection.count("personId = ?1 and status in ?2", personId,
                List.of(Collection.Status.PENDING, Collection.Status.APPROVED)) > 0;
    }

    public List<CollectionView> list(String bureau, Collection.Status status, UUID personId, int page, int size) {
        var query = personId == null
                ? Collection.<Collection>find("bureau = ?1 and status = ?2 order by submittedAt, id", bureau, status)
                : Collection.<Collection>find("bureau = ?1 and status = ?2 and personId = ?3 order by submittedAt, id",
                        bureau, status, personId);
        List<Collection> found = query.page(Math.max(0, page), Math.max(1, Math.min(size, 200))).list();
        if (found.isEmpty()) {
            return List.of();
        }
        Map<UUID, Person> people = Person.<Person>list("id in ?1", found.stream().map(c -> c.personId).toList())
                .stream().collect(Collectors.toMap(p -> p.id, Function.identity()));
        List<CollectionView> views = new ArrayList<>();
        for (Collection c : found) {
            views.add(CollectionView.of(c, people.get(c.personId)));
        }
        return views;
    }

    /**
     * Decides a pending collection. The row is locked first: two reviewers opening the same item (the queue shows the
     * oldest first) are decided one after the other, and the second gets 409 ALREADY_REVIEWED instead of overwriting
     * the first decision and publishing the opposite one.
     */
    @Transactional
    public CollectionView review(String bureau, String reviewer, UUID collectionId, ReviewDecision decision) {
        Collection c = Collection.findById(collectionId, LockModeType.PESSIMISTIC_WRITE);
        if (c == null || !c.bureau.equals(bureau)) {
            throw ApiException.notFound("collection " + collectionId);
        }
        if (decision == null || decision.approved() == null) {
            throw ApiException.invalid(List.of(new FieldError("approved", "请选择审核结果")));
        }
        String reason = decision.reason() == null ? null : decision.reason().strip();
        if (!decision.approved() && (reason == null || reason.isEmpty())) {
            throw ApiException.invalid(List.of(new FieldError("reason", REASON_REQUIRED)));
        }
        if (reason != null && reason.length() > 500) {
            throw ApiException.invalid(List.of(new FieldError("reason", "原因不能超过500字")));
        }
        if (c.status != Collection.Status.PENDING) {
            throw ApiException.conflict("ALREADY_REVIEWED", "该采集信息已审核", "collection " + c.id + " is " + c.status);
        }
        c.status = decision.approved() ? Collection.Status.APPROVED : Collection.Status.REJECTED;
        c.reviewer = reviewer;
        c.reason = reason == null || reason.isEmpty() ? null : reason;
        c.reviewedAt = Instant.now();
        Person p = Person.findById(c.personId);
        audit.record(bureau, reviewer, decision.approved() ? "COLLECTION_APPROVED" : "COLLECTION_REJECTED",
                "COLLECTION", c.id, c.reason);
        events.publish(p, new CollectionReviewed(p.id, c.id, decision.approved(), c.reason, reviewer, c.reviewedAt));
        return CollectionView.of(c, p);
    }
}
