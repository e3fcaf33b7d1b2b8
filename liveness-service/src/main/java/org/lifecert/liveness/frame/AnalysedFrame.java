package org.lifecert.liveness.frame;

import java.util.Optional;
import org.lifecert.face.FaceTrack;
import org.lifecert.face.RetainedAnalysis;
import org.lifecert.face.StageTimings;
import org.lifecert.liveness.action.FrameSignal;

/**
 * One analysed frame of a batch: its signal, and (while open) the engine's retained image so the worker can score
 * anti-spoofing and take the embedding on the frames it picks without decoding and detecting again. Close it to free
 * the image and record the stage timings.
 */
public final class AnalysedFrame implements AutoCloseable {

    private final FrameSignal signal;
    private final RetainedAnalysis retained;
    private final StageTimings timings;
    private final FrameAnalyzer analyzer;
    private boolean closed;

    AnalysedFrame(FrameSignal signal, RetainedAnalysis retained, StageTimings timings, FrameAnalyzer analyzer) {
        this.signal = signal;
        this.retained = retained;
        this.timings = timings;
        this.analyzer = analyzer;
    }

    static AnalysedFrame undecodable(int sequence, long atMillis) {
        return new AnalysedFrame(FrameSignal.noFace(sequence, atMillis, "IMAGE_UNREADABLE"), null, null, null);
    }

    public FrameSignal signal() {
        return signal;
    }

    /** Where this frame's face is, for following it on the next frames without the detector (one face only). */
    public Optional<FaceTrack> track() {
        return retained == null ? Optional.empty() : retained.track();
    }

    /** The anti-spoof score (probability live) of the largest face; NaN for a frame without one. */
    public double antiSpoofScore() {
        return retained == null ? Double.NaN : retained.antiSpoofScore(0);
    }

    /** The embedding of the largest face, empty for a frame without one. */
    public Optional<float[]> embedding() {
        return retained == null ? Optional.empty() : Optional.of(retained.embedding(0));
    }

    /** Native memory of the decoded image this frame holds (0 without one, or once closed). */
    public long imageBytes() {
        return retained == null ? 0 : retained.imageBytes();
    }

    /** Frees the image and records the stage timings; a second call does nothing. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (retained != null) {
            retained.close();
        }
        if (timings != null && analyzer != null) {
            analyzer.record(timings);
        }
    }
}
