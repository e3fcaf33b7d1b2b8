package org.lifecert.liveness.worker;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.lifecert.liveness.frame.AnalysedFrame;

/**
 * The best frames of a batch by quality among frames with exactly one face, at most {@code keep} of them held open
 * (each holds a decoded image); every other frame is closed as soon as it falls out.
 */
final class BestFrames implements AutoCloseable {

    /** A frame and its position in the step's frame list. */
    record Entry(int index, AnalysedFrame frame) {
    }

    private final int keep;
    private final List<Entry> entries = new ArrayList<>();

    BestFrames(int keep) {
        this.keep = keep;
    }

    /** Keeps the frame when it is among the best so far, else closes it (now or when it is pushed out). */
    void offer(int index, AnalysedFrame frame) {
        if (frame.signal().faces() != 1) {
            frame.close();
            return;
        }
        entries.add(new Entry(index, frame));
        // stable: of equal quality the earlier frame stays ahead
        entries.sort(Comparator.comparingDouble((Entry e) -> e.frame().signal().quality()).reversed());
        while (entries.size() > keep) {
            entries.remove(entries.size() - 1).frame().close();
        }
    }

    /** Best first. */
    List<Entry> picked() {
        return List.copyOf(entries);
    }

    /** The still open frame at {@code index} of the step's frame list, if it is among the picked. */
    java.util.Optional<AnalysedFrame> open(int index) {
        return entries.stream().filter(e -> e.index() == index).map(Entry::frame).findFirst();
    }

    @Override
    public void close() {
        entries.forEach(e -> e.frame().close());
        entries.clear();
    }
}
