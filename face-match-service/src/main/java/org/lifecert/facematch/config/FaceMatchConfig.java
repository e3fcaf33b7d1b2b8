package org.lifecert.facematch.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Map;

/** Every setting of face-match-service, defaults in code. */
@ConfigMapping(prefix = "lifecert.facematch")
public interface FaceMatchConfig {

    /** Consumer threads on the frame topic = sessions analysed at once (the ONNX sessions are shared). */
    @WithDefault("2")
    int concurrency();

    @WithDefault("true")
    boolean consumerEnabled();

    @WithDefault("face-match-service")
    String consumerGroup();

    /** Group of the (light) template and certification consumer. */
    @WithDefault("face-match-templates")
    String templateGroup();

    /**
     * Default cosine similarity at or above which the session's face is the enrolled person (a bureau may choose its
     * own within {@link #thresholdMin()}..{@link #thresholdMax()} through the console API). 0.40 is the platform's
     * threshold for the target false-accept rate {@link #falseAcceptRate()} with margin: on the face engine's verify
     * set (80 genuine, 80 impostor pairs) every impostor pair scored at most 0.22 and every genuine pair above 0.40;
     * a normal fit of the impostor scores puts FAR 0.1% at 0.31 and estimates 3e-5 at 0.40 (README, "Threshold").
     * Calibrate on a larger impostor set of the bureau's population before production.
     */
    @WithDefault("0.40")
    double threshold();

    /** The false-accept rate the default threshold is set for (FAR 0.1%). */
    @WithDefault("0.001")
    double falseAcceptRate();

    /** Lowest threshold a bureau may set: below it the estimated FAR exceeds the 0.1% target (0.31). */
    @WithDefault("0.32")
    double thresholdMin();

    /** Highest threshold a bureau may set: above it more than a fifth of genuine verify pairs are rejected. */
    @WithDefault("0.60")
    double thresholdMax();

    /**
     * Per-bureau default thresholds ({@code lifecert.facematch.bureau-threshold."bureau-a"=0.45}); a value set
     * through the console API (stored in the database) takes precedence.
     */
    Map<String, Double> bureauThreshold();

    Frames frames();

    Refresh refresh();

    Session session();

    interface Frames {
        /** Analyse every n-th frame of a batch (1 = all) cheaply as a candidate: matching needs a few good frames, not every frame. */
        @WithDefault("3")
        int analyseEvery();

        /**
         * Candidates are at least about this far apart in capture time: frames uploaded closer together than
         * {@code analyse-interval / analyse-every} (a 25 fps upload) are thinned further, to every
         * {@code analyse-interval / gap}-th (at most every 8th). The page's 8 frames/s keeps every 3rd. PT0S = off.
         */
        @WithDefault("PT0.24S")
        java.time.Duration analyseInterval();

        /** Candidates of a batch analysed again with the pose and embedding models (the expensive pass). */
        @WithDefault("1")
        int embedPerBatch();

        /** Best frames of the session kept and compared with the templates. */
        @WithDefault("3")
        int best();

        /**
         * Candidates analysed per session before the picker stops looking: once this many were analysed and the
         * session holds its {@code best} frames, later frames are counted, not analysed (about the first 4.5 s of the
         * page's capture at the default 12). The frames of later steps are still bound to the same face by
         * liveness-service's continuity check between steps. 0 = no limit.
         */
        @WithDefault("12")
        int maxCandidates();

        /** Largest |yaw| or |pitch| in degrees of a frame used for matching. */
        @WithDefault("25")
        double maxAngle();

        /**
         * JPEG frames whose shorter side is at least this are decoded at half scale (about 1 ms less per 640x480 frame;
         * the models' inputs keep their detail: face-engine {@code HalfScaleDecodeTests}); 0 = always full scale.
         */
        @WithDefault("480")
        int halfScaleDecodeMinSide();
    }

    interface Refresh {
        /** After PersonCertified, add the session's best frame as a new template (elderly faces change). Audited. */
        @WithDefault("false")
        boolean enabled();

        /** Only sessions that matched at least this well refresh the template (keeps drift out). */
        @WithDefault("0.55")
        double minScore();

        /** Refreshed templates kept per person (the oldest refreshed go first; enrolled templates stay). */
        @WithDefault("3")
        int keep();
    }

    interface Session {
        /** Open sessions past deadline plus this are decided with what arrived. */
        @WithDefault("PT10S")
        Duration grace();

        @WithDefault("5s")
        String sweepEvery();
    }
}
