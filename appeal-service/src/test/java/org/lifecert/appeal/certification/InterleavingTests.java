package org.lifecert.appeal.certification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.lifecert.events.Envelope;
import org.lifecert.events.EventData;

/**
 * Property: whatever order the same events arrive in (verdicts before sessions, sessions
 * interleaved, duplicates, enrollment late), the folded state is the same. Each repetition draws a
 * random history of 1-4 sessions (some with a missing verdict, decided by the timeout sweep) and
 * folds 30 random permutations of it.
 */
class InterleavingTests {

    static final Instant T0 = Instant.parse("2026-04-07T02:00:00Z");

    @RepeatedTest(200)
    void randomInterleavingsOfTheSameEventsGiveTheSameState(RepetitionInfo repetition) {
        Random random = new Random(7919L * repetition.getCurrentRepetition());
        Scenario s = new Scenario();
        List<Envelope<? extends EventData>> events = new ArrayList<>();
        events.add(s.enrolled(T0));
        events.add(s.template(T0.plusSeconds(5)));
        int sessions = 1 + random.nextInt(4);
        for (int i = 0; i < sessions; i++) {
            UUID session = UUID.randomUUID();
            Instant start = T0.plusSeconds(600L * (i + 1));
            events.add(s.started(start, session));
            if (random.nextInt(8) != 0) {
                events.add(s.match(start.plusSeconds(20 + random.nextInt(60)), session, random.nextInt(3) != 0));
            }
            if (random.nextInt(8) != 0) {
                events.add(s.liveness(start.plusSeconds(20 + random.nextInt(60)), session, random.nextInt(3) != 0));
            }
        }
        int duplicates = random.nextInt(3);
        for (int i = 0; i < duplicates; i++) {
            events.add(events.get(random.nextInt(events.size())));
        }
        Instant sweepAt = T0.plusSeconds(86_400);

        Snapshot expected = fold(events, sweepAt);
        for (int permutation = 0; permutation < 30; permutation++) {
            List<Envelope<? extends EventData>> shuffled = new ArrayList<>(events);
            Collections.shuffle(shuffled, random);
            assertThat(fold(shuffled, sweepAt)).as("permutation %d of %s", permutation, expected).isEqualTo(expected);
        }
    }

    record Snapshot(CertificationState state, Object channel, int failedAttempts, UUID certifyingSession,
            Object appealStatus, Object appealDue, List<Outcome.Role> roles) {
    }

    static Snapshot fold(List<Envelope<? extends EventData>> events, Instant sweepAt) {
        CertificationFold fold = Scenario.fold();
        CertificationRecord record = new CertificationRecord(UUID.fromString(events.get(0).subject()), Scenario.BUREAU);
        for (Envelope<? extends EventData> event : events) {
            fold.apply(record, event);
        }
        fold.expireSessions(record, sweepAt);
        Outcome o = fold.outcome(record);
        return new Snapshot(o.state(), o.channel(), o.failedAttempts(), o.certifyingSession(),
                o.appeal() == null ? null : o.appeal().status(), o.appeal() == null ? null : o.appeal().dueDate(),
                o.attempts().stream().map(Outcome.AttemptView::role).toList());
    }
}
