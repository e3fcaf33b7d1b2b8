package org.lifecert.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A certification session started with its challenge (2-3 random actions, each with a time limit),
 * bound to a nonce and a deadline.
 *
 * @param actingPersonId nullable; the relative in proxy mode
 */
public record SessionStarted(
        UUID sessionId,
        UUID personId,
        List<ChallengeStep> challenge,
        String nonce,
        Instant deadline,
        CertificationChannel channel,
        UUID actingPersonId) implements EventData {

    public static final String TYPE = "SessionStarted";

    public SessionStarted {
        challenge = challenge == null ? null : List.copyOf(challenge);
    }

    public record ChallengeStep(int index, Action action, int timeLimitSeconds) {
    }
}
