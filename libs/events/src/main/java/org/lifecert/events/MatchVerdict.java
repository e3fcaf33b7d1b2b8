package org.lifecert.events;

import java.util.UUID;

/**
 * 1:1 match of the session's frames against the enrolled template.
 *
 * @param reason nullable; a reason code such as {@code NOT_COLLECTED} or {@code NO_FACE}
 */
public record MatchVerdict(
        UUID sessionId,
        UUID personId,
        Decision decision,
        double score,
        double threshold,
        String modelVersion,
        int framesUsed,
        double frameQuality,
        String reason) implements EventData {

    public static final String TYPE = "MatchVerdict";
}
