package org.lifecert.liveness.action;

/**
 * Whether an action was seen in a step's frames.
 *
 * @param detected    the whole movement was seen (there and back where the action needs it)
 * @param score       how far the signal went, in units of the configured threshold (1.0 = just reached it)
 * @param completedAt capture time (epoch ms) of the frame that completed the action; -1 when not detected
 */
public record Detection(boolean detected, double score, long completedAt) {

    public static Detection missed(double score) {
        return new Detection(false, score, -1);
    }

    public static Detection seen(double score, long completedAt) {
        return new Detection(true, score, completedAt);
    }
}
