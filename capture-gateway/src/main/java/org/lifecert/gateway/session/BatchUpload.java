package org.lifecert.gateway.session;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One upload of frames for a challenge step, as the page sends it. */
public record BatchUpload(UUID batchId, Integer stepIndex, String nonce, boolean lastBatchOfStep,
        boolean lastBatchOfSession, List<FrameUpload> frames) {

    /**
     * One frame; {@code observed} (optional) is true for a frame the page ran its own action check on. The page ends
     * a step early on what it saw there, so liveness-service measures those frames in full.
     */
    public record FrameUpload(int sequence, Instant capturedAt, String jpegBase64, Boolean observed) {
    }
}
