package org.lifecert.liveness.session;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.lifecert.events.Action;
import org.lifecert.liveness.action.FrameSignal;
import org.lifecert.liveness.action.LivenessReason;
import org.lifecert.liveness.action.StepJudge;

/**
 * The working state of one certification session: the signals of every frame seen so far, grouped by step, one
 * embedding per step (its best frame, for identity continuity) and the session-level findings. Serialised as JSON into the
 * session's persisted record after every batch, so a restarted worker continues where the last one committed.
 */
public final class SessionState {

    public UUID sessionId;
    public UUID personId;
    public String bureau;
    public Instant deadline;
    public TreeMap<Integer, Step> steps = new TreeMap<>();
    public int lastSequence = Integer.MIN_VALUE;
    public long lastCapturedAt = Long.MIN_VALUE;
    public Set<LivenessReason> sessionFindings = EnumSet.noneOf(LivenessReason.class);
    public int framesSeen;
    /** Batches applied: a batch re-sent under a new event id is not counted twice. */
    public Set<UUID> batchIds = new java.util.HashSet<>();

    public static final class Step {
        public Action action;
        public List<FrameSignal> frames = new ArrayList<>();
        /** The embedding of the step's best frame, taken when the step completes (empty before). */
        public List<float[]> embeddings = new ArrayList<>();
        /** The step's best frames until it completes; memory only (see {@link HeldFrames}). */
        @com.fasterxml.jackson.annotation.JsonIgnore
        public HeldFrames held;
        public boolean complete;
        public StepJudge.StepOutcome outcome;

        public Step() {
        }

        Step(Action action) {
            this.action = action;
        }
    }

    public SessionState() {
    }

    public SessionState(UUID sessionId, UUID personId, String bureau, Instant deadline) {
        this.sessionId = sessionId;
        this.personId = personId;
        this.bureau = bureau;
        this.deadline = deadline;
    }

    public Step step(int index, Action action) {
        return steps.computeIfAbsent(index, i -> new Step(action));
    }

    /** The step's held best frames, {@code keep} of them (created on first use: a restored state holds none). */
    public static HeldFrames held(Step step, int keep) {
        if (step.held == null) {
            step.held = new HeldFrames(keep);
        }
        return step.held;
    }

    /** Frees the held frames' images of every step (the state leaves the working set). */
    public void releaseHeld() {
        for (Step step : steps.values()) {
            if (step.held != null) {
                step.held.clear();
            }
        }
    }

    public void flag(LivenessReason finding) {
        sessionFindings.add(finding);
    }
}
