package org.lifecert.facematch.threshold;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The threshold / false-accept-rate table of the face model, from the face engine's evaluation
 * ({@code match-calibration.csv}: its header says how each figure was obtained). The admin of a bureau sees it
 * beside the threshold they choose.
 */
public final class MatchCalibration {

    /** One row: at {@code threshold}, the estimated false-accept rate and the observed false-reject rate. */
    public record Point(double threshold, double falseAcceptRate, double falseRejectRate) {
    }

    public static final String RESOURCE = "match-calibration.csv";

    private final List<Point> points;

    public MatchCalibration(List<Point> points) {
        this.points = points.stream().sorted(Comparator.comparingDouble(Point::threshold)).toList();
    }

    /** The table shipped with the service. */
    public static MatchCalibration shipped() {
        try (InputStream in = MatchCalibration.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " missing from the classpath");
            }
            return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** CSV lines {@code threshold,falseAcceptRate,falseRejectRate}; '#' comments and the header are skipped. */
    static MatchCalibration parse(List<String> lines) {
        List<Point> points = new ArrayList<>();
        for (String line : lines) {
            String l = line.strip();
            if (l.isEmpty() || l.startsWith("#") || l.startsWith("threshold")) {
                continue;
            }
            String[] f = l.split(",");
            points.add(new Point(Double.parseDouble(f[0]), Double.parseDouble(f[1]), Double.parseDouble(f[2])));
        }
        return new MatchCalibration(points);
    }

    public List<Point> points() {
        return points;
    }

    /**
     * Estimated false-accept rate at {@code threshold}: the rate of the highest table row at or below it (the rate
     * falls as the threshold rises, so this never understates it); the lowest row's rate below the table.
     */
    public double estimatedFalseAcceptRate(double threshold) {
        double rate = points.isEmpty() ? Double.NaN : points.get(0).falseAcceptRate();
        for (Point p : points) {
            if (p.threshold() <= threshold + 1e-9) {
                rate = p.falseAcceptRate();
            }
        }
        return rate;
    }
}
