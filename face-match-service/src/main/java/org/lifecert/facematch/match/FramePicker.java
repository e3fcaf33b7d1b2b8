package org.lifecert.facematch.match;

import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import java.util.function.Supplier;
import org.lifecert.events.FrameBatchCaptured;
import org.lifecert.face.AnalysisOptions;
import org.lifecert.face.FaceEngine;
import org.lifecert.face.FaceObservation;
import org.lifecert.face.HeadPose;
import org.lifecert.face.RetainedAnalysis;
import org.lifecert.face.ImageAnalysis;
import org.lifecert.face.StageTimings;
import org.lifecert.facematch.config.FaceMatchConfig;

/**
 * Chooses a batch's frames for matching at a fraction of the cost of analysing all of them (issue 6 throughput):
 * <ol>
 * <li>candidates: every {@code frames.analyse-every}-th frame, analysed cheaply — detection, landmarks, eyes and
 * sharpness, no pose or anti-spoof model (face-match does not judge liveness) — and ranked by
 * {@link FrameSelector#rank} with frontalness taken from the landmarks;</li>
 * <li>the best-ranked candidates that would enter the session's best frames get the pose and embedding models on the
 * face already found (the engine keeps each candidate's decoded image, detection and landmarks until the batch is
 * picked: no second decode and detection), at most {@code frames.embed-per-batch} kept per batch; a frame the pose
 * model finds turned beyond {@code frames.max-angle} is not kept (the next candidate is tried).</li>
 * </ol>
 * A session that has had {@code frames.max-candidates} candidates analysed and holds its best frames looks no further:
 * its later frames are counted only.
 * Each consumer thread analyses with its own engine ({@code ThreadEngines}: much faster embeddings).
 * The decision stays honest: only frontal, single-face, open-eyed frames are embedded and compared.
 */
final class FramePicker {

    private static final AnalysisOptions CANDIDATE = AnalysisOptions.defaults().withPose(false).withAntiSpoof(false);

    private final Supplier<FaceEngine> engine;
    private final FrameSelector selector;
    private final FaceMatchConfig.Frames frames;
    private final Consumer<StageTimings> timings;
    private final LongConsumer engineCpuNanos;

    /** A ranked frame whose image the engine still holds; {@code timings} also receive its later stages. */
    private record Candidate(FrameBatchCaptured.Frame frame, RetainedAnalysis retained, StageTimings timings,
                             double rank) {
    }

    FramePicker(Supplier<FaceEngine> engine, FaceMatchConfig.Frames frames, Consumer<StageTimings> timings,
                LongConsumer engineCpuNanos) {
        this.engine = engine;
        this.selector = new FrameSelector(frames.maxAngle());
        this.frames = frames;
        this.timings = timings;
        this.engineCpuNanos = engineCpuNanos;
    }

    /**
     * Every how many frames a candidate is analysed: {@code analyse-every}, or more for frames closer together than
     * {@code analyse-interval / analyse-every} ({@code medianGapMillis}: the batch's capture pace), at most every 8th.
     */
    static int candidateEvery(int analyseEvery, long medianGapMillis, long intervalMillis) {
        int every = Math.max(1, analyseEvery);
        if (intervalMillis <= 0 || medianGapMillis <= 0) {
            return every;
        }
        return (int) Math.max(every, Math.min(8, intervalMillis / medianGapMillis));
    }

    /** Considers the batch's frames (in sequence order, {@code medianGapMillis} apart) and keeps the good ones. */
    void pick(MatchState state, List<FrameBatchCaptured.Frame> ordered, long medianGapMillis) {
        int every = candidateEvery(frames.analyseEvery(), medianGapMillis, frames.analyseInterval().toMillis());
        List<Candidate> candidates = new ArrayList<>();
        try {
            for (int i = 0; i < ordered.size(); i++) {
                state.framesSeen++;
                if (i % every == 0 && !state.hasEnough(frames.maxCandidates(), frames.best())) {
                    candidate(state, ordered.get(i)).ifPresent(candidates::add);
                }
            }
            candidates.sort(Comparator.comparingDouble(Candidate::rank).reversed());
            int kept = 0;
            int attempts = 0;
            for (Candidate c : candidates) {
                if (kept >= frames.embedPerBatch() || attempts >= 2 * frames.embedPerBatch()
                        || !state.wouldKeep(c.rank(), frames.best())) {
                    break;
                }
                attempts++;
                if (embed(state, c)) {
                    kept++;
                }
            }
        } finally {
            for (Candidate c : candidates) {
                c.retained().close();
                timings.accept(c.timings());
            }
        }
    }

    private java.util.Optional<Candidate> candidate(MatchState state, FrameBatchCaptured.Frame frame) {
        byte[] image;
        try {
            image = Base64.getDecoder().decode(frame.jpegBase64() == null ? "" : frame.jpegBase64());
        } catch (IllegalArgumentException e) {
            return java.util.Optional.empty();
        }
        state.framesAnalysed++;
        StageTimings t = new StageTimings();
        long cpu = CpuTime.thread();
        RetainedAnalysis retained = engine.get().analyzeRetained(image, CANDIDATE.withTimings(t));
        engineCpuNanos.accept(CpuTime.thread() - cpu);
        ImageAnalysis analysis = retained.analysis();
        double rank = 0;
        if (!analysis.isRejected()) {
            if (analysis.faces().size() > 1) {
                state.multiFaceFrames++;
            }
            FaceObservation face = analysis.faces().get(0);
            rank = selector.rank(analysis.faces().size(), FrameSelector.landmarkFrontalness(face.landmarks()),
                    Math.max(face.leftEyeOpen(), face.rightEyeOpen()), face.quality().faceSize(),
                    face.quality().sharpness());
        }
        if (rank > 0) {
            return java.util.Optional.of(new Candidate(frame, retained, t, rank));
        }
        retained.close();
        timings.accept(t);
        return java.util.Optional.empty();
    }

    /** Pose and embedding of the candidate's face (decoded and detected already); keeps the frame when it is usable. */
    private boolean embed(MatchState state, Candidate c) {
        long cpu = CpuTime.thread();
        try {
            FaceObservation face = c.retained().analysis().faces().get(0);
            HeadPose pose = c.retained().headPose(0);
            FrameCandidate full = new FrameCandidate(c.frame().sequence(), c.retained().analysis().faces().size(),
                    pose.yaw(), pose.pitch(), Math.max(face.leftEyeOpen(), face.rightEyeOpen()),
                    face.quality().faceSize(), face.quality().sharpness());
            double quality = selector.score(full);
            if (quality <= 0) {
                return false;
            }
            float[] embedding = c.retained().embedding(0);
            state.framesEmbedded++;
            state.keep(new MatchState.BestFrame(c.frame().sequence(), quality, embedding), frames.best());
            return true;
        } finally {
            engineCpuNanos.accept(CpuTime.thread() - cpu);
        }
    }
}
