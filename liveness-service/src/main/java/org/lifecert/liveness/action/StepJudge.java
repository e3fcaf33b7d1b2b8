package org.lifecert.liveness.action;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.lifecert.events.Action;
import org.lifecert.liveness.config.LivenessConfig;

/**
 * Judges one challenge step from its frames: enough face frames, one face, usable light, the action seen within the
 * step's time limit, and a live face on the best frames. Plain class: the rules are unit-tested on signal sequences.
 */
public final class StepJudge {

    /** The outcome of one step. {@code reason} is null when passed. */
    public record StepOutcome(Action action, boolean passed, LivenessReason reason, double actionScore,
                              double antiSpoof, int faceFrames) {
    }

    private final LivenessConfig config;

    public StepJudge(LivenessConfig config) {
        this.config = config;
    }

    public ActionDetector detectorFor(Action action) {
        return switch (action) {
            case BLINK -> new BlinkDetector(config.blink().smoothing(), config.blink().closedBelow(),
                    config.blink().openAbove());
            case OPEN_MOUTH -> new MouthOpeningDetector(config.mouth().smoothing(), config.mouth().minRise(),
                    config.mouth().returnFraction());
            case TURN_LEFT -> new HeadTurnDetector(HeadTurnDetector.Side.LEFT, config.turn().minYaw(),
                    config.turn().framesMirrored());
            case TURN_RIGHT -> new HeadTurnDetector(HeadTurnDetector.Side.RIGHT, config.turn().minYaw(),
                    config.turn().framesMirrored());
            case NOD -> new NodDetector(config.nod().minDrop(), config.nod().returnFraction());
        };
    }

    public StepOutcome judge(Action action, List<FrameSignal> frames) {
        List<FrameSignal> withFace = frames.stream().filter(FrameSignal::hasFace)
                .sorted(Comparator.comparingLong(FrameSignal::atMillis)).toList();
        double antiSpoof = bestFramesAntiSpoof(withFace);
        if (withFace.size() < config.frames().minFaceFrames()) {
            return new StepOutcome(action, false, LivenessReason.NO_FACE, 0, antiSpoof, withFace.size());
        }
        long multi = withFace.stream().filter(f -> f.faces() > 1).count();
        if (multi > config.frames().multiFaceFramesTolerated()) {
            return new StepOutcome(action, false, LivenessReason.MULTIPLE_FACES, 0, antiSpoof, withFace.size());
        }
        Optional<LivenessReason> light = lightIssue(withFace);
        Detection detection = detectorFor(action).detect(withFace);
        if (!detection.detected()) {
            return new StepOutcome(action, false, light.orElse(LivenessReason.notDetected(action)),
                    detection.score(), antiSpoof, withFace.size());
        }
        long limit = config.session().stepTimeLimit().toMillis();
        if (detection.completedAt() - withFace.get(0).atMillis() > limit) {
            return new StepOutcome(action, false, LivenessReason.ACTION_TIMEOUT, detection.score(), antiSpoof,
                    withFace.size());
        }
        if (antiSpoof < config.frames().antiSpoofThreshold()) {
            return new StepOutcome(action, false, LivenessReason.SPOOF_SUSPECTED, detection.score(), antiSpoof,
                    withFace.size());
        }
        return new StepOutcome(action, true, null, detection.score(), antiSpoof, withFace.size());
    }

    /**
     * Mean anti-spoof score of the best frames (by quality) of the step among those scored (the worker scores the
     * step's best {@code frames.best-per-step} by quality when the step ends); 0 without a scored face frame.
     */
    public double bestFramesAntiSpoof(List<FrameSignal> withFace) {
        return withFace.stream().filter(f -> !Double.isNaN(f.antiSpoof())).sorted(Comparator.comparingDouble(FrameSignal::quality).reversed())
                .limit(config.frames().bestPerStep()).mapToDouble(FrameSignal::antiSpoof).average().orElse(0);
    }

    private Optional<LivenessReason> lightIssue(List<FrameSignal> withFace) {
        Map<String, Long> issues = withFace.stream().filter(f -> f.qualityIssue() != null)
                .collect(Collectors.groupingBy(FrameSignal::qualityIssue, Collectors.counting()));
        List<LivenessReason> light = new ArrayList<>();
        for (LivenessReason r : List.of(LivenessReason.TOO_DARK, LivenessReason.TOO_BRIGHT)) {
            long n = issues.getOrDefault(r.name(), 0L);
            if (n > 0 && n >= withFace.size() * config.frames().lightFailShare()) {
                light.add(r);
            }
        }
        return light.stream().findFirst();
    }
}
