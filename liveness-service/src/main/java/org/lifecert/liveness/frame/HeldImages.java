package org.lifecert.liveness.frame;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The memory budget for held best frames' decoded images across all sessions of the instance
 * ({@code lifecert.liveness.frames.held-image-budget}). Within it, a frame that may be among its step's best keeps its
 * image until the step ends; beyond it, the frame keeps only its JPEG and is decoded and detected again at step end
 * (about 9 ms), as after a restart.
 */
public final class HeldImages {

    private final long budgetBytes;
    private final AtomicLong used = new AtomicLong();

    public HeldImages(long budgetBytes) {
        this.budgetBytes = Math.max(0, budgetBytes);
    }

    /** Takes ownership of {@code frame} when its image fits the budget; empty (the caller keeps it) otherwise. */
    public Optional<HeldImage> retain(AnalysedFrame frame) {
        long bytes = frame.imageBytes();
        if (bytes <= 0) {
            return Optional.empty();
        }
        long now = used.addAndGet(bytes);
        if (now > budgetBytes) {
            used.addAndGet(-bytes);
            return Optional.empty();
        }
        return Optional.of(new HeldImage(frame, bytes, this));
    }

    void release(long bytes) {
        used.addAndGet(-bytes);
    }

    /** Bytes of images held now. */
    public long usedBytes() {
        return used.get();
    }
}
