package org.lifecert.liveness.session;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A step's best frames so far across its batches, by quality, with their JPEG kept in memory only (not in the
 * persisted state): anti-spoofing and the continuity embedding run once per step, on these, when the step's last
 * batch arrives, instead of on every batch's best frames. A worker that restarts mid-step, or whose cached state
 * was evicted, holds only the frames of the batches it saw since; at worst the last batch's best frames stand in.
 */
public final class HeldFrames {

    /** One held frame: where its signal sits in the step's frame list, its quality and its JPEG (base64). */
    public record Held(int index, double quality, int sequence, long atMillis, String jpegBase64) {
    }

    private final int keep;
    private final List<Held> frames = new ArrayList<>();

    public HeldFrames(int keep) {
        this.keep = Math.max(1, keep);
    }

    /** Keeps the frame when it is among the {@code keep} best so far (of equal quality the earlier stays ahead). */
    public void offer(Held frame) {
        frames.add(frame);
        frames.sort(Comparator.comparingDouble(Held::quality).reversed());
        while (frames.size() > keep) {
            frames.remove(frames.size() - 1);
        }
    }

    /** Best first. */
    public List<Held> best() {
        return List.copyOf(frames);
    }

    public boolean isEmpty() {
        return frames.isEmpty();
    }

    public void clear() {
        frames.clear();
    }
}
