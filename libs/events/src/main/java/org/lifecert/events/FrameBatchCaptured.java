package org.lifecert.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A batch of camera frames for one challenge step. Keyed by session id so that all batches of a
 * session land on one partition in order.
 *
 * @param actingPersonId nullable; the relative in proxy mode
 */
public record FrameBatchCaptured(
        UUID sessionId,
        UUID personId,
        UUID batchId,
        int stepIndex,
        Action action,
        String nonce,
        List<Frame> frames,
        boolean lastBatchOfStep,
        boolean lastBatchOfSession,
        UUID actingPersonId,
        Instant sessionDeadline) implements EventData {

    public static final String TYPE = "FrameBatchCaptured";

    public FrameBatchCaptured {
        frames = frames == null ? null : List.copyOf(frames);
    }

    /** One JPEG frame; {@code sequence} orders frames within the session. */
    public record Frame(int sequence, Instant capturedAt, String jpegBase64) {
    }
}
