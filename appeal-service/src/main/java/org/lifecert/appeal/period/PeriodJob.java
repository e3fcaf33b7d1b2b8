package org.lifecert.appeal.period;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.hibernate.query.NativeQuery;
import org.jboss.logging.Logger;
import org.lifecert.appeal.certification.CertificationService;
import org.lifecert.appeal.certification.FoldConfiguration;
import org.lifecert.appeal.config.AppealConfig;

/**
 * The periodic job: fails attempts whose verdicts did not arrive by deadline + grace
 * ({@code verdict_timeout}), opens periods (CertificationDue), closes ended ones uncertified
 * (OVERDUE, CertificationOverdue). Every replica schedules it; the lease lets one run at a time.
 * Each person is its own transaction, so a crash mid-run loses nothing and a rerun repeats nothing.
 */
@ApplicationScoped
public class PeriodJob {

    private static final Logger LOG = Logger.getLogger(PeriodJob.class);
    static final String LEASE = "period-job";

    private final EntityManager em;
    private final CertificationService service;
    private final JobLease lease;
    private final AppealConfig config;
    private final FoldConfiguration rules;

    public PeriodJob(EntityManager em, CertificationService service, JobLease lease, AppealConfig config,
            FoldConfiguration rules) {
        this.em = em;
        this.service = service;
        this.lease = lease;
        this.config = config;
        this.rules = rules;
    }

    @Scheduled(every = "${lifecert.appeal.scheduler.every:30s}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        if (config.scheduler().enabled()) {
            runOnce(Instant.now());
        }
    }

    /** One run at {@code now}, if this replica gets the lease; returns the persons changed, or -1 without the lease. */
    public int runOnce(Instant now) {
        if (!lease.acquire(LEASE, config.scheduler().leaseTtl())) {
            return -1;
        }
        try {
            return run(now);
        } finally {
            lease.release(LEASE);
        }
    }

    /** The work itself (callers hold the lease). */
    public int run(Instant now) {
        LocalDate today = now.atZone(rules.zone()).toLocalDate();
        int changed = 0;
        for (UUID person : ids("select person_id from certification_record where pending_deadline <= :t order by pending_deadline limit :n",
                now, null)) {
            service.expireSessions(person, now);
            changed++;
        }
        for (UUID person : ids("select person_id from certification_record where advance_on <= :d order by advance_on limit :n",
                null, today)) {
            service.advance(person, today);
            changed++;
        }
        if (changed > 0) {
            LOG.infof("period job: %d person(s) updated for %s", changed, today);
        }
        return changed;
    }

    @SuppressWarnings("unchecked")
    private List<UUID> ids(String sql, Instant now, LocalDate today) {
        return io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> {
            NativeQuery<UUID> q = em.createNativeQuery(sql).unwrap(NativeQuery.class);
            if (now != null) {
                q.setParameter("t", now, Instant.class);
            }
            if (today != null) {
                q.setParameter("d", today, LocalDate.class);
            }
            q.setParameter("n", config.scheduler().batchSize(), Integer.class);
            return (List<UUID>) q.getResultList();
        });
    }
}
