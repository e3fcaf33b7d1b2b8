package org.lifecert.liveness.frame;

import java.util.Optional;
import java.util.function.Function;

/**
 * A held best frame's analysis with its decoded image, kept from its batch until its step is scored, so that the
 * anti-spoof model and the embedding run on it without a second decode and detection. Owns the frame: closing frees
 * the image and gives its memory back to the {@link HeldImages} budget. Safe to close from another thread (a session
 * evicted from the working set) while its worker uses it.
 */
public final class HeldImage implements AutoCloseable {

    private final AnalysedFrame frame;
    private final long bytes;
    private final HeldImages budget;
    private boolean closed;

    HeldImage(AnalysedFrame frame, long bytes, HeldImages budget) {
        this.frame = frame;
        this.bytes = bytes;
        this.budget = budget;
    }

    /** What {@code use} makes of the frame; empty when the image was freed already. */
    public synchronized <T> Optional<T> use(Function<AnalysedFrame, T> use) {
        return closed ? Optional.empty() : Optional.of(use.apply(frame));
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            frame.close();
            budget.release(bytes);
        }
    }
}
