package org.lifecert.gateway.result;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.smallrye.mutiny.helpers.test.AssertSubscriber;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The stream's logic alone (no HTTP, no database): what it emits, and when it reads the result again. */
class ResultStreamsTests {

    private final UUID session = UUID.randomUUID();
    private final AtomicReference<String> outcome = new AtomicReference<>(ResultView.PENDING);
    private final ResultSignals signals = new ResultSignals();

    private ResultView view(UUID id) {
        String o = outcome.get();
        return new ResultView(id, o, o, ResultView.CERTIFIED.equals(o) ? LocalDate.of(2027, 1, 1) : null, List.of(),
                false, null);
    }

    private ResultStreams streams(Duration recheck) {
        return new ResultStreams(this::view, signals, recheck, Duration.ofMinutes(10));
    }

    @Test
    void outcomeCommittedHereIsPushedWithoutWaitingForTheRecheck() {
        AssertSubscriber<ResultView> page = streams(Duration.ofHours(1)).stream(session)
                .subscribe().withSubscriber(AssertSubscriber.create(10));
        page.awaitItems(1);
        assertThat(page.getItems()).extracting(ResultView::outcome).containsExactly(ResultView.PENDING);
        assertThat(signals.waitingSessions()).isEqualTo(1);

        outcome.set(ResultView.CERTIFIED);
        signals.changed(session);

        page.awaitCompletion(Duration.ofSeconds(10));
        assertThat(page.getItems()).extracting(ResultView::outcome)
                .containsExactly(ResultView.PENDING, ResultView.CERTIFIED);
        // the listener goes with the stream's termination, which may run just after the page saw the completion
        await().atMost(Duration.ofSeconds(10)).until(() -> signals.waitingSessions() == 0);
    }

    @Test
    void outcomeFoldedElsewhereArrivesWithTheRecheck() {
        AssertSubscriber<ResultView> page = streams(Duration.ofMillis(50)).stream(session)
                .subscribe().withSubscriber(AssertSubscriber.create(10));
        page.awaitItems(1);
        outcome.set(ResultView.FAILED); // no signal: another replica folded it
        page.awaitCompletion(Duration.ofSeconds(10));
        assertThat(page.getItems()).extracting(ResultView::outcome)
                .containsExactly(ResultView.PENDING, ResultView.FAILED);
    }

    @Test
    void signalsOfOtherSessionsAndRepeatedSignalsEmitNothingNew() {
        AssertSubscriber<ResultView> page = streams(Duration.ofHours(1)).stream(session)
                .subscribe().withSubscriber(AssertSubscriber.create(10));
        page.awaitItems(1);
        signals.changed(UUID.randomUUID());
        signals.changed(session); // still pending: same outcome, not emitted again
        outcome.set(ResultView.APPEAL_OPENED);
        signals.changed(session);
        page.awaitCompletion(Duration.ofSeconds(10));
        assertThat(page.getItems()).extracting(ResultView::outcome)
                .containsExactly(ResultView.PENDING, ResultView.APPEAL_OPENED);
    }

    @Test
    void pageThatGoesAwayUnsubscribes() {
        AssertSubscriber<ResultView> page = streams(Duration.ofHours(1)).stream(session)
                .subscribe().withSubscriber(AssertSubscriber.create(10));
        page.awaitItems(1);
        page.cancel();
        await().atMost(Duration.ofSeconds(10)).until(() -> signals.waitingSessions() == 0);
    }
}
