package org.lifecert.appeal.certification;

import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.lifecert.appeal.calendar.WorkingDayCalendar;
import org.lifecert.appeal.period.PeriodPolicy;
import org.lifecert.events.Action;
import org.lifecert.events.BenefitType;
import org.lifecert.events.CertificationChannel;
import org.lifecert.events.CollectionReviewed;
import org.lifecert.events.CollectionSubmitted;
import org.lifecert.events.Decision;
import org.lifecert.events.Envelope;
import org.lifecert.events.EventData;
import org.lifecert.events.LivenessVerdict;
import org.lifecert.events.MatchVerdict;
import org.lifecert.events.PersonEnrolled;
import org.lifecert.events.PersonStatus;
import org.lifecert.events.ReferenceTemplateRegistered;
import org.lifecert.events.SessionStarted;
import org.lifecert.events.Sex;

/** Small builder of the events a person's certification is folded from, with explicit times. */
public final class Scenario {

    public static final String BUREAU = "bureau-a";

    public final UUID person;
    public final String bureau;

    public Scenario() {
        this(UUID.randomUUID(), BUREAU);
    }

    public Scenario(UUID person, String bureau) {
        this.person = person;
        this.bureau = bureau;
    }

    public static CertificationFold fold() {
        return fold(new PeriodPolicy.FixedYearly(MonthDay.of(1, 1), MonthDay.of(12, 31)));
    }

    public static CertificationFold fold(PeriodPolicy policy) {
        return new CertificationFold(FoldSettings.defaults(), new BureauRules() {
            @Override
            public PeriodPolicy periodPolicy(String bureau) {
                return policy;
            }

            @Override
            public WorkingDayCalendar calendar(String bureau) {
                return WorkingDayCalendar.weekendsOnly();
            }
        });
    }

    public <T extends EventData> Envelope<T> at(Instant time, T data) {
        return new Envelope<>(UUID.randomUUID(), data.type(), "test", time, person.toString(), bureau, 1, data);
    }

    public Envelope<PersonEnrolled> enrolled(Instant at) {
        return at(at, new PersonEnrolled(person, "ab".repeat(32), "110***********1234", "张", "三", Sex.MALE,
                LocalDate.of(1950, 1, 1), BenefitType.RETIREMENT, "110000", "13800000000", null, null, PersonStatus.ACTIVE));
    }

    public Envelope<ReferenceTemplateRegistered> template(Instant at) {
        return at(at, new ReferenceTemplateRegistered(person, UUID.randomUUID(), "fr-1", "k1", "AAAA", 1, 0.9));
    }

    public Envelope<CollectionSubmitted> collectionSubmitted(Instant at, UUID collection) {
        return at(at, new CollectionSubmitted(person, collection, CollectionSubmitted.CHANNEL_COUNTER, "clerk-a"));
    }

    public Envelope<CollectionReviewed> collectionReviewed(Instant at, UUID collection, boolean approved) {
        return at(at, new CollectionReviewed(person, collection, approved, approved ? null : "照片不清晰", "reviewer-a", at));
    }

    public Envelope<SessionStarted> started(Instant at, UUID session) {
        return started(at, session, CertificationChannel.SELF_SERVICE);
    }

    public Envelope<SessionStarted> started(Instant at, UUID session, CertificationChannel channel) {
        return at(at, new SessionStarted(session, person,
                List.of(new SessionStarted.ChallengeStep(0, Action.BLINK, 8), new SessionStarted.ChallengeStep(1, Action.NOD, 8)),
                "nonce-" + session, at.plusSeconds(120), channel, null));
    }

    public Envelope<MatchVerdict> match(Instant at, UUID session, boolean pass) {
        return at(at, new MatchVerdict(session, person, pass ? Decision.PASS : Decision.FAIL, pass ? 0.82 : 0.31, 0.6,
                "fr-1", 5, 0.9, pass ? null : "LOW_SIMILARITY"));
    }

    public Envelope<LivenessVerdict> liveness(Instant at, UUID session, boolean pass) {
        return at(at, new LivenessVerdict(session, person, pass ? Decision.PASS : Decision.FAIL,
                List.of(new LivenessVerdict.StepResult(0, Action.BLINK, pass, pass ? null : "NOT_PERFORMED")),
                pass ? 0.95 : 0.2, 0.97, pass ? List.of() : List.of("ACTION_NOT_PERFORMED")));
    }

    /** SessionStarted + both verdicts, {@code seconds} after {@code at}. */
    public List<Envelope<? extends EventData>> session(Instant at, UUID session, boolean match, boolean liveness) {
        List<Envelope<? extends EventData>> events = new ArrayList<>();
        events.add(started(at, session));
        events.add(match(at.plusSeconds(30), session, match));
        events.add(liveness(at.plusSeconds(31), session, liveness));
        return events;
    }
}
