package org.lifecert.systemtests.frames;

import java.util.List;
import org.lifecert.face.AnalysisOptions;
import org.lifecert.face.FaceEngine;
import org.lifecert.face.FaceEngineConfig;
import org.lifecert.face.FaceObservation;
import org.lifecert.face.ImageAnalysis;

/**
 * Measurement tool, not a test: the signals libs/face-engine reads on the frame sequences
 * {@link ActionFrames} builds (after recapture and, for TURN_RIGHT, mirroring), per action:
 * {@code ./mvnw -o -q -pl system-tests exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=org.lifecert.systemtests.frames.ActionFramesCheck}
 */
public final class ActionFramesCheck {

    private ActionFramesCheck() {
    }

    public static void main(String[] args) {
        try (FaceEngine engine = FaceEngine.load(FaceEngineConfig.defaults())) {
            for (String action : List.of("BLINK", "OPEN_MOUTH", "TURN_LEFT", "TURN_RIGHT", "NOD")) {
                StringBuilder line = new StringBuilder(action).append(':');
                for (ActionFrames.Frame f : ActionFrames.forAction(action, 1)) {
                    ImageAnalysis a = engine.analyze(f.jpeg(), AnalysisOptions.defaults());
                    if (a.faces().isEmpty()) {
                        line.append(" -");
                        continue;
                    }
                    FaceObservation o = a.largestFace().orElseThrow();
                    line.append(switch (action) {
                        case "BLINK" -> String.format(" %.2f", Math.max(o.leftEyeOpen(), o.rightEyeOpen()));
                        case "OPEN_MOUTH" -> String.format(" %.2f", o.mouthOpening());
                        case "NOD" -> String.format(" %.0f", o.pitch());
                        default -> String.format(" %.0f", o.yaw());
                    });
                    line.append(String.format("/%.2f", o.antiSpoofScore()));
                }
                System.out.println(line);
            }
        }
    }
}
