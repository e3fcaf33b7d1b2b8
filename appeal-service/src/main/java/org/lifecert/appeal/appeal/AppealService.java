package org.lifecert.appeal.appeal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.lifecert.appeal.appeal.AppealViews.AttemptEvidence;
import org.lifecert.appeal.appeal.AppealViews.Detail;
import org.lifecert.appeal.appeal.AppealViews.QueueItem;
import org.lifecert.appeal.certification.CertificationFold;
import org.lifecert.appeal.certification.CertificationRecord;
import org.lifecert.appeal.certification.CertificationService;
import org.lifecert.appeal.certification.CertificationStore;
import org.lifecert.appeal.certification.FoldConfiguration;
import org.lifecert.appeal.certification.Outcome;
import org.lifecert.platform.web.ApiException;
import org.lifecert.platform.web.FieldError;

/** Appeals as reviewers see and decide them, always within the reviewer's own bureau. */
@ApplicationScoped
public class AppealService {

    private final EntityManager em;
    private final CertificationStore store;
    private final CertificationFold fold;
    private final CertificationService service;
    private final ReviewAudit audit;
    private final FoldConfiguration rules;

    public AppealService(EntityManager em, CertificationStore store, CertificationFold fold, CertificationService service,
            ReviewAudit audit, FoldConfiguration rules) {
        this.em = em;
        this.store = store;
        this.fold = fold;
        this.service = service;
        this.audit = audit;
        this.rules = rules;
    }

    /** Appeals under review of {@code bureau}, the soonest due first. */
    @SuppressWarnings("unchecked")
    public List<QueueItem> queue(String bureau, Instant now) {
        LocalDate today = now.atZone(rules.zone()).toLocalDate();
        List<Object[]> rows = em.createNativeQuery("""
                select appeal_id, person_id, doc->>'surname', doc->>'idNumberMasked', period_id, appeal_opened_at,
                       appeal_due, failed_attempts
                from certification_record
                where bureau = :b and state = 'APPEAL_UNDER_REVIEW'
                order by appeal_due, appeal_opened_at, person_id""").setParameter("b", bureau).getResultList();
        return rows.stream().map(r -> {
            LocalDate due = toDate(r[6]);
            return new QueueItem((UUID) r[0], (UUID) r[1], (String) r[2], (String) r[3], (String) r[4],
                    ReviewAudit.toInstant(r[5]), due, due != null && due.isBefore(today), ((Number) r[7]).intValue());
        }).toList();
    }

    /** The appeal with its evidence; the look is audited. */
    public Detail detail(UUID appealId, String bureau, String actor, Instant now) {
        CertificationRecord r = own(appealId, bureau);
        Detail detail = detailOf(r, fold.outcome(r), now);
        audit.record(now, actor, bureau, ReviewAudit.VIEWED, appealId, r.personId, null, null,
                Map.of("attempts", detail.attempts()));
        return detail;
    }

    /** Approve or reject with a mandatory reason; audited with what the reviewer was shown. */
    @Transactional
    public Detail decide(UUID appealId, String bureau, String actor, AppealViews.DecisionRequest request, Instant now) {
        if (request == null || request.approved() == null) {
            throw ApiException.invalid(List.of(new FieldError("approved", "请选择通过或不通过")));
        }
        if (request.reason() == null || request.reason().isBlank()) {
            throw ApiException.invalid(List.of(new FieldError("reason", "请填写审核意见")));
        }
        if (request.reason().length() > 500) {
            throw ApiException.invalid(List.of(new FieldError("reason", "审核意见不能超过500字")));
        }
        UUID person = store.personOfAppeal(appealId).orElseThrow(() -> ApiException.notFound("appeal " + appealId));
        CertificationRecord r = store.lock(person).orElseThrow(() -> ApiException.notFound("appeal " + appealId));
        if (!bureau.equals(r.bureau)) {
            throw ApiException.notFound("appeal " + appealId);
        }
        Outcome before = fold.outcome(r);
        Detail seen = detailOf(r, before, now);
        try {
            Outcome after = service.finish(r, fold.decideAppeal(r, request.approved(), request.reason().strip(), actor, now));
            audit.record(now, actor, bureau, ReviewAudit.DECIDED, appealId, r.personId, request.approved(),
                    request.reason().strip(), Map.of("shown", seen.attempts(),
                            "viewedEvidence", request.viewedEvidence() == null ? List.of() : request.viewedEvidence(),
                            "referencePhotosShown", request.referencePhotosShown() == null ? 0 : request.referencePhotosShown()));
            return detailOf(r, after, now);
        } catch (IllegalStateException e) {
            throw ApiException.conflict("APPEAL_NOT_UNDER_REVIEW", "该申诉已审核或不在审核中", e.getMessage());
        }
    }

    private CertificationRecord own(UUID appealId, String bureau) {
        UUID person = store.personOfAppeal(appealId).orElseThrow(() -> ApiException.notFound("appeal " + appealId));
        CertificationRecord r = store.find(person).orElseThrow(() -> ApiException.notFound("appeal " + appealId));
        if (!bureau.equals(r.bureau)) {
            throw ApiException.notFound("appeal " + appealId);
        }
        return r;
    }

    Detail detailOf(CertificationRecord r, Outcome o, Instant now) {
        if (o.appeal() == null) {
            throw ApiException.notFound("appeal of person " + r.personId);
        }
        LocalDate today = now.atZone(rules.zone()).toLocalDate();
        List<AttemptEvidence> attempts = o.attempts().stream().map(a -> evidence(r.attempts.get(a.sessionId()), a)).toList();
        Outcome.AppealView ap = o.appeal();
        return new Detail(ap.appealId(), r.personId, r.bureau, r.surname, r.idNumberMasked,
                r.period == null ? null : r.period.id(), o.state().name(), o.message(), ap.status().name(),
                ap.openedAt(), ap.dueDate(), ap.status() == Outcome.AppealStatus.UNDER_REVIEW && ap.dueDate().isBefore(today),
                ap.reason(), ap.reviewer(), ap.decidedAt(), attempts);
    }

    private AttemptEvidence evidence(CertificationRecord.Attempt a, Outcome.AttemptView v) {
        var m = a.match;
        var l = a.liveness;
        return new AttemptEvidence(a.sessionId, v.channel() == null ? null : v.channel().name(), a.actingPersonId,
                a.startedAt, v.decidedAt(), v.role().name(), v.passed(), v.reasons(),
                m == null ? null : m.decision.name(), m == null ? null : m.score, m == null ? null : m.threshold,
                m == null ? null : m.modelVersion, m == null ? null : m.frameQuality,
                l == null ? null : l.decision.name(), l == null ? null : l.antiSpoofScore,
                l == null ? null : l.identityContinuity, l == null ? List.of() : l.failedSteps);
    }

    static LocalDate toDate(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof LocalDate d) {
            return d;
        }
        if (value instanceof java.sql.Date d) {
            return d.toLocalDate();
        }
        return LocalDate.parse(value.toString());
    }
}
