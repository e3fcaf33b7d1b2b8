package org.lifecert.gateway.result;

import io.smallrye.mutiny.Multi;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.lifecert.gateway.config.GatewayConfig;

/**
 * The page's result stream for one session: the current outcome at once, then each change, ending with the decided
 * one. A stream reads its session's result when {@link ResultSignals} says this replica committed an outcome for it
 * (the verdict reaches the page as soon as it is folded), and every {@code result-stream.recheck} regardless.
 */
@ApplicationScoped
public class ResultStreams {

    private final ScheduledExecutorService poller = Executors.newScheduledThreadPool(2, r -> {
        Thread t = new Thread(r, "result-stream");
        t.setDaemon(true);
        return t;
    });
    private final Function<UUID, ResultView> results;
    private final ResultSignals signals;
    private final Duration recheck;
    private final Duration limit;

    @Inject
    public ResultStreams(ResultStore store, ResultSignals signals, GatewayConfig config) {
        this(store::view, signals, config.resultStream().recheck(), config.resultStream().limit());
    }

    ResultStreams(Function<UUID, ResultView> results, ResultSignals signals, Duration recheck, Duration limit) {
        this.results = results;
        this.signals = signals;
        this.recheck = recheck;
        this.limit = limit;
    }

    public Multi<ResultView> stream(UUID sessionId) {
        Instant until = Instant.now().plus(limit);
        return Multi.createFrom().emitter(emitter -> {
            Object lock = new Object();
            String[] last = {null};
            boolean[] done = {false};
            Runnable check = () -> {
                synchronized (lock) {
                    if (done[0]) {
                        return;
                    }
                    try {
                        ResultView view = results.apply(sessionId);
                        if (!view.outcome().equals(last[0])) {
                            last[0] = view.outcome();
                            emitter.emit(view);
                        }
                        if (view.decided() || Instant.now().isAfter(until)) {
                            done[0] = true;
                            emitter.complete();
                        }
                    } catch (RuntimeException e) {
                        done[0] = true;
                        emitter.fail(e);
                    }
                }
            };
            // subscribed before the first read: an outcome committed in between still wakes the stream
            AutoCloseable subscription = signals.subscribe(sessionId, () -> poller.execute(check));
            ScheduledFuture<?> task = poller.scheduleWithFixedDelay(check, 0, Math.max(1, recheck.toMillis()),
                    TimeUnit.MILLISECONDS);
            emitter.onTermination(() -> {
                task.cancel(false);
                try {
                    subscription.close();
                } catch (Exception ignored) {
                    // removing a listener does not fail
                }
            });
        });
    }

    @PreDestroy
    void stop() {
        poller.shutdownNow();
    }
}
