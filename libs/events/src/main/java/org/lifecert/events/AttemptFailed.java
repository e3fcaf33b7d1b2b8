package org.lifecert.events;

import java.util.List;
import java.util.UUID;

/** A certification attempt failed; the second failure in a period opens an appeal. */
public record AttemptFailed(
        UUID personId, String period, UUID sessionId, int attemptNumber, List<String> reasons,
        CertificationChannel channel) implements EventData {

    public static final String TYPE = "AttemptFailed";

    public AttemptFailed {
        reasons = reasons == null ? null : List.copyOf(reasons);
    }
}
