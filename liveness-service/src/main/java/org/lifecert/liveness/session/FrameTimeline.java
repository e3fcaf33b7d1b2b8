package org.lifecert.liveness.session;

import java.time.Duration;
import java.time.Instant;

/**
 * Frame times must lie inside the session window (deadline - longest session .. deadline + clock skew) and increase
 * strictly in sequence and capture time across all batches of the session: frames from another time or reordered
 * frames are a recorded replay, not a live camera.
 */
public final class FrameTimeline {

    private final Duration maxSessionDuration;
    private final Duration clockSkew;

    public FrameTimeline(Duration maxSessionDuration, Duration clockSkew) {
        this.maxSessionDuration = maxSessionDuration;
        this.clockSkew = clockSkew;
    }

    /** Checks the frame against the state's last frame and records it as the last one; false when out of place. */
    public boolean accept(SessionState state, int sequence, Instant capturedAt) {
        if (capturedAt == null) {
            return false;
        }
        boolean inWindow = state.deadline == null
                || (!capturedAt.isAfter(state.deadline.plus(clockSkew))
                && !capturedAt.isBefore(state.deadline.minus(maxSessionDuration).minus(clockSkew)));
        long at = capturedAt.toEpochMilli();
        boolean increasing = sequence > state.lastSequence && at > state.lastCapturedAt;
        if (increasing) {
            state.lastSequence = sequence;
            state.lastCapturedAt = at;
        }
        return inWindow && increasing;
    }
}
