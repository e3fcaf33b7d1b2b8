package org.lifecert.gateway.session;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One upload of frames for a challenge step, as the page sends it. */
public record BatchUpload(UUID batchId, Integer stepIndex, String nonce, boolean lastBatchOfStep,
        boolean lastBatchOfSession, List<FrameUpload> frames) {

    public record FrameUpload(int sequence, Instant capturedAt, String jpegBase64) {
    }
}
