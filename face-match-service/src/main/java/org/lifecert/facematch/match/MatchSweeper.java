package org.lifecert.facematch.match;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.UUID;
import org.lifecert.facematch.config.FaceMatchConfig;

/**
 * Sessions whose last batch never came (capture stopped, worker restarted and nothing more arrives) are decided with
 * the frames that did arrive once their deadline plus grace has passed: no session is left without a verdict.
 */
@ApplicationScoped
public class MatchSweeper {

    private final MatchSessionStore sessions;
    private final MatchWorker worker;
    private final FaceMatchConfig config;

    public MatchSweeper(MatchSessionStore sessions, MatchWorker worker, FaceMatchConfig config) {
        this.sessions = sessions;
        this.worker = worker;
        this.config = config;
    }

    @Scheduled(every = "${lifecert.facematch.session.sweep-every:5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweep() {
        QuarkusTransaction.requiringNew().run(() -> {
            for (UUID id : sessions.overdue(Instant.now().minus(config.session().grace()), 50)) {
                sessions.lock(id).filter(l -> "OPEN".equals(l.status())).ifPresent(l -> worker.finish(l.state(), l.state().bureau));
            }
        });
    }
}
