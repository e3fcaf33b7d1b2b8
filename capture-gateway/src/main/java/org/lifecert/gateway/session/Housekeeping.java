package org.lifecert.gateway.session;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import org.jboss.logging.Logger;
import org.lifecert.gateway.config.GatewayConfig;
import org.lifecert.gateway.evidence.EvidenceKeeper;
import org.lifecert.gateway.login.Captchas;
import org.lifecert.gateway.login.LoginThrottle;

/** Expires overdue sessions (SessionExpired), deletes evidence past its retention, old captchas and failures. */
@ApplicationScoped
public class Housekeeping {

    private static final Logger LOG = Logger.getLogger(Housekeeping.class);

    private final CaptureSessions sessions;
    private final EvidenceKeeper evidence;
    private final Captchas captchas;
    private final LoginThrottle throttle;
    private final GatewayConfig config;

    public Housekeeping(CaptureSessions sessions, EvidenceKeeper evidence, Captchas captchas, LoginThrottle throttle,
            GatewayConfig config) {
        this.sessions = sessions;
        this.evidence = evidence;
        this.captchas = captchas;
        this.throttle = throttle;
        this.config = config;
    }

    @Scheduled(every = "${lifecert.gateway.housekeeping-every:10s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        int expired = sessions.expireOverdue();
        sessions.forgetEnded();
        int deleted = evidence.deleteExpired();
        captchas.deleteExpired();
        throttle.deleteOlderThan(Instant.now().minus(config.login().window()).minus(config.login().lockout()));
        if (expired > 0 || deleted > 0) {
            LOG.infof("housekeeping: %d session(s) expired, %d evidence frame(s) past retention deleted", expired, deleted);
        }
    }
}
