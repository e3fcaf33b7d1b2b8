package org.lifecert.liveness.worker;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.lifecert.liveness.frame.AnalysedFrame;
import org.lifecert.liveness.frame.FrameAnalyzer;
import org.lifecert.liveness.session.HeldFrames;
import org.lifecert.liveness.session.SessionState;

/**
 * Scores a finished step's held best frames: anti-spoofing on each (the step judge averages them), the embedding of the
 * best one for identity continuity. A frame is scored on the image the engine still holds: its held image
 * ({@link org.lifecert.liveness.frame.HeldImage}), or the analysis of the batch being applied. A frame held without
 * its image (the held-image budget was spent) is decoded and detected again from its JPEG (about 9 ms, no pose).
 */
final class StepScorer {

    private final FrameAnalyzer analyzer;
    private final Counter reanalysed;
    private final Counter heldImage;
    private final Counter unscored;

    StepScorer(FrameAnalyzer analyzer, MeterRegistry registry) {
        this.analyzer = analyzer;
        this.reanalysed = registry.counter("lifecert.liveness.best.frames", "image", "decoded-again");
        this.heldImage = registry.counter("lifecert.liveness.best.frames", "image", "held");
        this.unscored = registry.counter("lifecert.liveness.steps.unscored");
    }

    /**
     * Scores the step's held frames; {@code open}: the frames of the batch being applied, still holding their images,
     * by index in the step's frame list (empty when none of the step's frames are at hand).
     */
    void score(SessionState.Step step, Map<Integer, AnalysedFrame> open) {
        List<HeldFrames.Held> held = step.held == null ? List.of() : step.held.best();
        if (held.isEmpty()) {
            // no frame with exactly one face since this worker took the session: the step's anti-spoof reads 0
            unscored.increment();
            return;
        }
        for (int i = 0; i < held.size(); i++) {
            HeldFrames.Held h = held.get(i);
            boolean best = i == 0;
            Optional<Boolean> scored = h.image() == null ? Optional.empty()
                    : h.image().use(frame -> apply(step, h, best, frame));
            if (scored.isPresent()) {
                heldImage.increment();
                continue;
            }
            AnalysedFrame atHand = open.get(h.index());
            if (atHand != null) {
                apply(step, h, best, atHand);
                continue;
            }
            reanalysed.increment();
            try (AnalysedFrame frame = analyzer.reanalyze(h.sequence(), h.atMillis(), h.jpegBase64())) {
                apply(step, h, best, frame);
            }
        }
        step.held.clear();
    }

    private static boolean apply(SessionState.Step step, HeldFrames.Held h, boolean best, AnalysedFrame frame) {
        double live = frame.antiSpoofScore();
        if (!Double.isNaN(live)) {
            step.frames.set(h.index(), step.frames.get(h.index()).withAntiSpoof(live));
        }
        if (best) {
            frame.embedding().ifPresent(step.embeddings::add);
        }
        return true;
    }
}
