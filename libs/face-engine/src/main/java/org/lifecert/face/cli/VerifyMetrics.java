package org.lifecert.face.cli;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Verification figures from genuine and impostor scores: accept when score >= threshold. The best-accuracy
 * threshold is the midpoint of the gap where accuracy is highest (the first such gap from below). Pairs whose score is
 * missing (no face) count as rejected: they should be passed as {@link Double#NEGATIVE_INFINITY}.
 */
record VerifyMetrics(double bestAccuracy, double bestThreshold, double tarAtFar1, double thresholdAtFar1,
                     double tarAtFar01, double thresholdAtFar01, double rocAuc) {

    static VerifyMetrics of(List<Double> genuine, List<Double> impostor) {
        List<Double> candidates = new ArrayList<>();
        candidates.addAll(genuine);
        candidates.addAll(impostor);
        Collections.sort(candidates);
        // Thresholds halfway between consecutive distinct scores: the best one then has the widest margin on its side.
        double bestAcc = -1, bestT = Double.NaN;
        List<Double> finite = candidates.stream().filter(d -> !Double.isInfinite(d)).distinct().toList();
        for (int i = 0; i < finite.size(); i++) {
            double t = i == 0 ? finite.get(0) : (finite.get(i - 1) + finite.get(i)) / 2;
            double acc = accuracy(genuine, impostor, t);
            if (acc > bestAcc) {
                bestAcc = acc;
                bestT = t;
            }
        }
        double[] far1 = tarAtFar(genuine, impostor, 0.01);
        double[] far01 = tarAtFar(genuine, impostor, 0.001);
        return new VerifyMetrics(bestAcc, bestT, far1[0], far1[1], far01[0], far01[1], auc(genuine, impostor));
    }

    static double accuracy(List<Double> genuine, List<Double> impostor, double t) {
        long tp = genuine.stream().filter(s -> s >= t).count();
        long tn = impostor.stream().filter(s -> s < t).count();
        return (double) (tp + tn) / (genuine.size() + impostor.size());
    }

    /** {TAR, threshold}: the lowest threshold accepting at most floor(far x impostors) impostors. */
    static double[] tarAtFar(List<Double> genuine, List<Double> impostor, double far) {
        List<Double> imp = new ArrayList<>(impostor);
        imp.sort(Collections.reverseOrder());
        int allowed = (int) Math.floor(far * imp.size());
        double t = allowed < imp.size() ? Math.nextUp(imp.get(allowed)) : Double.NEGATIVE_INFINITY;
        final double threshold = t;
        double tar = (double) genuine.stream().filter(s -> s >= threshold).count() / genuine.size();
        return new double[]{tar, threshold};
    }

    /** Probability that a genuine score beats an impostor score (ties count half). */
    static double auc(List<Double> genuine, List<Double> impostor) {
        double sum = 0;
        for (double g : genuine) {
            for (double i : impostor) {
                sum += g > i ? 1 : g == i ? 0.5 : 0;
            }
        }
        return sum / ((double) genuine.size() * impostor.size());
    }
}
