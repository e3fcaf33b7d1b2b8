package org.lifecert.gateway.login;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Optional;
import org.lifecert.gateway.config.GatewayConfig;

/**
 * Per-ID-number and per-client-address limits on failed logins (wrong captcha, wrong or unknown ID
 * number). Past the limit within the window the key is locked until {@code last failure + lockout}.
 * Counted in the database so that every replica enforces the same limit.
 */
@ApplicationScoped
public class LoginThrottle {

    private final EntityManager em;
    private final GatewayConfig config;

    public LoginThrottle(EntityManager em, GatewayConfig config) {
        this.em = em;
        this.config = config;
    }

    public static String idKey(String idNumberHash) {
        return "id:" + idNumberHash;
    }

    public static String ipKey(String address) {
        return "ip:" + address;
    }

    /** When the key is locked, until when. */
    @Transactional
    public Optional<Instant> lockedUntil(String key, int maxFailures) {
        Instant since = Instant.now().minus(config.login().window());
        Object[] row = (Object[]) em.createNativeQuery(
                "select count(*), max(failed_at) from login_failure where key = :key and failed_at > :since")
                .setParameter("key", key).setParameter("since", since).getSingleResult();
        long failures = ((Number) row[0]).longValue();
        if (failures < maxFailures) {
            return Optional.empty();
        }
        Instant until = Captchas.toInstant(row[1]).plus(config.login().lockout());
        return until.isAfter(Instant.now()) ? Optional.of(until) : Optional.empty();
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void recordFailure(String... keys) {
        for (String key : keys) {
            if (key != null) {
                em.createNativeQuery("insert into login_failure (key) values (:key)").setParameter("key", key).executeUpdate();
            }
        }
    }

    @Transactional
    public int deleteOlderThan(Instant before) {
        return em.createNativeQuery("delete from login_failure where failed_at < :before")
                .setParameter("before", before).executeUpdate();
    }
}
