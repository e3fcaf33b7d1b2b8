package org.lifecert.facematch.threshold;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import org.jboss.logging.Logger;
import org.lifecert.facematch.config.FaceMatchConfig;

/**
 * Each bureau's match threshold: the value its admin set (table bureau_match_threshold, every change audited in
 * match_threshold_audit in the same transaction), else the configured default for the bureau, else the platform
 * default (FAR 0.1%). MatchWorker asks it for the threshold of every verdict.
 */
@ApplicationScoped
public class BureauThresholds {

    private static final Logger LOG = Logger.getLogger(BureauThresholds.class);

    private final EntityManager em;
    private final FaceMatchConfig config;
    private final MatchCalibration calibration = MatchCalibration.shipped();

    public BureauThresholds(EntityManager em, FaceMatchConfig config) {
        this.em = em;
        this.config = config;
    }

    public ThresholdBounds bounds() {
        return new ThresholdBounds(config.thresholdMin(), config.thresholdMax());
    }

    /** The threshold a verdict of this bureau is decided with (caller's transaction). */
    @Transactional(Transactional.TxType.MANDATORY)
    public double forBureau(String bureau) {
        return stored(bureau).map(r -> ((Number) r[0]).doubleValue()).orElseGet(() -> defaultFor(bureau));
    }

    @Transactional
    public ThresholdSetting setting(String bureau) {
        var row = stored(bureau);
        double threshold = row.map(r -> ((Number) r[0]).doubleValue()).orElseGet(() -> defaultFor(bureau));
        return new ThresholdSetting(bureau, threshold, config.falseAcceptRate(), config.thresholdMin(),
                config.thresholdMax(), calibration.points(), calibration.estimatedFalseAcceptRate(threshold),
                defaultFor(bureau), row.isPresent(), row.map(r -> (String) r[1]).orElse(null),
                row.map(r -> iso(r[2])).orElse(null));
    }

    /** Sets the bureau's threshold (checked against the bounds) and audits the change. */
    @Transactional
    public ThresholdSetting set(String bureau, Double value, String actor) {
        double threshold = bounds().check(value);
        double old = forBureau(bureau);
        em.createNativeQuery("""
                insert into bureau_match_threshold (bureau, threshold, updated_by) values (:b, :t, :a)
                on conflict (bureau) do update set threshold = :t, updated_by = :a, updated_at = now()""")
                .setParameter("b", bureau).setParameter("t", threshold).setParameter("a", actor).executeUpdate();
        em.createNativeQuery("""
                insert into match_threshold_audit (bureau, old_value, new_value, actor) values (:b, :o, :n, :a)""")
                .setParameter("b", bureau).setParameter("o", old).setParameter("n", threshold).setParameter("a", actor)
                .executeUpdate();
        LOG.infof("bureau %s: match threshold %.3f -> %.3f by %s", bureau, old, threshold, actor);
        return setting(bureau);
    }

    /** The bureau's changes, newest first. */
    @Transactional
    @SuppressWarnings("unchecked")
    public List<ThresholdChange> history(String bureau) {
        List<Object[]> rows = em.createNativeQuery("""
                select old_value, new_value, actor, at from match_threshold_audit where bureau = :b order by id desc
                limit 100""").setParameter("b", bureau).getResultList();
        return rows.stream().map(r -> new ThresholdChange(((Number) r[0]).doubleValue(), ((Number) r[1]).doubleValue(),
                (String) r[2], iso(r[3]))).toList();
    }

    private static String iso(Object time) {
        if (time instanceof java.sql.Timestamp t) {
            return t.toInstant().toString();
        }
        if (time instanceof java.time.OffsetDateTime o) {
            return o.toInstant().toString();
        }
        return String.valueOf(time);
    }

    private double defaultFor(String bureau) {
        return config.bureauThreshold().getOrDefault(bureau, config.threshold());
    }

    @SuppressWarnings("unchecked")
    private java.util.Optional<Object[]> stored(String bureau) {
        List<Object[]> rows = em.createNativeQuery("""
                select threshold, updated_by, updated_at from bureau_match_threshold where bureau = :b""")
                .setParameter("b", bureau == null ? "" : bureau).getResultList();
        return rows.stream().findFirst();
    }

    /** One audited change. */
    public record ThresholdChange(double from, double to, String actor, String at) {
    }
}
