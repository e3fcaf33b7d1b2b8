package org.lifecert.enrollment.person;

import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.lifecert.enrollment.audit.AuditTrail;
import org.lifecert.enrollment.collection.CollectionService;
import org.lifecert.enrollment.config.EnrollmentConfig;
import org.lifecert.events.BenefitType;
import org.lifecert.events.CollectionSubmitted;
import org.lifecert.events.PersonStatus;
import org.lifecert.platform.pii.IdNumbers;
import org.lifecert.platform.pii.TemplateCipher;
import org.lifecert.platform.web.ApiException;
import org.lifecert.platform.web.FieldError;

/** People of a bureau: every change, its audit entry and its event in one transaction. */
@ApplicationScoped
public class PersonService {

    private static final Logger LOG = Logger.getLogger(PersonService.class);
    public static final String DUPLICATE_MESSAGE = "该身份证号已登记";

    private final PersonRules rules = new PersonRules();
    private final IdNumbers idNumbers;
    private final TemplateCipher cipher;
    private final PersonEvents events;
    private final AuditTrail audit;
    private final CollectionService collections;
    private final EnrollmentConfig config;
    private final Clock clock = Clock.systemDefaultZone();

    public PersonService(IdNumbers idNumbers, TemplateCipher cipher, PersonEvents events, AuditTrail audit,
            CollectionService collections, EnrollmentConfig config) {
        this.idNumbers = idNumbers;
        this.cipher = cipher;
        this.events = events;
        this.audit = audit;
        this.collections = collections;
        this.config = config;
    }

    public PersonDetails validate(PersonForm form) {
        if (form == null) {
            throw ApiException.badRequest("BODY_REQUIRED", "请求内容不正确", "request body required");
        }
        PersonRules.Outcome outcome = rules.check(form, LocalDate.now(clock));
        if (!outcome.valid()) {
            throw ApiException.invalid(outcome.errors());
        }
        return outcome.details();
    }

    /** Counter enrollment (信息采集): the person, then a collection awaiting review. */
    @Transactional
    public Person enroll(String bureau, String actor, PersonForm form) {
        PersonDetails d = validate(form);
        String hash = idNumbers.hash(d.idNumber().value());
        if (Person.count("bureau = ?1 and idNumberHash = ?2", bureau, hash) > 0) {
            throw duplicate();
        }
        Person p = newPerson(bureau, d, hash, Person.Source.COUNTER);
        // two clerks enrolling the same number at once: the unique constraint decides, the loser gets a 409
        flushRefusingDuplicates(p::persistAndFlush);
        audit.record(bureau, actor, "PERSON_ENROLLED", "PERSON", p.id, "masked " + p.idNumberMasked);
        events.enrolled(p);
        collections.submit(p, p.abroad ? CollectionSubmitted.CHANNEL_ABROAD : CollectionSubmitted.CHANNEL_COUNTER, actor);
        LOG.infof("person %s enrolled by %s (%s)", p.id, actor, p.idNumberMasked);
        return p;
    }

    /** A new, unsaved person from validated details (also used by the roster import). */
    public Person newPerson(String bureau, PersonDetails d, String hash, Person.Source source) {
        Person p = new Person();
        p.id = UUID.randomUUID();
        p.bureau = bureau;
        setIdNumber(p, d.idNumber().value(), hash);
        p.apply(d);
        p.status = PersonStatus.ACTIVE;
        p.source = source;
        p.createdAt = Instant.now(clock);
        p.updatedAt = p.createdAt;
        return p;
    }

    public String hash(String idNumber) {
        return idNumbers.hash(idNumber);
    }

    private void setIdNumber(Person p, String idNumber, String hash) {
        TemplateCipher.Sealed sealed = cipher.seal(idNumber.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        p.idNumberHash = hash;
        p.idNumberMasked = IdNumbers.mask(idNumber);
        p.idNumberSealed = sealed.base64();
        p.idNumberKeyId = sealed.keyId();
    }

    /** The person if it belongs to {@code bureau}; 404 otherwise, so other bureaus' people do not leak. */
    public Person own(String bureau, UUID id) {
        return own(bureau, id, LockModeType.NONE);
    }

    /**
     * {@link #own(String, UUID)}, locked for a change: two clerks changing one person are served one after the other
     * (each change audited and published), where the second's flush used to fail on the version column with a 500.
     */
    private Person ownForChange(String bureau, UUID id) {
        return own(bureau, id, LockModeType.PESSIMISTIC_WRITE);
    }

    private Person own(String bureau, UUID id, LockModeType lock) {
        Person p = Person.findById(id, lock);
        if (p == null || !p.bureau.equals(bureau)) {
            throw ApiException.notFound("person " + id);
        }
        return p;
    }

    @Transactional
    public Person update(String bureau, String actor, UUID id, PersonForm form) {
        Person p = ownForChange(bureau, id);
        PersonDetails d = validate(form);
        requireActive(p);
        String hash = idNumbers.hash(d.idNumber().value());
        if (!hash.equals(p.idNumberHash)) {
            if (Person.count("bureau = ?1 and idNumberHash = ?2", bureau, hash) > 0) {
                throw duplicate();
            }
            setIdNumber(p, d.idNumber().value(), hash);
        }
        p.apply(d);
        p.updatedAt = Instant.now(clock);
        // the number was free when counted; an enrolment of the same number committed since makes this a 409 too
        // a lambda: Panache generates flush() on Person; a method reference would call the base class's
        flushRefusingDuplicates(() -> Person.flush());
        audit.record(bureau, actor, "PERSON_UPDATED", "PERSON", p.id, null);
        events.updated(p);
        return p;
    }

    @Transactional
    public Person deactivate(String bureau, String actor, UUID id, Deactivation request) {
        Person p = ownForChange(bureau, id);
        PersonStatus status = null;
        if (request != null && request.status() != null) {
            try {
                status = PersonStatus.valueOf(request.status().trim().toUpperCase());
            } catch (IllegalArgumentException e) {
                status = null;
            }
        }
        if (status == null || status == PersonStatus.ACTIVE) {
            throw ApiException.invalid(List.of(new FieldError("status", "请选择停发原因")));
        }
        String reason = request.reason() == null ? null : request.reason().strip();
        if (reason != null && reason.length() > 500) {
            throw ApiException.invalid(List.of(new FieldError("reason", "原因不能超过500字")));
        }
        requireActive(p);
        p.status = status;
        p.deactivationReason = reason == null || reason.isEmpty() ? status.name() : reason;
        p.updatedAt = Instant.now(clock);
        audit.record(bureau, actor, "PERSON_DEACTIVATED", "PERSON", p.id, status + ": " + p.deactivationReason);
        events.updated(p);
        return p;
    }

    private static void requireActive(Person p) {
        if (p.status != PersonStatus.ACTIVE) {
            throw ApiException.conflict("PERSON_INACTIVE", "该人员已停止领取待遇，不能修改", "person " + p.id + " is " + p.status);
        }
    }

    private static void flushRefusingDuplicates(Runnable write) {
        try {
            write.run();
        } catch (jakarta.persistence.PersistenceException e) {
            if (e.getCause() instanceof org.hibernate.exception.ConstraintViolationException
                    || e instanceof org.hibernate.exception.ConstraintViolationException) {
                throw duplicate();
            }
            throw e;
        }
    }

    private static ApiException duplicate() {
        return new ApiException(409, "DUPLICATE_ID_NUMBER", DUPLICATE_MESSAGE, "a person with this ID number exists",
                List.of(new FieldError("idNumber", DUPLICATE_MESSAGE)));
    }

    public Person byIdNumber(String bureau, String idNumber) {
        if (ResidentIdNumber.parse(idNumber).isEmpty()) {
            throw ApiException.invalid(List.of(new FieldError("idNumber", PersonMessages.ID_NUMBER)));
        }
        Person p = Person.find("bureau = ?1 and idNumberHash = ?2", bureau, idNumbers.hash(idNumber)).firstResult();
        if (p == null) {
            throw ApiException.notFound("person");
        }
        return p;
    }

    /** Search within one bureau; every filter optional. */
    public PersonPage search(String bureau, BenefitType benefitType, PersonStatus status, Boolean abroad, String name,
            int page, int size) {
        int pageSize = size <= 0 ? config.search().defaultPageSize() : Math.min(size, config.search().maxPageSize());
        StringBuilder q = new StringBuilder("bureau = :bureau");
        Map<String, Object> params = new HashMap<>();
        params.put("bureau", bureau);
        if (benefitType != null) {
            q.append(" and benefitType = :benefitType");
            params.put("benefitType", benefitType);
        }
        if (status != null) {
            q.append(" and status = :status");
            params.put("status", status);
        }
        if (abroad != null) {
            q.append(" and abroad = :abroad");
            params.put("abroad", abroad);
        }
        if (name != null && !name.isBlank()) {
            q.append(" and concat(surname, givenName) like :name");
            params.put("name", name.strip().replace("%", "").replace("_", "") + "%");
        }
        var query = Person.<Person>find(q.toString(), Sort.by("createdAt").descending().and("id"), params);
        long total = query.count();
        List<PersonView> items = new ArrayList<>();
        for (Person p : query.page(Page.of(Math.max(0, page), pageSize)).list()) {
            items.add(PersonView.of(p));
        }
        return new PersonPage(items, Math.max(0, page), pageSize, total);
    }
}
