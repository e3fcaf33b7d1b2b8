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
     * Cosine similarity at or above which the session's face is the enrolled person. 0.40 is the face engine's
     * configured threshold: on the development verify set (80 genuine, 80 impostor pairs) every impostor pair scored
     * at most 0.22 and every genuine pair above 0.40 (face-engine-cli verify, README). Calibrate per bureau for the
     * target false-accept rate (0.1%) on a larger impostor set before production.
     */
    @WithDefault("0.40")
    double threshold();

    /** Per-bureau thresholds overriding {@link #threshold()}: {@code lifecert.facematch.bureau-threshold."bureau-a"=0.45}. */
    Map<String, Double> bureauThreshold();

    Frames frames();

    Refresh refresh();

    Session session();

    interface Frames {
        /** Analyse every n-th frame of a batch (1 = all): matching needs a few good frames, not every frame. */
        @WithDefault("2")
        int analyseEvery();

        /** Best frames of the session kept and compared with the templates. */
        @WithDefault("3")
        int best();

        /** Largest |yaw| or |pitch| in degrees of a frame used for matching. */
        @WithDefault("25")
        double maxAngle();
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
