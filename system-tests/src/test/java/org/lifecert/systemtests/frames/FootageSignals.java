package org.lifecert.systemtests.frames;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.lifecert.face.AnalysisOptions;
import org.lifecert.face.FaceEngine;
import org.lifecert.face.FaceEngineConfig;
import org.lifecert.face.FaceObservation;
import org.lifecert.face.ImageAnalysis;

/**
 * Measurement tool, not a test: prints per-frame signals (eyes, mouth, yaw, pitch, anti-spoof) of
 * extracted video frames, through libs/face-engine exactly as liveness-service reads them. The
 * segments in {@link Footage} were chosen from its output:
 *
 * <pre>
 * ffmpeg -i ../shared/data/faces/video/webcam-a.mp4 -q:v 2 /tmp/a/f%04d.jpg
 * ./mvnw -o -q -pl system-tests exec:java -Dexec.classpathScope=test \
 *   -Dexec.mainClass=org.lifecert.systemtests.frames.FootageSignals -Dexec.args=/tmp/a > signals-a.csv
 * </pre>
 */
public final class FootageSignals {

    private FootageSignals() {
    }

    /** The extracted frames (f0001.jpg ...) of a directory, in order. */
    static List<Path> framesIn(Path dir) throws java.io.IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(".jpg")).sorted().toList();
        }
    }

    public static void main(String[] args) throws Exception {
        List<Path> frames = framesIn(Path.of(args[0]));
        System.out.println("frame,faces,leftEye,rightEye,mouth,yaw,pitch,live");
        try (FaceEngine engine = FaceEngine.load(FaceEngineConfig.defaults())) {
            for (Path f : frames) {
                ImageAnalysis a = engine.analyze(Files.readAllBytes(f), AnalysisOptions.defaults());
                String name = f.getFileName().toString().replaceAll("\\D", "");
                if (a.isRejected() || a.faces().isEmpty()) {
                    System.out.println(name + ",0,,,,,,");
                    continue;
                }
                FaceObservation o = a.largestFace().orElseThrow();
                System.out.printf("%s,%d,%.2f,%.2f,%.3f,%.1f,%.1f,%.2f%n", name, a.faces().size(), o.leftEyeOpen(),
                        o.rightEyeOpen(), o.mouthOpening(), o.yaw(), o.pitch(), o.antiSpoofScore());
            }
        }
    }
}
