package org.lifecert.appeal.period;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.util.UUID;
import org.hibernate.query.NativeQuery;

/**
 * One runner among replicas: a lease row taken with a conditional update (whoever holds an
 * unexpired lease keeps it; an expired one can be taken over). Survives crashes by expiry, needs no
 * session-bound lock, and works through connection pools.
 */
@ApplicationScoped
public class JobLease {

    /** This replica's identity in the lease row. */
    private final String holder = UUID.randomUUID().toString();
    private final EntityManager em;

    public JobLease(EntityManager em) {
        this.em = em;
    }

    public String holder() {
        return holder;
    }

    /** True when this replica now holds {@code name} for {@code ttl}. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean acquire(String name, Duration ttl) {
        return acquireAs(name, holder, ttl);
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean acquireAs(String name, String who, Duration ttl) {
        return em.createNativeQuery("""
                update scheduler_lease set holder = :h, until = now() + make_interval(secs => :ttl)
                where name = :n and (until < now() or holder = :h)""").unwrap(NativeQuery.class)
                .setParameter("h", who, String.class)
                .setParameter("ttl", (double) ttl.toSeconds(), Double.class)
                .setParameter("n", name, String.class)
                .executeUpdate() == 1;
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void release(String name) {
        em.createNativeQuery("update scheduler_lease set until = '-infinity' where name = :n and holder = :h")
                .setParameter("n", name).setParameter("h", holder).executeUpdate();
    }
}
