package org.lifecert.events;

import com.fasterxml.jackson.annotation.JsonInclude;
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

    /**
     * The capture pace of the batch: the median time between consecutive frames (in sequence order) by their capture
     * times; 0 with fewer than two frames or without usable times. Workers thin dense uploads with it.
     */
    public long medianFrameGapMillis() {
        if (frames == null || frames.size() < 2) {
            return 0;
        }
        List<Frame> ordered = frames.stream().sorted(java.util.Comparator.comparingInt(Frame::sequence)).toList();
        long[] gaps = new long[ordered.size() - 1];
        for (int i = 1; i < ordered.size(); i++) {
            Instant a = ordered.get(i - 1).capturedAt(), b = ordered.get(i).capturedAt();
            gaps[i - 1] = a == null || b == null ? 0 : b.toEpochMilli() - a.toEpochMilli();
        }
        java.util.Arrays.sort(gaps);
        return Math.max(0, gaps[gaps.length / 2]);
    }

    /**
     * One JPEG frame; {@code sequence} orders frames within the session.
     *
     * @param observed nullable (v2); true when the page ran its own action check on this frame. The page ends a step
     *                 early on what it observed, so workers measure every observed frame in full (detection and head
     *                 pose) and decide on at least the evidence the page saw; absent in v1 and for other frames
     */
    public record Frame(int sequence, Instant capturedAt, String jpegBase64,
                        @JsonInclude(JsonInclude.Include.NON_NULL) Boolean observed) {

        /** A frame the page did not observe (every frame of a client without its own check). */
        public Frame(int sequence, Instant capturedAt, String jpegBase64) {
            this(sequence, capturedAt, jpegBase64, null);
        }

        /** True only when the page said it observed this frame. */
        public boolean wasObserved() {
            return Boolean.TRUE.equals(observed);
        }
    }
}
