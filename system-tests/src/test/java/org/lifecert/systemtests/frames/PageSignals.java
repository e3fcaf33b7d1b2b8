package org.lifecert.systemtests.frames;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.lifecert.face.AnalysisOptions;
import org.lifecert.face.FaceEngine;
import org.lifecert.face.FaceEngineConfig;
import org.lifecert.face.FaceObservation;
import org.lifecert.face.FacePoint;
import org.lifecert.face.ImageAnalysis;

/**
 * Measurement tool, not a test: per frame, the signals liveness-service reads (fr_eye, mouth ratio, fr_pose yaw and
 * pitch) beside the landmark-only signals the page computes in the browser to notice an action (capture-gateway's
 * framing.js {@code observe}: eye aspect ratio, the same mouth ratio, nose offset from the eyes for yaw, nose height
 * between eyes and chin for pitch), on each frame scaled to the page's 320x240 JPEG at quality 0.7. The page's
 * thresholds (app.js {@code ActionWatch}) were set from this output, with margin, so that the page ends a step only
 * on what the service will also see.
 *
 * <pre>
 * ./mvnw -o -q -pl system-tests exec:java -Dexec.classpathScope=test \
 *   -Dexec.mainClass=org.lifecert.systemtests.frames.PageSignals -Dexec.args=target/footage/webcam-a > page-signals-a.csv
 * </pre>
 */
public final class PageSignals {

    private PageSignals() {
    }

    public static void main(String[] args) throws Exception {
        List<Path> frames = FootageSignals.framesIn(Path.of(args[0]));
        System.out.println("frame,leftEye,rightEye,ear,mouth,yaw,turnProxy,turnJaw,pitch,pitchProxy");
        try (FaceEngine engine = FaceEngine.load(FaceEngineConfig.defaults())) {
            for (Path f : frames) {
                ImageAnalysis a = engine.analyze(Images.asPage(Files.readAllBytes(f)), AnalysisOptions.defaults());
                String name = f.getFileName().toString().replaceAll("\\D", "");
                if (a.isRejected() || a.faces().isEmpty()) {
                    System.out.println(name + ",,,,,,,,,");
                    continue;
                }
                FaceObservation o = a.largestFace().orElseThrow();
                List<FacePoint> lm = o.landmarks();
                System.out.printf("%s,%.2f,%.2f,%.3f,%.3f,%.1f,%.3f,%.3f,%.1f,%.3f%n", name, o.leftEyeOpen(), o.rightEyeOpen(),
                        (ear(lm, 36) + ear(lm, 42)) / 2, o.mouthOpening(), o.yaw(), turn(lm), turnJaw(lm), o.pitch(), pitch(lm));
            }
        }
    }

    /** Eye aspect ratio of the eye whose six points start at {@code first} (36 or 42). */
    static double ear(List<FacePoint> lm, int first) {
        double vertical = lm.get(first + 1).distanceTo(lm.get(first + 5)) + lm.get(first + 2).distanceTo(lm.get(first + 4));
        return vertical / (2 * lm.get(first).distanceTo(lm.get(first + 3)));
    }

    /** framing.js' turn: nose tip (30) off the midpoint of the outer eye corners (36, 45), in half their distance. */
    static double turn(List<FacePoint> lm) {
        double left = lm.get(36).x();
        double right = lm.get(45).x();
        double half = Math.abs(right - left) / 2;
        return half <= 0 ? 1 : (lm.get(30).x() - (left + right) / 2) / half;
    }

    /** Nose tip (30) off the midpoint of the jaw's ends (0, 16), in half their distance. */
    static double turnJaw(List<FacePoint> lm) {
        double left = lm.get(0).x();
        double right = lm.get(16).x();
        double half = Math.abs(right - left) / 2;
        return half <= 0 ? 1 : (lm.get(30).x() - (left + right) / 2) / half;
    }

    /** Nose tip (30) height between the eye corners' line and the chin (8): larger when the head is lowered. */
    static double pitch(List<FacePoint> lm) {
        double eyes = (lm.get(36).y() + lm.get(45).y()) / 2;
        double span = lm.get(8).y() - eyes;
        return span <= 0 ? 0 : (lm.get(30).y() - eyes) / span;
    }
}
