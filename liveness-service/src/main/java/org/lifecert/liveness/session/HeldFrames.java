package org.lifecert.liveness.session;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.lifecert.liveness.frame.HeldImage;

/**
 * A step's best frames so far across its batches, by quality, kept in memory only (not in the persisted state), each
 * with its JPEG and, within the instance's budget, its decoded image and face ({@link HeldImage}): anti-spoofing and
 * the continuity embedding run once per step, on these, when the step's last batch arrives, instead of on every
 * batch's best frames. A worker that restarts mid-step, or whose cached state was evicted, holds only the frames of
 * the batches it saw since; at worst the last batch's best frames stand in. Frames that drop out, and all of them when
 * cleared, have their images freed.
 */
public final class HeldFrames {

    /**
     * One held frame: where its signal sits in the step's frame list, its quality, its JPEG (base64) and its decoded
     * image, or null when the budget was spent (the frame is decoded again from the JPEG when scored).
     */
    public record Held(int index, double quality, int sequence, long atMillis, String jpegBase64, HeldImage image) {

        public Held(int index, double quality, int sequence, long atMillis, String jpegBase64) {
            this(index, quality, sequence, atMillis, jpegBase64, null);
        }

        void free() {
            if (image != null) {
                image.close();
            }
        }
    }

    private final int keep;
    private final List<Held> frames = new ArrayList<>();

    public HeldFrames(int keep) {
        this.keep = Math.max(1, keep);
    }

    /**
     * Keeps the frame when it is among the {@code keep} best so far (of equal quality the earlier stays ahead); the
     * frame that drops out, this one or an earlier one, has its image freed.
     */
    public synchronized void offer(Held frame) {
        frames.add(frame);
        frames.sort(Comparator.comparingDouble(Held::quality).reversed());
        while (frames.size() > keep) {
            frames.remove(frames.size() - 1).free();
        }
    }

    /** Best first. */
    public synchronized List<Held> best() {
        return List.copyOf(frames);
    }

    public synchronized boolean isEmpty() {
        return frames.isEmpty();
    }

    /** Drops every frame and frees their images (the step was scored, or the session left the working set). */
    public synchronized void clear() {
        frames.forEach(Held::free);
        frames.clear();
    }
}
