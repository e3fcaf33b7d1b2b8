package org.lifecert.facematch.threshold;

import java.util.List;

/**
 * A bureau's match threshold as the console shows it (the contract appeal-service's settings page calls).
 *
 * @param falseAcceptRate          the false-accept rate the platform's thresholds are set for (FAR 0.1%)
 * @param estimatedFalseAcceptRate the calibration table's estimate at this bureau's threshold
 * @param defaultThreshold         what the bureau gets without a setting of its own
 * @param custom                   true when the bureau's admin set it (else the default applies)
 * @param updatedBy                who set it last (null for the default)
 * @param updatedAt                when (ISO-8601, null for the default)
 */
public record ThresholdSetting(String bureau, double threshold, double falseAcceptRate, double min, double max,
                               List<MatchCalibration.Point> calibration, double estimatedFalseAcceptRate,
                               double defaultThreshold, boolean custom, String updatedBy, String updatedAt) {
}
