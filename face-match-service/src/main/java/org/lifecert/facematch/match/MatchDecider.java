package org.lifecert.facematch.match;

import java.util.List;
import org.lifecert.events.Decision;
import org.lifecert.face.FaceTemplate;

/**
 * 1:1 decision: every kept frame embedding against every reference embedding of every template of the person that
 * was made by the same model (embeddings of other models are not comparable); the best similarity decides (the best
 * of several references, as users of face platforms ask for).
 */
public final class MatchDecider {

    /** Why a verdict is what it is; null reason when matched. */
    public record Outcome(Decision decision, double score, String reason) {
    }

    public static final String NOT_COLLECTED = "NOT_COLLECTED";
    public static final String NO_FACE = "NO_FACE";
    public static final String NOT_MATCHED = "NOT_MATCHED";
    public static final String TEMPLATE_MODEL_MISMATCH = "TEMPLATE_MODEL_MISMATCH";

    private final String modelVersion;

    public MatchDecider(String modelVersion) {
        this.modelVersion = modelVersion;
    }

    public Outcome decide(List<float[]> frameEmbeddings, List<FaceTemplate> templates, double threshold) {
        if (templates.isEmpty()) {
            return new Outcome(Decision.FAIL, 0, NOT_COLLECTED);
        }
        List<FaceTemplate> comparable = templates.stream().filter(t -> modelVersion.equals(t.modelVersion())).toList();
        if (comparable.isEmpty()) {
            return new Outcome(Decision.FAIL, 0, TEMPLATE_MODEL_MISMATCH);
        }
        if (frameEmbeddings.isEmpty()) {
            return new Outcome(Decision.FAIL, 0, NO_FACE);
        }
        double best = -1;
        for (FaceTemplate template : comparable) {
            for (float[] reference : template.embeddings()) {
                for (float[] frame : frameEmbeddings) {
                    best = Math.max(best, cosine(reference, frame));
                }
            }
        }
        return best >= threshold ? new Outcome(Decision.PASS, best, null) : new Outcome(Decision.FAIL, best, NOT_MATCHED);
    }

    static double cosine(float[] a, float[] b) {
        double dot = 0, na = 0, nb = 0;
        for (int i = 0; i < Math.min(a.length, b.length); i++) {
            dot += a[i] * b[i];
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }
        return na == 0 || nb == 0 ? 0 : dot / Math.sqrt(na * nb);
    }
}
