package org.lifecert.enrollment.relative;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.lifecert.enrollment.audit.AuditTrail;
import org.lifecert.enrollment.config.EnrollmentConfig;
import org.lifecert.enrollment.person.Person;
import org.lifecert.enrollment.person.PersonEvents;
import org.lifecert.enrollment.person.PersonMessages;
import org.lifecert.enrollment.person.PersonService;
import org.lifecert.enrollment.person.ResidentIdNumber;
import org.lifecert.events.PersonStatus;
import org.lifecert.events.RelativeLinked;
import org.lifecert.platform.pii.IdNumbers;
import org.lifecert.platform.web.ApiException;
import org.lifecert.platform.web.FieldError;

/** Links, activations and unlinks of relatives; each one audited and published as RelativeLinked. */
@ApplicationScoped
public class RelativeService {

    private static final Logger LOG = Logger.getLogger(RelativeService.class);
    /** The relationships the 亲情服务 form offers. */
    public static final Set<String> RELATIONSHIPS = Set.of("配偶", "父母", "子女", "兄弟姐妹", "祖父母", "孙子女", "其他");
    private static final List<String> LIVE = List.of(RelativeLinked.STATUS_PENDING, RelativeLinked.STATUS_ACTIVE);

    private final PersonService people;
    private final PersonEvents events;
    private final AuditTrail audit;
    private final EnrollmentConfig config;

    public RelativeService(PersonService people, PersonEvents events, AuditTrail audit, EnrollmentConfig config) {
        this.people = people;
        this.events = events;
        this.audit = audit;
        this.config = config;
    }

    @Transactional
    public RelativeView add(RelativeRequest r) {
        if (r == null || r.relativePersonId() == null) {
            throw ApiException.badRequest("RELATIVE_PERSON_REQUIRED", "请先登录", "relativePersonId required");
        }
        Person acting = Person.findById(r.relativePersonId());
        if (acting == null || acting.status != PersonStatus.ACTIVE) {
            throw ApiException.notFound("person " + r.relativePersonId());
        }
        List<FieldError> errors = new ArrayList<>();
        if (r.surname() == null || !r.surname().strip().matches("[\\p{IsHan}·]{1,20}")) {
            errors.add(new FieldError("surname", PersonMessages.SURNAME));
        }
        if (r.givenName() == null || !r.givenName().strip().matches("[\\p{IsHan}·]{1,20}")) {
            errors.add(new FieldError("givenName", PersonMessages.GIVEN_NAME));
        }
        var id = ResidentIdNumber.parse(r.idNumber());
        if (id.isEmpty()) {
            errors.add(new FieldError("idNumber", PersonMessages.ID_NUMBER));
        }
        if (r.relationship() == null || !RELATIONSHIPS.contains(r.relationship().strip())) {
            errors.add(new FieldError("relationship", RelativeMessages.RELATIONSHIP));
        }
        DocumentPhoto.Outcome document = new DocumentPhoto(config.photos().maxBytes()).check(r.documentPhotoBase64());
        if (!document.accepted()) {
            errors.add(new FieldError("documentPhotoBase64", document.message()));
        }
        byte[] photo = document.bytes();
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        String hash = people.hash(id.get().value());
        // locked: two requests for one family member (a double tap, two relatives at once) take turns, so the
        // duplicate and limit checks below see each other's links
        Person member = Person.<Person>find("idNumberHash = ?1 and status = ?2", hash, PersonStatus.ACTIVE)
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
        if (member == null) {
            throw new ApiException(404, "RELATIVE_NOT_COLLECTED", RelativeMessages.NOT_COLLECTED,
                    "no active person with this ID number");
        }
        if (!member.surname.equals(r.surname().strip()) || !member.givenName.equals(r.givenName().strip())) {
            throw ApiException.invalid(List.of(new FieldError("surname", RelativeMessages.NAME_MISMATCH)));
        }
        if (member.id.equals(acting.id)) {
            throw ApiException.badRequest("RELATIVE_IS_SELF", RelativeMessages.SELF, "a person cannot be their own relative");
        }
        if (RelativeLink.count("personId = ?1 and relativePersonId = ?2 and status in ?3", member.id, acting.id, LIVE) > 0) {
            throw ApiException.conflict("RELATIVE_EXISTS", RelativeMessages.DUPLICATE, "link exists");
        }
        if (RelativeLink.count("personId = ?1 and status in ?2", member.id, LIVE) >= config.relatives().maxPerPerson()) {
            throw ApiException.conflict("RELATIVE_LIMIT", RelativeMessages.LIMIT, "too many relatives for this person");
        }
        RelativeLink link = new RelativeLink();
        link.id = UUID.randomUUID();
        link.bureau = member.bureau;
        link.personId = member.id;
        link.relativePersonId = acting.id;
        link.relationship = r.relationship().strip();
        link.status = RelativeLinked.STATUS_PENDING;
        link.documentPhoto = photo;
        link.createdAt = Instant.now();
        link.updatedAt = link.createdAt;
        link.documentPurgeAfter = link.createdAt.plus(config.relatives().documentRetention());
        link.persist();
        changed(link, member, "recipient:" + acting.id, "RELATIVE_LINKED");
        LOG.infof("relative link %s: person %s certified by %s (pending)", link.id, member.id, acting.id);
        return view(link, member);
    }

    /** Family members {@code relativePersonId} may certify (pending and active links). */
    public List<RelativeView> of(UUID relativePersonId) {
        List<RelativeView> views = new ArrayList<>();
        for (RelativeLink link : RelativeLink.<RelativeLink>list("relativePersonId = ?1 and status in ?2 order by createdAt",
                relativePersonId, LIVE)) {
            views.add(view(link, Person.findById(link.personId)));
        }
        return views;
    }

    /** Links of a person of {@code bureau}, any status (clerk view). */
    public List<RelativeLink> linksOf(String bureau, UUID personId) {
        people.own(bureau, personId);
        return RelativeLink.list("personId = ?1 order by createdAt", personId);
    }

    /**
     * The first proxy certification matched the person's face: the pending link becomes active. The link is locked
     * (here and when unlinked): an unlink that arrives meanwhile waits and then ends the link, where before activation
     * could commit last and bring an unlinked link (and its purged document photo) back.
     */
    @Transactional
    public boolean activate(UUID personId, UUID relativePersonId, String actor) {
        RelativeLink link = RelativeLink.<RelativeLink>find("personId = ?1 and relativePersonId = ?2 and status = ?3",
                personId, relativePersonId, RelativeLinked.STATUS_PENDING).withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResult();
        if (link == null) {
            return false;
        }
        link.status = RelativeLinked.STATUS_ACTIVE;
        link.updatedAt = Instant.now();
        changed(link, Person.findById(personId), actor, "RELATIVE_ACTIVATED");
        return true;
    }

    /** Unlink by the recipient who made the link. */
    @Transactional
    public RelativeView unlinkByRecipient(UUID linkId, UUID relativePersonId) {
        RelativeLink link = RelativeLink.findById(linkId, LockModeType.PESSIMISTIC_WRITE);
        if (link == null || !link.relativePersonId.equals(relativePersonId)) {
            throw ApiException.notFound("relative link " + linkId);
        }
        return unlink(link, "recipient:" + relativePersonId);
    }

    /** Unlink by a clerk of the person's bureau. */
    @Transactional
    public RelativeView unlinkByClerk(String bureau, UUID personId, UUID linkId, String actor) {
        people.own(bureau, personId);
        RelativeLink link = RelativeLink.findById(linkId, LockModeType.PESSIMISTIC_WRITE);
        if (link == null || !link.personId.equals(personId) || !link.bureau.equals(bureau)) {
            throw ApiException.notFound("relative link " + linkId);
        }
        return unlink(link, actor);
    }

    private RelativeView unlink(RelativeLink link, String actor) {
        Person member = Person.findById(link.personId);
        if (RelativeLinked.STATUS_UNLINKED.equals(link.status)) {
            return view(link, member);
        }
        link.status = RelativeLinked.STATUS_UNLINKED;
        link.updatedAt = Instant.now();
        link.documentPhoto = null;
        changed(link, member, actor, "RELATIVE_UNLINKED");
        return view(link, member);
    }

    private void changed(RelativeLink link, Person member, String actor, String action) {
        audit.record(link.bureau, actor, action, "RELATIVE_LINK", link.id,
                "person " + link.personId + " by " + link.relativePersonId + " (" + link.relationship + ")");
        events.publish(member, new RelativeLinked(link.id, link.personId, link.relativePersonId, link.relationship, link.status));
    }

    private static RelativeView view(RelativeLink link, Person member) {
        return new RelativeView(link.id, link.personId, member.surname + member.givenName, link.status);
    }

    /** Purges identity-document photos past their retention. */
    @Transactional
    public int purgeDocuments(Instant now) {
        return RelativeLink.update("documentPhoto = null where documentPhoto is not null and documentPurgeAfter < ?1", now);
    }
}
