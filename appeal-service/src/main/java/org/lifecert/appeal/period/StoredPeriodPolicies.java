package org.lifecert.appeal.period;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The period policies bureau admins set in the console (table {@code bureau_period_policy}); a bureau
 * without a row keeps the configured one. Read on every fold, so answers are cached per replica for
 * {@code lifecert.appeal.settings-cache-ttl} (a change is seen at once on the replica that stored it,
 * on the others within that time).
 */
@ApplicationScoped
public class StoredPeriodPolicies {

    private record Cached(Optional<PeriodPolicy> policy, Instant until) {
    }

    private final EntityManager em;
    private final Duration ttl;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    public StoredPeriodPolicies(EntityManager em,
            @ConfigProperty(name = "lifecert.appeal.settings-cache-ttl", defaultValue = "PT30S") Duration ttl) {
        this.em = em;
        this.ttl = ttl;
    }

    /** The bureau's own policy, if its admin set one. */
    public Optional<PeriodPolicy> policy(String bureau) {
        String key = bureau == null ? "" : bureau;
        Cached c = cache.get(key);
        if (c == null || Instant.now().isAfter(c.until())) {
            c = new Cached(load(key), Instant.now().plus(ttl));
            cache.put(key, c);
        }
        return c.policy();
    }

    @Transactional
    public void save(String bureau, PeriodPolicy policy, String actor) {
        PeriodPolicyForm f = PeriodPolicyForm.of(policy);
        em.createNativeQuery("""
                insert into bureau_period_policy (bureau, kind, window_start, window_end, rolling_months, rolling_open_days,
                                                  updated_at, updated_by)
                values (:b, :k, :ws, :we, :rm, :ro, now(), :a)
                on conflict (bureau) do update set kind = excluded.kind, window_start = excluded.window_start,
                  window_end = excluded.window_end, rolling_months = excluded.rolling_months,
                  rolling_open_days = excluded.rolling_open_days, updated_at = now(), updated_by = excluded.updated_by""")
                .unwrap(org.hibernate.query.NativeQuery.class)
                .setParameter("b", bureau, String.class).setParameter("k", f.kind(), String.class)
                .setParameter("ws", f.windowStart(), String.class).setParameter("we", f.windowEnd(), String.class)
                .setParameter("rm", f.rollingMonths(), Integer.class).setParameter("ro", f.rollingOpenDays(), Integer.class)
                .setParameter("a", actor, String.class).executeUpdate();
        cache.remove(bureau);
    }

    /** Who changed the bureau's policy last, and when (null when never changed in the console). */
    @Transactional(Transactional.TxType.SUPPORTS)
    @SuppressWarnings("unchecked")
    public Object[] lastChange(String bureau) {
        List<Object[]> rows = em.createNativeQuery("select updated_by, updated_at from bureau_period_policy where bureau = :b")
                .setParameter("b", bureau).getResultList();
        return rows.isEmpty() ? null : rows.get(0);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    @SuppressWarnings("unchecked")
    Optional<PeriodPolicy> load(String bureau) {
        List<Object[]> rows = em.createNativeQuery("""
                select kind, window_start, window_end, rolling_months, rolling_open_days
                from bureau_period_policy where bureau = :b""").setParameter("b", bureau).getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] r = rows.get(0);
        return Optional.of(new PeriodPolicyForm((String) r[0], (String) r[1], (String) r[2],
                r[3] == null ? null : ((Number) r[3]).intValue(), r[4] == null ? null : ((Number) r[4]).intValue()).toPolicy());
    }
}
