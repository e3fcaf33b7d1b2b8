package org.lifecert.appeal.certification;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.lifecert.appeal.certification.CertificationRecord.AppealDecision;
import org.lifecert.appeal.certification.CertificationRecord.Attempt;
import org.lifecert.appeal.certification.CertificationRecord.CounterCertification;
import org.lifecert.appeal.certification.CertificationRecord.LivenessResult;
import org.lifecert.appeal.certification.CertificationRecord.MatchResult;
import org.lifecert.appeal.certification.CertificationRecord.PeriodSummary;
import org.lifecert.appeal.certification.Outcome.AppealStatus;
import org.lifecert.appeal.certification.Outcome.AppealView;
import org.lifecert.appeal.certification.Outcome.AttemptView;
import org.lifecert.appeal.certification.Outcome.Role;
import org.lifecert.appeal.period.Period;
import org.lifecert.appeal.period.PeriodPolicy;
import org.lifecert.events.AppealDecided;
import org.lifecert.events.AppealOpened;
import org.lifecert.events.AttemptFailed;
import org.lifecert.events.CertificationChannel;
import org.lifecert.events.CertificationDue;
import org.lifecert.events.CertificationOverdue;
import org.lifecert.events.CertificationRestored;
import org.lifecert.events.CollectionReviewed;
import org.lifecert.events.CollectionSubmitted;
import org.lifecert.events.Decision;
import org.lifecert.events.Envelope;
import org.lifecert.events.EventData;
import org.lifecert.events.LivenessVerdict;
import org.lifecert.events.MatchVerdict;
import org.lifecert.events.PersonCertified;
import org.lifecert.events.PersonEnrolled;
import org.lifecert.events.PersonUpdated;
import org.lifecert.events.ReferenceTemplateRegistered;
import org.lifecert.events.SessionStarted;

/**
 * Folds events and decisions into a person's {@link CertificationRecord} and says which events to
 * publish. Plain Java: no clock, no database; every time comes from the facts or the caller.
 *
 * <p>Rules (seed pc-certification-manual 4.2 (7)): an attempt passes only if both the match and
 * the liveness verdict of its session pass; a missing verdict by the session deadline + grace is a
 * failure {@code verdict_timeout}. The first failure allows a retry (FAILED_ONCE); the second failure
 * in a period opens an appeal automatically (认证失败2次，系统会终止您继续认证，并自动向当地社保经办机构提起申诉),
 * due in 10 working days; attempts are refused until it is decided. Approved collection counts as
 * certified for the period (4.3 (8)). After a rejected appeal only the counter remains (4.3 (7)).
 *
 * <p>Attempts are ordered by when their session started, not by when their verdicts arrived, so
 * any interleaving of the same events derives the same state. Outgoing events are written once
 * each (keys in {@link CertificationRecord#emitted}); an event already published is never retracted.
 */
public final class CertificationFold {

    public static final String VERDICT_TIMEOUT = "verdict_timeout";

    private final FoldSettings settings;
    private final BureauRules rules;

    public CertificationFold(FoldSettings settings, BureauRules rules) {
        this.settings = settings;
        this.rules = rules;
    }

    public FoldSettings settings() {
        return settings;
    }

    /** A record for a person first seen in {@code event}. */
    public CertificationRecord newRecord(UUID personId, String bureau) {
        return new CertificationRecord(personId, bureau);
    }

    // ---------------------------------------------------------------- events in

    /** Applies one consumed event; returns the events to publish (possibly none). */
    public List<EventData> apply(CertificationRecord r, Envelope<? extends EventData> event) {
        List<EventData> out = new ArrayList<>();
        if (event.bureau() != null && r.bureau == null) {
            r.bureau = event.bureau();
        }
        EventData data = event.data();
        if (data instanceof PersonEnrolled e) {
            r.enrolled = true;
            r.status = e.status() == null ? null : e.status().name();
            r.surname = e.surname();
            r.idNumberMasked = e.idNumberMasked();
            ensurePeriod(r, date(event.time()), out);
        } else if (data instanceof PersonUpdated e) {
            r.enrolled = true;
            r.status = e.status() == null ? null : e.status().name();
            r.surname = e.surname();
            r.idNumberMasked = e.idNumberMasked();
            if (event.bureau() != null) {
                r.bureau = event.bureau();
            }
        } else if (data instanceof ReferenceTemplateRegistered e) {
            r.templateRegistered = true;
            ensurePeriod(r, date(event.time()), out);
        } else if (data instanceof CollectionSubmitted e) {
            CertificationRecord.Collection c = r.collections.computeIfAbsent(e.collectionId(),
                    id -> new CertificationRecord.Collection());
            c.channel = e.channel();
            c.submittedBy = e.submittedBy();
            c.submittedAt = event.time();
            ensurePeriod(r, date(event.time()), out);
        } else if (data instanceof CollectionReviewed e) {
            CertificationRecord.Collection c = r.collections.computeIfAbsent(e.collectionId(),
                    id -> new CertificationRecord.Collection());
            c.approved = e.approved();
            c.reason = e.reason();
            c.reviewer = e.reviewer();
            c.reviewedAt = e.reviewedAt() == null ? event.time() : e.reviewedAt();
            if (!rollTo(r, date(c.reviewedAt), out)) {
                return out;
            }
        } else if (data instanceof SessionStarted e) {
            if (!rollTo(r, date(event.time()), out)) {
                return out;
            }
            Attempt a = attempt(r, e.sessionId(), event.time());
            a.sessionKnown = true;
            a.startedAt = event.time();
            a.deadline = e.deadline();
            a.channel = e.channel() == null ? CertificationChannel.SELF_SERVICE : e.channel();
            a.actingPersonId = e.actingPersonId();
        } else if (data instanceof MatchVerdict v) {
            Attempt a = attemptForVerdict(r, v.sessionId(), event.time(), out);
            if (a == null) {
                return out;
            }
            MatchResult m = new MatchResult();
            m.decision = v.decision();
            m.score = v.score();
            m.threshold = v.threshold();
            m.modelVersion = v.modelVersion();
            m.frameQuality = v.frameQuality();
            m.reason = v.reason();
            m.at = event.time();
            a.match = m;
        } else if (data instanceof LivenessVerdict v) {
            Attempt a = attemptForVerdict(r, v.sessionId(), event.time(), out);
            if (a == null) {
                return out;
            }
            LivenessResult l = new LivenessResult();
            l.decision = v.decision();
            l.antiSpoofScore = v.antiSpoofScore();
            l.identityContinuity = v.identityContinuity();
            l.reasons = v.reasons() == null ? new ArrayList<>() : new ArrayList<>(v.reasons());
            if (v.steps() != null) {
                v.steps().stream().filter(s -> !s.passed())
                        .forEach(s -> l.failedSteps.add(s.action() + (s.reason() == null ? "" : ":" + s.reason())));
            }
            l.at = event.time();
            a.liveness = l;
        } else {
            return out; // not ours to fold
        }
        out.addAll(emit(r));
        return out;
    }

    private Attempt attempt(CertificationRecord r, UUID sessionId, Instant firstSeen) {
        return r.attempts.computeIfAbsent(sessionId, id -> {
            Attempt a = new Attempt();
            a.sessionId = id;
            a.startedAt = firstSeen;
            a.channel = CertificationChannel.SELF_SERVICE;
            return a;
        });
    }

    private Attempt attemptForVerdict(CertificationRecord r, UUID sessionId, Instant at, List<EventData> out) {
        Attempt known = r.attempts.get(sessionId);
        if (known == null) {
            if (!rollTo(r, date(at), out)) {
                return null;
            }
            known = attempt(r, sessionId, at);
        } else if (known.startedAt != null && at.isBefore(known.startedAt) && !known.sessionKnown) {
            known.startedAt = at; // the earliest verdict stands for the start until SessionStarted is seen
        }
        return known;
    }

    // ---------------------------------------------------------------- commands

    /** Marks attempts whose verdicts are missing at deadline + grace as failed ({@code verdict_timeout}). */
    public List<EventData> expireSessions(CertificationRecord r, Instant now) {
        for (Attempt a : r.attempts.values()) {
            if (!a.timedOut && !complete(a, settings) && !expiry(a).isAfter(now)) {
                a.timedOut = true;
                a.timedOutAt = expiry(a);
            }
        }
        return emit(r);
    }

    /** A reviewer decides the open appeal. */
    public List<EventData> decideAppeal(CertificationRecord r, boolean approved, String reason, String reviewer,
            Instant at) {
        Outcome before = outcome(r);
        if (before.appeal() == null || before.appeal().status() != AppealStatus.UNDER_REVIEW
                || before.state() != CertificationState.APPEAL_UNDER_REVIEW) {
            throw new IllegalStateException("no appeal under review for " + r.personId);
        }
        AppealDecision d = new AppealDecision();
        d.approved = approved;
        d.reason = reason;
        d.reviewer = reviewer;
        d.decidedAt = at;
        r.appealDecision = d;
        return emit(r);
    }

    /**
     * A clerk certifies a person present at the counter (or a consulate certifies one abroad): the
     * only way left after a rejected appeal (seed 4.3 (7)). Refused when already certified.
     */
    public List<EventData> certifyAtCounter(CertificationRecord r, String clerk, CertificationChannel channel,
            Instant at) {
        List<EventData> out = new ArrayList<>();
        if (!rollTo(r, date(at), out)) {
            throw new IllegalStateException("period of " + at + " is over");
        }
        if (outcome(r).state() == CertificationState.CERTIFIED) {
            throw new IllegalStateException("already certified in period " + r.period.id());
        }
        CounterCertification c = new CounterCertification();
        c.clerk = clerk;
        c.channel = channel;
        c.at = at;
        r.counter = c;
        out.addAll(emit(r));
        return out;
    }

    /**
     * The scheduler's daily look at a person: opens the period that {@code today} falls in (emits
     * CertificationDue) and closes an ended one uncertified (OVERDUE, emits CertificationOverdue).
     */
    public List<EventData> advanceTo(CertificationRecord r, LocalDate today) {
        List<EventData> out = new ArrayList<>();
        ensurePeriod(r, today, out);
        rollTo(r, today, out);
        if (r.period != null && r.period.endedBefore(today) && !r.periodClosed) {
            r.periodClosed = true;
        }
        out.addAll(emit(r));
        return out;
    }

    // ---------------------------------------------------------------- periods

    private void ensurePeriod(CertificationRecord r, LocalDate date, List<EventData> out) {
        if (r.period == null) {
            r.period = policy(r).periodAt(date, null, null);
            out.addAll(emit(r));
        }
    }

    /**
     * Moves the record into the period {@code date} belongs to when that is a later one; false when
     * {@code date} belongs to an earlier period (a stale fact, ignored).
     */
    private boolean rollTo(CertificationRecord r, LocalDate date, List<EventData> out) {
        if (r.period == null) {
            ensurePeriod(r, date, out);
            return true;
        }
        Outcome current = outcome(r);
        LocalDate certifiedOn = current.state() == CertificationState.CERTIFIED ? date(current.certifiedAt()) : null;
        Period target = policy(r).periodAt(date, r.period, certifiedOn);
        if (target.equals(r.period)) {
            return true;
        }
        if (target.start().isBefore(r.period.start())) {
            return false;
        }
        if (current.state() != CertificationState.CERTIFIED && !r.periodClosed) {
            r.periodClosed = true; // ended uncertified: suspension before the new period opens
            out.addAll(emit(r));
            current = outcome(r);
        }
        PeriodSummary s = new PeriodSummary();
        s.periodId = r.period.id();
        s.start = r.period.start();
        s.end = r.period.end();
        s.state = current.state();
        s.channel = current.channel();
        s.certifiedAt = current.certifiedAt();
        s.certifiedBy = current.certifiedBy();
        s.failedAttempts = current.failedAttempts();
        if (current.appeal() != null) {
            s.appealId = current.appeal().appealId();
            s.appealStatus = current.appeal().status().name();
        }
        r.history.add(s);
        r.period = target;
        r.periodClosed = false;
        r.attempts.clear();
        r.appealDecision = null;
        r.counter = null;
        out.addAll(emit(r));
        return true;
    }

    private PeriodPolicy policy(CertificationRecord r) {
        return rules.periodPolicy(r.bureau);
    }

    // ---------------------------------------------------------------- derivation

    static boolean complete(Attempt a, FoldSettings settings) {
        return onTime(a.match == null ? null : a.match.at, a, settings)
                && onTime(a.liveness == null ? null : a.liveness.at, a, settings);
    }

    private static boolean onTime(Instant verdictAt, Attempt a, FoldSettings settings) {
        return verdictAt != null && !verdictAt.isAfter(expiry(a, settings));
    }

    private Instant expiry(Attempt a) {
        return expiry(a, settings);
    }

    private static Instant expiry(Attempt a, FoldSettings settings) {
        Instant deadline = a.deadline != null ? a.deadline : a.startedAt.plus(settings.defaultSessionLength());
        return deadline.plus(settings.verdictGrace());
    }

    private boolean collected(CertificationRecord r) {
        return r.templateRegistered || r.collections.values().stream().anyMatch(c -> Boolean.TRUE.equals(c.approved));
    }

    /** The state the facts give. Pure: same facts, same outcome. */
    public Outcome outcome(CertificationRecord r) {
        List<Attempt> ordered = r.attempts.values().stream()
                .sorted(Comparator.comparing((Attempt a) -> a.startedAt).thenComparing(a -> a.sessionId))
                .toList();
        List<AttemptView> views = new ArrayList<>();
        int failures = 0;
        Attempt passed = null;
        Instant passedAt = null;
        Instant appealOpenedAt = null;
        Instant pendingDeadline = null;
        for (Attempt a : ordered) {
            boolean done = complete(a, settings);
            if (!done && !a.timedOut) {
                views.add(view(a, null, false, Role.PENDING, 0));
                Instant e = expiry(a);
                pendingDeadline = pendingDeadline == null || e.isBefore(pendingDeadline) ? e : pendingDeadline;
                continue;
            }
            boolean pass = done && a.match.decision == Decision.PASS && a.liveness.decision == Decision.PASS;
            Instant decidedAt = done ? max(a.match.at, a.liveness.at) : a.timedOutAt;
            if (passed != null) {
                views.add(view(a, decidedAt, pass, Role.AFTER_CERTIFICATION, 0));
            } else if (appealOpenedAt != null) {
                views.add(view(a, decidedAt, pass, Role.REFUSED_DURING_APPEAL, 0));
            } else if (pass) {
                passed = a;
                passedAt = decidedAt;
                views.add(view(a, decidedAt, true, Role.PASSED, 0));
            } else {
                failures++;
                views.add(view(a, decidedAt, false, Role.FAILED, failures));
                if (failures == 2) {
                    appealOpenedAt = decidedAt;
                }
            }
        }

        AppealView appeal = null;
        if (appealOpenedAt != null) {
            LocalDate due = rules.calendar(r.bureau).addWorkingDays(date(appealOpenedAt), settings.appealWorkingDays());
            AppealDecision d = r.appealDecision;
            AppealStatus status = d == null ? AppealStatus.UNDER_REVIEW : d.approved ? AppealStatus.APPROVED : AppealStatus.REJECTED;
            appeal = new AppealView(appealId(r.personId, r.period.id()), appealOpenedAt, due, status,
                    d == null ? null : d.reason, d == null ? null : d.reviewer, d == null ? null : d.decidedAt);
        }

        // The earliest certification of the period wins; its channel is recorded.
        CertificationChannel channel = null;
        Instant certifiedAt = null;
        String certifiedBy = null;
        UUID session = null;
        UUID acting = null;
        if (passed != null) {
            channel = passed.channel == null ? CertificationChannel.SELF_SERVICE : passed.channel;
            certifiedAt = passedAt;
            session = passed.sessionId;
            acting = passed.actingPersonId;
        }
        boolean collectionPending = false;
        if (r.period != null) {
            for (CertificationRecord.Collection c : r.collections.values()) {
                if (c.approved == null) {
                    collectionPending = c.submittedAt != null;
                } else if (c.approved && c.reviewedAt != null && !date(c.reviewedAt).isBefore(r.period.start())
                        && earlier(c.reviewedAt, certifiedAt)) {
                    channel = CertificationChannel.APPROVED_COLLECTION;
                    certifiedAt = c.reviewedAt;
                    certifiedBy = c.reviewer;
                    session = null;
                    acting = null;
                }
            }
        }
        if (r.counter != null && earlier(r.counter.at, certifiedAt)) {
            channel = r.counter.channel;
            certifiedAt = r.counter.at;
            certifiedBy = r.counter.clerk;
            session = null;
            acting = null;
        }
        if (appeal != null && appeal.status() == AppealStatus.APPROVED && earlier(appeal.decidedAt(), certifiedAt)) {
            channel = CertificationChannel.APPROVED_APPEAL;
            certifiedAt = appeal.decidedAt();
            certifiedBy = appeal.reviewer();
            session = null;
            acting = null;
        }

        CertificationState state;
        if (!collected(r)) {
            state = collectionPending ? CertificationState.COLLECTION_UNDER_REVIEW : CertificationState.NOT_COLLECTED;
            certifiedAt = null;
            channel = null;
            certifiedBy = null;
            session = null;
            acting = null;
        } else if (certifiedAt != null) {
            state = CertificationState.CERTIFIED;
        } else if (appeal != null) {
            state = appeal.status() == AppealStatus.REJECTED ? CertificationState.APPEAL_REJECTED
                    : CertificationState.APPEAL_UNDER_REVIEW;
        } else if (r.periodClosed) {
            state = CertificationState.OVERDUE;
        } else if (failures == 1) {
            state = CertificationState.FAILED_ONCE;
        } else if (collectionPending) {
            state = CertificationState.COLLECTION_UNDER_REVIEW;
        } else {
            state = CertificationState.DUE;
        }
        LocalDate next = null;
        if (state == CertificationState.CERTIFIED && r.period != null) {
            next = policy(r).nextPeriodStart(r.period, date(certifiedAt));
        }
        return new Outcome(state, channel, certifiedAt, certifiedBy, session, acting, failures, List.copyOf(views),
                appeal, next, pendingDeadline);
    }

    private AttemptView view(Attempt a, Instant decidedAt, boolean pass, Role role, int failureNumber) {
        return new AttemptView(a.sessionId, a.channel, a.actingPersonId, a.startedAt, decidedAt, pass,
                reasons(a, pass), role, failureNumber);
    }

    static List<String> reasons(Attempt a, boolean pass) {
        List<String> reasons = new ArrayList<>();
        if (pass) {
            return reasons;
        }
        if (a.timedOut) {
            reasons.add(VERDICT_TIMEOUT);
            return reasons;
        }
        if (a.match != null && a.match.decision == Decision.FAIL) {
            reasons.add(a.match.reason == null ? "match_below_threshold" : a.match.reason);
        }
        if (a.liveness != null && a.liveness.decision == Decision.FAIL) {
            if (a.liveness.reasons.isEmpty()) {
                reasons.add("liveness_failed");
            } else {
                reasons.addAll(a.liveness.reasons);
            }
        }
        return reasons;
    }

    // ---------------------------------------------------------------- events out

    /** The events the current facts call for that were not published yet. */
    private List<EventData> emit(CertificationRecord r) {
        List<EventData> out = new ArrayList<>();
        if (r.period == null) {
            return out;
        }
        String p = r.period.id();
        Outcome o = outcome(r);
        boolean collected = collected(r);
        if (collected && once(r, "due:" + p)) {
            out.add(new CertificationDue(r.personId, p, r.period.start(), r.period.end()));
        }
        for (AttemptView a : o.attempts()) {
            if (a.role() == Role.FAILED && once(r, "failed:" + a.sessionId())) {
                out.add(new AttemptFailed(r.personId, p, a.sessionId(), a.failureNumber(), a.reasons(),
                        a.channel() == null ? CertificationChannel.SELF_SERVICE : a.channel()));
            }
        }
        if (o.appeal() != null && once(r, "appeal-opened:" + p)) {
            out.add(new AppealOpened(o.appeal().appealId(), r.personId, p, o.appeal().openedAt(), o.appeal().dueDate()));
        }
        if (o.appeal() != null && o.appeal().status() != AppealStatus.UNDER_REVIEW && once(r, "appeal-decided:" + p)) {
            out.add(new AppealDecided(o.appeal().appealId(), r.personId, p, o.appeal().status() == AppealStatus.APPROVED,
                    o.appeal().reason(), o.appeal().reviewer(), o.appeal().decidedAt()));
        }
        if (o.state() == CertificationState.CERTIFIED && once(r, "certified:" + p)) {
            out.add(new PersonCertified(r.personId, p, o.channel(), o.certifiedAt(), o.nextPeriodStart(),
                    o.certifyingSession(), o.actingPersonId(), o.certifiedBy()));
            LocalDate on = date(o.certifiedAt());
            r.lastCertifiedOn = r.lastCertifiedOn == null || on.isAfter(r.lastCertifiedOn) ? on : r.lastCertifiedOn;
            if (r.suspendedSince != null) {
                out.add(new CertificationRestored(r.personId, p, monthsMissed(r.suspendedSince, on), o.certifiedAt()));
                r.suspendedSince = null;
                r.suspendedPeriod = null;
            }
        }
        if (collected && r.periodClosed && o.state() != CertificationState.CERTIFIED && once(r, "overdue:" + p)) {
            out.add(new CertificationOverdue(r.personId, p, r.period.end()));
            if (r.suspendedSince == null) {
                r.suspendedSince = r.period.end().plusDays(1);
                r.suspendedPeriod = p;
            }
        }
        return out;
    }

    /**
     * Months whose payment was stopped: from the month the suspension began up to and including the
     * month of the late certification (the bureau pays these as arrears).
     */
    public static int monthsMissed(LocalDate suspendedSince, LocalDate certifiedOn) {
        long months = ChronoUnit.MONTHS.between(YearMonth.from(suspendedSince), YearMonth.from(certifiedOn)) + 1;
        return (int) Math.max(1, months);
    }

    private static boolean once(CertificationRecord r, String key) {
        return r.emitted.add(key);
    }

    /** One appeal per person and period; its id is derived so that a rebuild gives the same id. */
    public static UUID appealId(UUID personId, String periodId) {
        return UUID.nameUUIDFromBytes(("appeal:" + personId + ":" + periodId).getBytes(StandardCharsets.UTF_8));
    }

    private LocalDate date(Instant instant) {
        return instant.atZone(settings.zone()).toLocalDate();
    }

    private static boolean earlier(Instant candidate, Instant current) {
        return candidate != null && (current == null || candidate.isBefore(current));
    }

    private static Instant max(Instant a, Instant b) {
        return Objects.requireNonNull(a).isAfter(b) ? a : b;
    }
}
