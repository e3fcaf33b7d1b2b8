package org.lifecert.appeal.certification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.lifecert.appeal.certification.Outcome.AppealStatus;
import org.lifecert.appeal.period.PeriodPolicy;
import org.lifecert.events.AppealDecided;
import org.lifecert.events.AppealOpened;
import org.lifecert.events.AttemptFailed;
import org.lifecert.events.CertificationChannel;
import org.lifecert.events.CertificationDue;
import org.lifecert.events.CertificationOverdue;
import org.lifecert.events.CertificationRestored;
import org.lifecert.events.Envelope;
import org.lifecert.events.EventData;
import org.lifecert.events.PersonCertified;

class CertificationFoldTests {

    static final Instant T0 = Instant.parse("2026-03-02T01:00:00Z"); // Monday 09:00 in Shanghai

    final CertificationFold fold = Scenario.fold();
    final Scenario s = new Scenario();
    final CertificationRecord record = new CertificationRecord(s.person, s.bureau);
    final List<EventData> published = new ArrayList<>();

    void apply(Envelope<? extends EventData> event) {
        published.addAll(fold.apply(record, event));
    }

    void applyAll(List<Envelope<? extends EventData>> events) {
        events.forEach(this::apply);
    }

    CertificationState state() {
        return fold.outcome(record).state();
    }

    void collected() {
        apply(s.enrolled(T0));
        apply(s.template(T0));
    }

    @Test
    void enrolledWithoutPhotoIsNotCollectedWithTheSeedMessage() {
        apply(s.enrolled(T0));
        assertThat(state()).isEqualTo(CertificationState.NOT_COLLECTED);
        assertThat(fold.outcome(record).message()).isEqualTo("您当前信息未采集，请联系当地社保局进行采集");
        assertThat(published).isEmpty();
    }

    @Test
    void pendingCollectionIsUnderReviewAndApprovalCertifiesThePeriod() {
        UUID collection = UUID.randomUUID();
        apply(s.enrolled(T0));
        apply(s.collectionSubmitted(T0.plusSeconds(60), collection));
        assertThat(state()).isEqualTo(CertificationState.COLLECTION_UNDER_REVIEW);
        assertThat(fold.outcome(record).message()).isEqualTo("您的信息正在审核中，请联系当地社保局");

        apply(s.collectionReviewed(T0.plusSeconds(3600), collection, true));
        Outcome o = fold.outcome(record);
        assertThat(o.state()).isEqualTo(CertificationState.CERTIFIED);
        assertThat(o.channel()).isEqualTo(CertificationChannel.APPROVED_COLLECTION);
        assertThat(o.message()).isEqualTo("您本期已认证成功，下次认证期：2027-01-01 起");
        assertThat(published).hasAtLeastOneElementOfType(CertificationDue.class)
                .hasAtLeastOneElementOfType(PersonCertified.class);
    }

    @Test
    void collectedPersonIsDueInTheOpenPeriod() {
        collected();
        assertThat(state()).isEqualTo(CertificationState.DUE);
        assertThat(published).singleElement().isInstanceOfSatisfying(CertificationDue.class, due -> {
            assertThat(due.period()).isEqualTo("2026");
            assertThat(due.deadline()).isEqualTo(LocalDate.of(2026, 12, 31));
        });
    }

    @Test
    void passingMatchAndLivenessCertifiesSelfService() {
        collected();
        UUID session = UUID.randomUUID();
        applyAll(s.session(T0.plusSeconds(600), session, true, true));
        Outcome o = fold.outcome(record);
        assertThat(o.state()).isEqualTo(CertificationState.CERTIFIED);
        assertThat(o.channel()).isEqualTo(CertificationChannel.SELF_SERVICE);
        assertThat(o.certifyingSession()).isEqualTo(session);
        assertThat(published).filteredOn(PersonCertified.class::isInstance).singleElement()
                .satisfies(e -> assertThat(((PersonCertified) e).nextPeriodStart()).isEqualTo(LocalDate.of(2027, 1, 1)));
    }

    @Test
    void livenessBeforeMatchJoinsTheSameWay() {
        collected();
        UUID session = UUID.randomUUID();
        apply(s.liveness(T0.plusSeconds(630), session, true));
        assertThat(state()).isEqualTo(CertificationState.DUE);
        apply(s.match(T0.plusSeconds(640), session, true));
        apply(s.started(T0.plusSeconds(600), session));
        assertThat(state()).isEqualTo(CertificationState.CERTIFIED);
    }

    @Test
    void oneFailingVerdictFailsTheAttemptOnce() {
        collected();
        applyAll(s.session(T0.plusSeconds(600), UUID.randomUUID(), true, false));
        Outcome o = fold.outcome(record);
        assertThat(o.state()).isEqualTo(CertificationState.FAILED_ONCE);
        assertThat(o.message()).isEqualTo("认证失败，可以再次认证");
        assertThat(published).filteredOn(AttemptFailed.class::isInstance).singleElement()
                .satisfies(e -> {
                    AttemptFailed f = (AttemptFailed) e;
                    assertThat(f.attemptNumber()).isEqualTo(1);
                    assertThat(f.reasons()).containsExactly("ACTION_NOT_PERFORMED");
                });
    }

    @Test
    void secondFailureOpensAppealDueInTenWorkingDays() {
        collected();
        applyAll(s.session(T0.plusSeconds(600), UUID.randomUUID(), false, true));
        applyAll(s.session(T0.plusSeconds(1200), UUID.randomUUID(), true, false));
        Outcome o = fold.outcome(record);
        assertThat(o.state()).isEqualTo(CertificationState.APPEAL_UNDER_REVIEW);
        assertThat(o.message()).isEqualTo("您的申诉正在审核中，请联系当地社保局");
        assertThat(o.appeal().dueDate()).isEqualTo(LocalDate.of(2026, 3, 16)); // Mon + 10 working days
        assertThat(published).filteredOn(AppealOpened.class::isInstance).singleElement()
                .satisfies(e -> assertThat(((AppealOpened) e).appealId())
                        .isEqualTo(CertificationFold.appealId(s.person, "2026")));
    }

    @Test
    void attemptsDuringAnAppealAreRefused() {
        collected();
        applyAll(s.session(T0.plusSeconds(600), UUID.randomUUID(), false, true));
        applyAll(s.session(T0.plusSeconds(1200), UUID.randomUUID(), false, true));
        assertThat(state().selfServiceAllowed()).isFalse();
        applyAll(s.session(T0.plusSeconds(1800), UUID.randomUUID(), true, true));
        Outcome o = fold.outcome(record);
        assertThat(o.state()).isEqualTo(CertificationState.APPEAL_UNDER_REVIEW);
        assertThat(o.attempts()).extracting(Outcome.AttemptView::role)
                .containsExactly(Outcome.Role.FAILED, Outcome.Role.FAILED, Outcome.Role.REFUSED_DURING_APPEAL);
        assertThat(published).filteredOn(PersonCertified.class::isInstance).isEmpty();
    }

    @Test
    void missingVerdictAfterDeadlineAndGraceIsVerdictTimeout() {
        collected();
        UUID session = UUID.randomUUID();
        apply(s.started(T0, session));
        apply(s.match(T0.plusSeconds(30), session, true));
        published.addAll(fold.expireSessions(record, T0.plusSeconds(120 + 60)));
        assertThat(state()).isEqualTo(CertificationState.DUE);
        published.addAll(fold.expireSessions(record, T0.plusSeconds(120 + 121)));
        assertThat(state()).isEqualTo(CertificationState.FAILED_ONCE);
        assertThat(published).filteredOn(AttemptFailed.class::isInstance).singleElement()
                .satisfies(e -> assertThat(((AttemptFailed) e).reasons()).containsExactly("verdict_timeout"));
    }

    @Test
    void verdictArrivingAfterDeadlineAndGraceCountsAsMissing() {
        collected();
        UUID session = UUID.randomUUID();
        apply(s.started(T0, session));
        apply(s.match(T0.plusSeconds(30), session, true));
        apply(s.liveness(T0.plusSeconds(3600), session, true));
        published.addAll(fold.expireSessions(record, T0.plusSeconds(7200)));
        assertThat(state()).isEqualTo(CertificationState.FAILED_ONCE);
    }

    @Test
    void reviewerApprovalCertifiesWithApprovedAppeal() {
        collected();
        applyAll(s.session(T0.plusSeconds(600), UUID.randomUUID(), false, true));
        applyAll(s.session(T0.plusSeconds(1200), UUID.randomUUID(), false, true));
        published.addAll(fold.decideAppeal(record, true, "本人清晰可辨", "reviewer-a", T0.plusSeconds(86400)));
        Outcome o = fold.outcome(record);
        assertThat(o.state()).isEqualTo(CertificationState.CERTIFIED);
        assertThat(o.channel()).isEqualTo(CertificationChannel.APPROVED_APPEAL);
        assertThat(o.certifiedBy()).isEqualTo("reviewer-a");
        assertThat(published).hasAtLeastOneElementOfType(AppealDecided.class);
        assertThat(published).filteredOn(PersonCertified.class::isInstance).singleElement()
                .satisfies(e -> assertThat(((PersonCertified) e).channel()).isEqualTo(CertificationChannel.APPROVED_APPEAL));
    }

    @Test
    void rejectedAppealLeavesOnlyTheCounter() {
        collected();
        applyAll(s.session(T0.plusSeconds(600), UUID.randomUUID(), false, true));
        applyAll(s.session(T0.plusSeconds(1200), UUID.randomUUID(), false, true));
        published.addAll(fold.decideAppeal(record, false, "非本人", "reviewer-a", T0.plusSeconds(86400)));
        assertThat(state()).isEqualTo(CertificationState.APPEAL_REJECTED);
        assertThat(fold.outcome(record).message()).isEqualTo("您的申诉审核未通过，请去当地社保大厅办理");
        assertThatThrownBy(() -> fold.decideAppeal(record, true, "x", "reviewer-b", T0.plusSeconds(86500)))
                .isInstanceOf(IllegalStateException.class);

        applyAll(s.session(T0.plusSeconds(90000), UUID.randomUUID(), true, true));
        assertThat(state()).isEqualTo(CertificationState.APPEAL_REJECTED);

        published.addAll(fold.certifyAtCounter(record, "clerk-a", CertificationChannel.COUNTER, T0.plusSeconds(172800)));
        Outcome o = fold.outcome(record);
        assertThat(o.state()).isEqualTo(CertificationState.CERTIFIED);
        assertThat(o.channel()).isEqualTo(CertificationChannel.COUNTER);
        assertThat(o.certifiedBy()).isEqualTo("clerk-a");
    }

    @Test
    void counterCertificationIsRefusedWhenAlreadyCertified() {
        collected();
        applyAll(s.session(T0.plusSeconds(600), UUID.randomUUID(), true, true));
        assertThatThrownBy(() -> fold.certifyAtCounter(record, "clerk-a", CertificationChannel.COUNTER, T0.plusSeconds(700)))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void periodEndingUncertifiedIsOverdueAndLateCertificationRestoresWithMonthsMissed() {
        collected();
        published.addAll(fold.advanceTo(record, LocalDate.of(2027, 1, 1)));
        // the new period opened; the old one closed uncertified
        assertThat(published).filteredOn(CertificationOverdue.class::isInstance).singleElement()
                .satisfies(e -> assertThat(((CertificationOverdue) e).period()).isEqualTo("2026"));
        assertThat(record.period.id()).isEqualTo("2027");
        assertThat(record.suspendedSince).isEqualTo(LocalDate.of(2027, 1, 1));
        assertThat(record.history).singleElement().satisfies(h -> assertThat(h.state).isEqualTo(CertificationState.OVERDUE));

        applyAll(s.session(Instant.parse("2027-03-10T02:00:00Z"), UUID.randomUUID(), true, true));
        assertThat(state()).isEqualTo(CertificationState.CERTIFIED);
        assertThat(published).filteredOn(CertificationRestored.class::isInstance).singleElement()
                .satisfies(e -> assertThat(((CertificationRestored) e).monthsMissed()).isEqualTo(3));
        assertThat(record.suspendedSince).isNull();
    }

    @Test
    void closedPeriodWithoutCertificationIsOverdueUntilTheNextOpens() {
        PeriodPolicy window = new PeriodPolicy.FixedYearly(MonthDay.of(3, 1), MonthDay.of(6, 30));
        CertificationFold f = Scenario.fold(window);
        CertificationRecord r = new CertificationRecord(s.person, s.bureau);
        f.apply(r, s.enrolled(T0));
        f.apply(r, s.template(T0));
        List<EventData> out = f.advanceTo(r, LocalDate.of(2026, 7, 1));
        assertThat(f.outcome(r).state()).isEqualTo(CertificationState.OVERDUE);
        assertThat(out).hasAtLeastOneElementOfType(CertificationOverdue.class);
        assertThat(f.advanceTo(r, LocalDate.of(2026, 7, 2))).isEmpty();
        List<EventData> next = f.advanceTo(r, LocalDate.of(2027, 3, 1));
        assertThat(next).singleElement().isInstanceOf(CertificationDue.class);
        assertThat(f.outcome(r).state()).isEqualTo(CertificationState.DUE);
        assertThat(r.suspendedSince).isEqualTo(LocalDate.of(2026, 7, 1));
    }

    @Test
    void certifiedPersonIsDueAgainWhenTheNextRollingPeriodOpens() {
        CertificationFold f = Scenario.fold(new PeriodPolicy.Rolling(12, 30));
        CertificationRecord r = new CertificationRecord(s.person, s.bureau);
        f.apply(r, s.enrolled(T0));
        f.apply(r, s.template(T0));
        s.session(T0.plusSeconds(600), UUID.randomUUID(), true, true).forEach(e -> f.apply(r, e));
        Outcome o = f.outcome(r);
        assertThat(o.state()).isEqualTo(CertificationState.CERTIFIED);
        assertThat(o.nextPeriodStart()).isEqualTo(LocalDate.of(2027, 1, 31));
        assertThat(f.advanceTo(r, LocalDate.of(2027, 1, 30))).isEmpty();
        List<EventData> out = f.advanceTo(r, LocalDate.of(2027, 1, 31));
        assertThat(out).singleElement().isInstanceOfSatisfying(CertificationDue.class,
                d -> assertThat(d.deadline()).isEqualTo(LocalDate.of(2027, 3, 2)));
        assertThat(f.outcome(r).state()).isEqualTo(CertificationState.DUE);
    }

    @Test
    void reappliedEventsPublishNothingTwice() {
        collected();
        List<Envelope<? extends EventData>> events = s.session(T0.plusSeconds(600), UUID.randomUUID(), false, true);
        applyAll(events);
        int count = published.size();
        applyAll(events);
        assertThat(published).hasSize(count);
        assertThat(state()).isEqualTo(CertificationState.FAILED_ONCE);
    }

    @Test
    void appealStatusSurvivesIntoHistoryWhenThePeriodRolls() {
        collected();
        applyAll(s.session(T0.plusSeconds(600), UUID.randomUUID(), false, true));
        applyAll(s.session(T0.plusSeconds(1200), UUID.randomUUID(), false, true));
        fold.decideAppeal(record, false, "非本人", "reviewer-a", T0.plusSeconds(86400));
        fold.advanceTo(record, LocalDate.of(2027, 1, 1));
        assertThat(record.history).singleElement().satisfies(h -> {
            assertThat(h.appealStatus).isEqualTo(AppealStatus.REJECTED.name());
            assertThat(h.failedAttempts).isEqualTo(2);
        });
    }
}
