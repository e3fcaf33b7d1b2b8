package org.lifecert.testing.frames;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.lifecert.events.Action;
import org.lifecert.events.Envelope;
import org.lifecert.events.FrameBatchCaptured;

/**
 * Builds the frame batches of one certification session the way capture-gateway sends them: one batch per step,
 * frames 40 ms apart (25 fps) starting 20 s before now, sequences increasing across the session, deadline one minute
 * from now. Each frame's bytes are made unique to the session (see {@link FrameBytes#unique}).
 */
public final class SessionScript {

    public final UUID sessionId = UUID.randomUUID();
    public final UUID personId;
    public final String bureau = "bureau-a";
    public Instant deadline = Instant.now().plusSeconds(60);
    private final List<Step> steps = new ArrayList<>();
    private long clock = Instant.now().minusSeconds(20).toEpochMilli();
    private int sequence = 0;
    private boolean uniqueBytes = true;

    private record Step(Action action, List<byte[]> images) {
    }

    public SessionScript() {
        this(UUID.randomUUID());
    }

    public SessionScript(UUID personId) {
        this.personId = personId;
    }

    public SessionScript step(Action action, byte[]... images) {
        steps.add(new Step(action, List.of(images)));
        return this;
    }

    /** Keeps the images' bytes as given (a replay of another session's frames). */
    public SessionScript sameBytes() {
        uniqueBytes = false;
        return this;
    }

    /** One batch per step, the last flagged as the session's last. */
    public List<Envelope<FrameBatchCaptured>> batches() {
        return batches(Integer.MAX_VALUE);
    }

    /**
     * Each step in batches of at most {@code framesPerBatch} frames (as the browser sends a step of several seconds),
     * the step's last batch flagged as such, the session's last as the session's last.
     */
    public List<Envelope<FrameBatchCaptured>> batches(int framesPerBatch) {
        List<Envelope<FrameBatchCaptured>> out = new ArrayList<>();
        for (int s = 0; s < steps.size(); s++) {
            Step step = steps.get(s);
            List<FrameBatchCaptured.Frame> frames = new ArrayList<>();
            for (byte[] image : step.images()) {
                byte[] bytes = uniqueBytes ? FrameBytes.unique(image, sessionId + "/" + sequence) : image;
                frames.add(new FrameBatchCaptured.Frame(sequence++, Instant.ofEpochMilli(clock),
                        Base64.getEncoder().encodeToString(bytes)));
                clock += 40;
            }
            clock += 500;
            int from = 0;
            do {
                int count = Math.min(Math.max(1, framesPerBatch), frames.size() - from);
                boolean lastOfStep = from + count >= frames.size();
                FrameBatchCaptured batch = new FrameBatchCaptured(sessionId, personId, UUID.randomUUID(), s,
                        step.action(), "nonce-" + sessionId, List.copyOf(frames.subList(from, from + count)),
                        lastOfStep, lastOfStep && s == steps.size() - 1, null, deadline);
                out.add(Envelope.of("capture-gateway", personId.toString(), bureau, batch));
                from += count;
            } while (from < frames.size());
        }
        return out;
    }
}
