package org.lifecert.liveness.worker;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.lifecert.liveness.action.LivenessReason;
import org.lifecert.liveness.config.LivenessConfig;

/**
 * Ends sessions that can no longer finish: past their deadline plus grace without a last batch. A session last
 * touched by an instance that stopped before this one started was interrupted (reason INTERRUPTED); otherwise its
 * batches stopped coming (ACTION_TIMEOUT). Either way the session gets its verdict, once: the row lock and the DONE
 * status guard against a worker finishing it at the same moment.
 */
@ApplicationScoped
public class SessionSweeper {

    private final SessionStore store;
    private final LivenessWorker worker;
    private final ReplayGuard replays;
    private final LivenessConfig config;

    public SessionSweeper(SessionStore store, LivenessWorker worker, ReplayGuard replays, LivenessConfig config) {
        this.store = store;
        this.worker = worker;
        this.replays = replays;
        this.config = config;
    }

    @Scheduled(every = "${lifecert.liveness.session.sweep-every:5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public void sweep() {
        sweepOnce(Instant.now());
    }

    /** Fails the overdue sessions; returns how many. */
    public int sweepOnce(Instant now) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<UUID> overdue = store.overdue(now.minus(config.session().grace()), 50);
            for (UUID id : overdue) {
                SessionStore.Locked locked = store.lock(id).orElseThrow();
                if (!SessionStore.OPEN.equals(locked.status())) {
                    continue;
                }
                boolean interrupted = !store.instance().equals(locked.workerInstance())
                        && locked.updatedAt().isBefore(store.startedAt());
                worker.finish(locked, locked.state().bureau,
                        interrupted ? LivenessReason.INTERRUPTED : LivenessReason.ACTION_TIMEOUT);
            }
            return overdue.size();
        });
    }

    @Scheduled(every = "1h")
    void forgetOldFrameHashes() {
        replays.forgetBefore(Instant.now().minus(config.session().frameHashRetention()));
    }
}
