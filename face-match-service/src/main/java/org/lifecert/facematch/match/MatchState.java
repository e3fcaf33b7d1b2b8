package org.lifecert.facematch.match;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A session's match working state: its best frames so far (quality and embedding), bounded to {@code best} entries.
 * Stored sealed (it holds biometric embeddings) in the session's row after each batch.
 */
public final class MatchState {

    public UUID sessionId;
    public UUID personId;
    public String bureau;
    public Instant deadline;
    public Set<UUID> batchIds = new HashSet<>();
    public int framesSeen;
    public int framesAnalysed;
    public int framesEmbedded;
    public int multiFaceFrames;
    public List<BestFrame> best = new ArrayList<>();

    public record BestFrame(int sequence, double quality, float[] embedding) {
    }

    public MatchState() {
    }

    public MatchState(UUID sessionId, UUID personId, String bureau, Instant deadline) {
        this.sessionId = sessionId;
        this.personId = personId;
        this.bureau = bureau;
        this.deadline = deadline;
    }

    /**
     * True when the session has seen enough: at least {@code maxCandidates} candidates analysed (0 = never enough) and
     * its best {@code limit} frames held.
     */
    public boolean hasEnough(int maxCandidates, int limit) {
        return maxCandidates > 0 && framesAnalysed >= maxCandidates && best.size() >= limit;
    }

    /** True when a frame of this quality would enter the best {@code limit}. */
    public boolean wouldKeep(double quality, int limit) {
        return quality > 0 && (best.size() < limit || quality > best.get(best.size() - 1).quality());
    }

    public void keep(BestFrame frame, int limit) {
        best.add(frame);
        best.sort(Comparator.comparingDouble(BestFrame::quality).reversed());
        while (best.size() > limit) {
            best.remove(best.size() - 1);
        }
    }

    public double meanQuality() {
        return best.stream().mapToDouble(BestFrame::quality).average().orElse(0);
    }
}
