package org.lifecert.face.cli;

import org.lifecert.face.AnalysisOptions;
import org.lifecert.face.FaceEngine;
import org.lifecert.face.FaceEngineConfig;
import org.lifecert.face.ImageAnalysis;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * {@code liveness}: passive anti-spoofing error rates (ISO/IEC 30107-3). APCER = share of attack presentations
 * accepted as live; BPCER = share of live presentations rejected (including those where no face was found).
 */
final class LivenessCommand {
    private LivenessCommand() {
    }

    static int run(CliArgs args) throws IOException {
        FaceEngineConfig config = FaceEngineConfig.defaults();
        double threshold = args.get("threshold").map(Double::parseDouble).orElse(config.antiSpoofThreshold());
        List<Path> live = images(Path.of(args.require("live")));
        List<Path> spoof = images(Path.of(args.require("spoof")));
        List<Double> liveScores = new ArrayList<>(), spoofScores = new ArrayList<>();
        int liveNoFace = 0, spoofNoFace = 0;
        try (FaceEngine engine = FaceEngine.load(config)) {
            for (Path p : live) {
                Double s = score(engine, p);
                if (s == null) {
                    liveNoFace++;
                } else {
                    liveScores.add(s);
                }
            }
            for (Path p : spoof) {
                Double s = score(engine, p);
                if (s == null) {
                    spoofNoFace++;
                } else {
                    spoofScores.add(s);
                }
            }
        }
        long attacksAccepted = spoofScores.stream().filter(s -> s >= threshold).count();
        long liveRejected = liveScores.stream().filter(s -> s < threshold).count() + liveNoFace;
        System.out.println(new Json()
                .put("command", "liveness")
                .put("live", live.size())
                .put("spoof", spoof.size())
                .put("threshold", threshold)
                .put("apcer", spoof.isEmpty() ? Double.NaN : (double) attacksAccepted / spoof.size())
                .put("bpcer", live.isEmpty() ? Double.NaN : (double) liveRejected / live.size())
                .put("liveNoFace", liveNoFace)
                .put("spoofNoFace", spoofNoFace)
                .put("liveScores", liveScores)
                .put("spoofScores", spoofScores));
        return 0;
    }

    private static Double score(FaceEngine engine, Path p) throws IOException {
        ImageAnalysis a = engine.analyze(Files.readAllBytes(p), AnalysisOptions.defaults());
        if (a.isRejected()) {
            System.err.println("no face: " + p + " " + a.rejection().get());
            return null;
        }
        double s = a.faces().get(0).antiSpoofScore();
        System.err.println(String.format(Locale.ROOT, "%s %.4f", p, s));
        return s;
    }

    static List<Path> images(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile)
                    .filter(p -> p.toString().toLowerCase(Locale.ROOT).matches(".*\\.(jpe?g|png)$"))
                    .sorted().toList();
        }
    }
}
