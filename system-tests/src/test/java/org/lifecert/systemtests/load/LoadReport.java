package org.lifecert.systemtests.load;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.imageio.ImageIO;

/**
 * What a load run wrote: per-session CSV, a timeline CSV per 10-second window (sessions completed,
 * p50/p95/p99 last batch to result, errors, CPU % and RSS per service, lag per consumer group), a
 * PNG chart drawn with java.awt (headless) and a Markdown summary.
 */
final class LoadReport {

    static final int WINDOW_SECONDS = 10;

    record Window(int index, List<SessionRow> completed, ResourceSampler.Sample sample, Map<String, Long> maxLag) {
        long errors() {
            return completed.stream().filter(SessionRow::failedWithError).count();
        }

        List<Long> latencies() {
            return completed.stream().filter(SessionRow::decided).map(SessionRow::verdictMillis).sorted().toList();
        }
    }

    private final List<SessionRow> rows;
    private final List<ResourceSampler.Sample> samples;
    private final Instant begin;
    private final double elapsed;
    /** Seconds before the measured window, and its length: the targets are judged on sessions decided inside it. */
    private final int warmup;
    private final int measured;
    private final List<Window> windows = new ArrayList<>();

    LoadReport(List<SessionRow> rows, List<ResourceSampler.Sample> samples, Instant begin, double elapsed, int warmup,
            int measured) {
        this.rows = rows.stream().sorted(Comparator.comparing(SessionRow::start)).toList();
        this.samples = samples;
        this.begin = begin;
        this.elapsed = elapsed;
        this.warmup = warmup;
        this.measured = measured;
        int n = Math.max(1, (int) Math.ceil(elapsed / WINDOW_SECONDS));
        for (int i = 0; i < n; i++) {
            int w = i;
            List<SessionRow> done = this.rows.stream().filter(r -> windowOf(r.end()) == w).toList();
            List<ResourceSampler.Sample> in = samples.stream().filter(s -> windowOf(s.at()) == w).toList();
            Map<String, Long> lag = new TreeMap<>();
            in.forEach(s -> s.lag().forEach((g, v) -> lag.merge(g, v, Math::max)));
            windows.add(new Window(i, done, in.isEmpty() ? null : in.get(in.size() - 1), lag));
        }
    }

    private int windowOf(Instant t) {
        return (int) Math.min(Math.max(0, Duration.between(begin, t).toMillis() / (WINDOW_SECONDS * 1000L)),
                Math.max(1, (int) Math.ceil(elapsed / WINDOW_SECONDS)) - 1);
    }

    void writeSessions(Path file) throws IOException {
        StringBuilder csv = new StringBuilder(
                "start_s,end_s,person_id,session_id,actions,outcome,upload_ms,last_batch_to_result_ms,error\n");
        for (SessionRow r : rows) {
            csv.append(String.format("%.1f,%.1f,%s,%s,%s,%s,%d,%d,%s%n", seconds(r.start()), seconds(r.end()), r.personId(),
                    r.sessionId(), r.actions(), r.outcome(), r.uploadMillis(), r.verdictMillis(), r.error()));
        }
        Files.writeString(file, csv, StandardCharsets.UTF_8);
    }

    void writeTimeline(Path file) throws IOException {
        TreeSet<String> groups = new TreeSet<>();
        samples.forEach(s -> groups.addAll(s.lag().keySet()));
        StringBuilder csv = new StringBuilder("t_s,sessions_completed,sessions_per_s,p50_ms,p95_ms,p99_ms,errors");
        for (String s : ResourceSampler.PROCESSES) {
            csv.append(',').append(s).append("_cpu_pct,").append(s).append("_rss_mb");
        }
        groups.forEach(g -> csv.append(",lag_").append(g));
        csv.append('\n');
        for (Window w : windows) {
            List<Long> lat = w.latencies();
            csv.append(String.format("%d,%d,%.2f,%s,%s,%s,%d", (w.index() + 1) * WINDOW_SECONDS, w.completed().size(),
                    w.completed().size() / (double) WINDOW_SECONDS, pct(lat, 50), pct(lat, 95), pct(lat, 99), w.errors()));
            for (String svc : ResourceSampler.PROCESSES) {
                csv.append(w.sample() == null ? ",," : String.format(",%.0f,%d",
                        w.sample().cpuPercent().getOrDefault(svc, -1.0), w.sample().rssMb().getOrDefault(svc, -1L)));
            }
            for (String g : groups) {
                csv.append(',').append(w.maxLag().containsKey(g) ? String.valueOf(w.maxLag().get(g)) : "");
            }
            csv.append('\n');
        }
        Files.writeString(file, csv, StandardCharsets.UTF_8);
    }

    String summary(String title, int recipients, int ramp, String decisionCheck, String load) {
        List<SessionRow> decided = rows.stream().filter(SessionRow::decided).toList();
        long certified = rows.stream().filter(r -> r.outcome().equals("CERTIFIED")).count();
        long errors = rows.stream().filter(SessionRow::failedWithError).count();
        List<Long> lat = decided.stream().map(SessionRow::verdictMillis).sorted().toList();
        StringBuilder s = new StringBuilder("# Load run ").append(title).append("\n\n");
        s.append(String.format("%d simulated recipients (arriving over the first %d s) for %d s of warm-up and %d s measured "
                + "(ran %.0f s) through the gateway API with real frames (the webcam person), every service on this 2-core "
                + "machine. Load average at the start: %s.%n%n", recipients, ramp, warmup, measured, elapsed, load));
        s.append("| figure | value | target |\n| --- | --- | --- |\n");
        s.append(String.format("| sessions | %d (certified %d, other outcomes %d, errors %d) | |%n", rows.size(), certified,
                rows.size() - certified - errors, errors));
        if (warmup > 0) {
            Instant from = begin.plusSeconds(warmup);
            Instant to = from.plusSeconds(measured);
            List<SessionRow> inWindow = decided.stream().filter(r -> !r.end().isBefore(from) && r.end().isBefore(to)).toList();
            List<Long> wlat = inWindow.stream().map(SessionRow::verdictMillis).sorted().toList();
            s.append(String.format("| **measured window** (%d s after the %d s warm-up): sessions decided, sessions/s | %d, "
                    + "**%.3f** | >= 2 |%n", measured, warmup, inWindow.size(), inWindow.size() / (double) measured));
            s.append(String.format("| **measured window**: last batch -> result p50 / p95 / p99 | %s / **%s** / %s ms | "
                    + "p95 <= 1500 ms |%n", pct(wlat, 50), pct(wlat, 95), pct(wlat, 99)));
        }
        s.append(String.format("| sessions/s decided (whole run%s) | %.3f | >= 2 |%n", warmup > 0 ? ", warm-up included" : "",
                decided.size() / elapsed));
        double steady = windows.stream().skip(1).mapToInt(w -> w.completed().size()).average().orElse(0) / WINDOW_SECONDS;
        s.append(String.format("| sessions/s, mean of the 10 s windows after the first | %.3f | >= 2 |%n", steady));
        s.append(String.format("| last batch -> result p50 / p95 / p99 (whole run) | %s / %s / %s ms | p95 <= 1500 ms |%n",
                pct(lat, 50), pct(lat, 95), pct(lat, 99)));
        s.append(String.format("| error rate | %.1f %% | |%n", rows.isEmpty() ? 0 : 100.0 * errors / rows.size()));
        s.append("| decisions on lifecert.certification.v1 | ").append(decisionCheck).append(" | 0 lost, 0 duplicated |\n");
        for (String svc : ResourceSampler.PROCESSES) {
            double cpu = samples.stream().mapToDouble(x -> x.cpuPercent().getOrDefault(svc, 0.0)).average().orElse(0);
            List<Long> rss = samples.stream().map(x -> x.rssMb().getOrDefault(svc, -1L)).filter(v -> v >= 0).toList();
            if (rss.isEmpty()) {
                continue;
            }
            List<Long> secondHalf = rss.subList(rss.size() / 2, rss.size());
            s.append(String.format("| %s CPU avg / RSS first, max, last (max of 2nd half) | %.0f %% / %d, %d, %d (%d) MB | flat |%n",
                    svc, cpu, rss.get(0), rss.stream().mapToLong(Long::longValue).max().orElse(-1), rss.get(rss.size() - 1),
                    secondHalf.stream().mapToLong(Long::longValue).max().orElse(-1)));
        }
        Map<String, Long> maxLag = new TreeMap<>();
        samples.forEach(x -> x.lag().forEach((g, v) -> maxLag.merge(g, v, Math::max)));
        s.append("| max consumer lag per group (records) | ").append(maxLag).append(" | |\n");
        return s.toString();
    }

    /** Sessions completed per 10 s (bars, left axis) and p50 / p95 last batch to result per window (lines, right axis). */
    void chart(Path file, String title) throws IOException {
        int w = 1000;
        int h = 460;
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, w, h);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        int left = 70;
        int right = w - 80;
        int top = 50;
        int bottom = h - 50;
        double maxRate = 0.5;
        long maxLat = 1500;
        for (Window win : windows) {
            maxRate = Math.max(maxRate, win.completed().size() / (double) WINDOW_SECONDS);
            for (long l : win.latencies()) {
                maxLat = Math.max(maxLat, l);
            }
        }
        double barW = (right - left) / (double) windows.size();
        g.setColor(new Color(150, 190, 230));
        for (Window win : windows) {
            int bh = (int) ((bottom - top) * (win.completed().size() / (double) WINDOW_SECONDS) / maxRate);
            g.fillRect((int) (left + win.index() * barW) + 1, bottom - bh, Math.max(1, (int) barW - 2), bh);
        }
        line(g, 50, new Color(40, 140, 60), left, bottom, top, barW, maxLat);
        line(g, 95, new Color(200, 60, 40), left, bottom, top, barW, maxLat);
        g.setColor(new Color(200, 60, 40, 120));
        int target = (int) (bottom - (bottom - top) * 1500.0 / maxLat);
        g.setStroke(new BasicStroke(1, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1, new float[] {6, 4}, 0));
        g.drawLine(left, target, right, target);
        g.setColor(new Color(60, 110, 170, 160));
        int rateTarget = (int) (bottom - (bottom - top) * 2.0 / maxRate);
        if (rateTarget >= top) {
            g.drawLine(left, rateTarget, right, rateTarget);
        }
        if (warmup > 0) {
            g.setColor(Color.GRAY);
            int x = (int) (left + warmup / (double) WINDOW_SECONDS * barW);
            g.drawLine(x, top, x, bottom);
            g.drawString("end of warm-up", x + 4, top + 14);
        }
        g.setStroke(new BasicStroke(1));
        g.setColor(Color.BLACK);
        g.drawLine(left, bottom, right, bottom);
        g.drawLine(left, top, left, bottom);
        g.drawLine(right, top, right, bottom);
        g.drawString("Load run " + title + ": sessions decided per second in each 10 s window (bars, left axis); "
                + "last batch -> result p50 (green) and p95 (red), right axis", 10, 20);
        g.drawString("dashed: targets (2 sessions/s blue if in range, p95 1.5 s red)", 10, 36);
        g.drawString(String.format("%.2f/s", maxRate), 10, top + 5);
        g.drawString("0", left - 15, bottom);
        g.drawString(String.format("%.1f s", maxLat / 1000.0), right + 5, top + 5);
        g.drawString("0 s", left - 10, bottom + 18);
        g.drawString(String.format("%.0f s", elapsed), right - 20, bottom + 18);
        g.dispose();
        ImageIO.write(img, "png", file.toFile());
    }

    private void line(Graphics2D g, int p, Color color, int left, int bottom, int top, double barW, long maxLat) {
        g.setColor(color);
        g.setStroke(new BasicStroke(2));
        int px = -1;
        int py = -1;
        for (Window win : windows) {
            String v = pct(win.latencies(), p);
            if (v.isEmpty()) {
                continue;
            }
            int x = (int) (left + (win.index() + 0.5) * barW);
            int y = (int) (bottom - (bottom - top) * Long.parseLong(v) / (double) maxLat);
            if (px >= 0) {
                g.drawLine(px, py, x, y);
            }
            g.fillOval(x - 2, y - 2, 5, 5);
            px = x;
            py = y;
        }
    }

    private double seconds(Instant t) {
        return t == null ? -1 : Duration.between(begin, t).toMillis() / 1000.0;
    }

    static String pct(List<Long> sorted, int p) {
        if (sorted.isEmpty()) {
            return "";
        }
        return String.valueOf(sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1)));
    }
}
