package org.lifecert.liveness.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lifecert.events.Action;
import org.lifecert.face.FaceEngine;
import org.lifecert.face.FaceEngineConfig;
import org.lifecert.liveness.FaceFrames;
import org.lifecert.liveness.frame.AnalysedFrame;
import org.lifecert.liveness.frame.FrameAnalyzer;
import org.lifecert.liveness.frame.HeldImage;
import org.lifecert.liveness.frame.HeldImages;
import org.lifecert.liveness.session.HeldFrames;
import org.lifecert.liveness.session.SessionState;

/**
 * A step's held frames are scored on their held images, or decoded again from their JPEG when the budget left them
 * without one, with the same result either way; held images are freed once used or dropped. Real models, a real frame.
 */
class StepScorerTests {

    private static FaceEngine engine;
    private static FrameAnalyzer analyzer;
    private static final String FRONTAL = Base64.getEncoder().encodeToString(FaceFrames.still(FaceFrames.FRONTAL));
    private static final String MOUTH = Base64.getEncoder().encodeToString(FaceFrames.still(FaceFrames.MOUTH_OPEN));

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final StepScorer scorer = new StepScorer(analyzer, registry);

    @BeforeAll
    static void load() {
        engine = FaceEngine.load(FaceEngineConfig.defaults());
        analyzer = new FrameAnalyzer(engine, new SimpleMeterRegistry());
    }

    @AfterAll
    static void close() {
        engine.close();
    }

    /** A step whose first frame is {@code jpeg}, held with the image {@code budget} allows. */
    private static SessionState.Step heldStep(String jpeg, HeldImages budget) {
        SessionState.Step step = new SessionState().step(0, Action.BLINK);
        AnalysedFrame frame = analyzer.analyze(1, Instant.ofEpochMilli(1_000), jpeg, Action.BLINK);
        step.frames.add(frame.signal());
        HeldImage image = budget.retain(frame).orElse(null);
        if (image == null) {
            frame.close(); // its batch is over: only the JPEG stays
        }
        SessionState.held(step, 3).offer(new HeldFrames.Held(0, frame.signal().quality(), 1, 1_000, jpeg, image));
        return step;
    }

    private double count(String image) {
        return registry.counter("lifecert.liveness.best.frames", "image", image).count();
    }

    @Test
    void heldImageAndDecodingAgainScoreTheSame() {
        HeldImages budget = new HeldImages(64L << 20);
        SessionState.Step withImage = heldStep(FRONTAL, budget);
        assertThat(budget.usedBytes()).isPositive();
        SessionState.Step withoutImage = heldStep(FRONTAL, new HeldImages(0));

        scorer.score(withImage, Map.of());
        scorer.score(withoutImage, Map.of());

        assertThat(count("held")).isEqualTo(1);
        assertThat(count("decoded-again")).isEqualTo(1);
        assertThat(withImage.frames.get(0).antiSpoof())
                .isGreaterThan(0.5).isCloseTo(withoutImage.frames.get(0).antiSpoof(), within(1e-6));
        assertThat(withImage.embeddings).hasSize(1);
        assertThat(withImage.embeddings.get(0)).containsExactly(withoutImage.embeddings.get(0), within(1e-6f));
        assertThat(budget.usedBytes()).as("freed once scored").isZero();
        assertThat(withImage.held.isEmpty()).isTrue();
    }

    @Test
    void imagesBeyondTheBudgetAreNotKept() {
        AnalysedFrame first = analyzer.analyze(1, Instant.EPOCH, FRONTAL, Action.BLINK);
        AnalysedFrame second = analyzer.analyze(2, Instant.EPOCH, MOUTH, Action.BLINK);
        HeldImages budget = new HeldImages(first.imageBytes() + second.imageBytes() - 1);
        try (HeldImage image = budget.retain(first).orElseThrow()) {
            assertThat(budget.retain(second)).isEmpty();
            assertThat(second.antiSpoofScore()).as("still the caller's, open").isGreaterThan(0.5);
            assertThat(budget.usedBytes()).isEqualTo(first.imageBytes());
            assertThat(image.use(AnalysedFrame::antiSpoofScore)).hasValueSatisfying(v -> assertThat(v).isGreaterThan(0.5));
        } finally {
            second.close();
        }
        assertThat(budget.usedBytes()).isZero();
        assertThat(first.imageBytes()).as("the image was freed").isZero();
    }

    @Test
    void aFrameThatDropsOutOfTheBestIsFreedAndAClosedImageIsNotUsed() {
        HeldImages budget = new HeldImages(64L << 20);
        AnalysedFrame worse = analyzer.analyze(1, Instant.EPOCH, FRONTAL, Action.BLINK);
        AnalysedFrame better = analyzer.analyze(2, Instant.EPOCH, FRONTAL, Action.BLINK);
        HeldImage worseImage = budget.retain(worse).orElseThrow();
        HeldFrames held = new HeldFrames(1);
        held.offer(new HeldFrames.Held(0, 0.2, 1, 0, FRONTAL, worseImage));
        held.offer(new HeldFrames.Held(1, 0.9, 2, 0, FRONTAL, budget.retain(better).orElseThrow()));

        assertThat(worseImage.use(f -> "used")).as("dropped out: freed").isEmpty();
        assertThat(budget.usedBytes()).isEqualTo(better.imageBytes()).isPositive();
        held.clear(); // as when the session leaves the working set
        assertThat(budget.usedBytes()).isZero();
        worseImage.close(); // a second close changes nothing
        assertThat(budget.usedBytes()).isZero();
    }
}
