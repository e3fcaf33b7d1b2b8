package org.lifecert.face.cli;

import org.lifecert.face.AnalysisOptions;
import org.lifecert.face.FaceEngine;
import org.lifecert.face.FaceEngineConfig;
import org.lifecert.face.ImageAnalysis;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** {@code verify}: 1:1 verification accuracy on a pairs file. */
final class VerifyCommand {
    private VerifyCommand() {
    }

    record Pair(String a, String b, boolean same) {
    }

    static int run(CliArgs args) throws IOException {
        Path pairsFile = Path.of(args.require("pairs"));
        Path root = args.get("root").map(Path::of).orElse(pairsFile.toAbsolutePath().getParent());
        List<Pair> pairs = readPairs(pairsFile);
        FaceEngineConfig config = FaceEngineConfig.defaults();
        double configured = args.get("threshold").map(Double::parseDouble).orElse(config.matchThreshold());
        Map<String, Optional<float[]>> embeddings = new HashMap<>();
        List<Double> genuine = new ArrayList<>(), impostor = new ArrayList<>();
        int failures = 0;
        List<String> rows = new ArrayList<>();
        try (FaceEngine engine = FaceEngine.load(config)) {
            for (Pair p : pairs) {
                Optional<float[]> ea = embeddings.computeIfAbsent(p.a(), f -> embed(engine, root.resolve(f)));
                Optional<float[]> eb = embeddings.computeIfAbsent(p.b(), f -> embed(engine, root.resolve(f)));
                double score;
                if (ea.isPresent() && eb.isPresent()) {
                    score = engine.similarity(ea.get(), eb.get());
                } else {
                    failures++;
                    score = Double.NEGATIVE_INFINITY;
                }
                (p.same() ? genuine : impostor).add(score);
                rows.add(String.format(Locale.ROOT, "%s,%s,%d,%s", p.a(), p.b(), p.same() ? 1 : 0,
                        Double.isInfinite(score) ? "" : String.format(Locale.ROOT, "%.6f", score)));
            }
        }
        long undetectedImages = embeddings.values().stream().filter(Optional::isEmpty).count();
        if (args.get("scores-csv").isPresent()) {
            try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(Path.of(args.require("scores-csv"))))) {
                w.println("path_a,path_b,same,score");
                rows.forEach(w::println);
            }
        }
        VerifyMetrics m = VerifyMetrics.of(genuine, impostor);
        System.out.println(new Json()
                .put("command", "verify")
                .put("model", FaceEngine.MODEL_VERSION)
                .put("pairs", pairs.size())
                .put("genuine", genuine.size())
                .put("impostor", impostor.size())
                .put("failuresToDetect", failures)
                .put("imagesWithoutFace", undetectedImages)
                .put("accuracy", m.bestAccuracy())
                .put("accuracyThreshold", m.bestThreshold())
                .put("tarAtFar1pct", m.tarAtFar1())
                .put("thresholdAtFar1pct", m.thresholdAtFar1())
                .put("tarAtFar0_1pct", m.tarAtFar01())
                .put("thresholdAtFar0_1pct", m.thresholdAtFar01())
                .put("rocAuc", m.rocAuc())
                .put("configuredThreshold", configured)
                .put("accuracyAtConfiguredThreshold", VerifyMetrics.accuracy(genuine, impostor, configured)));
        return 0;
    }

    private static Optional<float[]> embed(FaceEngine engine, Path file) {
        try {
            ImageAnalysis a = engine.analyze(Files.readAllBytes(file), AnalysisOptions.defaults().withEmbedding(true));
            if (a.isRejected()) {
                System.err.println("no face: " + file + " " + a.rejection().get());
                return Optional.empty();
            }
            return a.faces().get(0).embedding();
        } catch (IOException e) {
            System.err.println("cannot read " + file + ": " + e.getMessage());
            return Optional.empty();
        }
    }

    static List<Pair> readPairs(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        if (lines.isEmpty()) {
            throw new IllegalArgumentException(file + " is empty");
        }
        String header = lines.get(0).trim().toLowerCase(Locale.ROOT);
        boolean decisionFormat = header.contains("decision");
        if (!header.contains("path_a") && !decisionFormat) {
            throw new IllegalArgumentException("unknown pairs header: " + lines.get(0));
        }
        List<Pair> pairs = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.split(",");
            String label = f[2].trim();
            boolean same = decisionFormat ? label.equalsIgnoreCase("yes") : label.equals("1");
            pairs.add(new Pair(f[0].trim(), f[1].trim(), same));
        }
        return pairs;
    }
}
