package org.lifecert.systemtests.load;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.BasicStroke;
import java.awt.Color;
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
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.lifecert.systemtests.clients.Attempts;
import org.lifecert.systemtests.clients.Certification;
import org.lifecert.systemtests.clients.Enrollment;
import org.lifecert.systemtests.clients.Gateway;
import org.lifecert.systemtests.clients.TestPerson;
import org.lifecert.systemtests.frames.ActionFrames;
import org.lifecert.systemtests.stack.Api;
import org.lifecert.systemtests.stack.Require;
import org.lifecert.systemtests.stack.SystemStack;

/**
 * Load generator (a main, not a test): N simulated recipients certify through the gateway API with
 * real frames (the webcam person, {@link ActionFrames}) for a fixed time, on a stack it starts
 * itself (deploy/local, as the system tests do). Each recipient is a prepared person (roster import
 * + reference photos) who certifies once, so the pool is prepared up front.
 *
 * <pre>
 * ./mvnw -B -o -q -pl system-tests test-compile exec:java -Dexec.classpathScope=test \
 *   -Dexec.mainClass=org.lifecert.systemtests.load.LoadGenerator \
 *   -Dexec.args="--recipients 2 --seconds 120 --pool 40 --out docs/benchmarks"
 * </pre>
 *
 * Writes (relative to the checkout) {@code <out>/load-<stamp>-sessions.csv} (one row per session:
 * start, person, actions, outcome, upload ms, last batch to decided result ms, error),
 * {@code -resources.csv} (every 5 s: CPU % and RSS per service, consumer lag per group),
 * {@code -chart.png} (throughput and latency over time) and {@code -summary.md}.
 */
public final class LoadGenerator {

    record Row(Instant start, UUID personId, String actions, String outcome, long uploadMillis, long verdictMillis,
            String error) {
    }

    record Sample(Instant at, Map<String, Double> cpuPercent, Map<String, Long> rssMb, Map<String, Long> lag) {
    }

    private LoadGenerator() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> a = parse(args);
        int recipients = Integer.parseInt(a.getOrDefault("recipients", "2"));
        int seconds = Integer.parseInt(a.getOrDefault("seconds", "120"));
        int pool = Integer.parseInt(a.getOrDefault("pool", String.valueOf(recipients * 20)));
        Path root = SystemStack.checkoutRoot();
        Path out = root.resolve(a.getOrDefault("out", "docs/benchmarks"));
        Files.createDirectories(out);
        Require.services("enrollment-service", "capture-gateway", "liveness-service", "face-match-service", "appeal-service");

        System.out.printf("preparing %d recipients ...%n", pool);
        long prepStart = System.nanoTime();
        ConcurrentLinkedQueue<TestPerson> ready = new ConcurrentLinkedQueue<>();
        ExecutorService prep = Executors.newFixedThreadPool(2);
        for (int i = 0; i < pool; i++) {
            prep.submit(() -> {
                TestPerson p = TestPerson.random();
                try {
                    UUID id = Enrollment.importExisting(p, Attempts.webcamPersonReferencePhotos(), "image/jpeg");
                    Certification.awaitState(id, "DUE", Duration.ofSeconds(120));
                    ready.add(p);
                } catch (RuntimeException | AssertionError e) {
                    System.err.println("preparation failed: " + e.getMessage());
                }
            });
        }
        prep.shutdown();
        prep.awaitTermination(30, TimeUnit.MINUTES);
        System.out.printf("%d recipients ready in %.0f s%n", ready.size(), (System.nanoTime() - prepStart) / 1e9);

        List<Row> rows = new CopyOnWriteArrayList<>();
        List<Sample> samples = new CopyOnWriteArrayList<>();
        Instant begin = Instant.now();
        Instant end = begin.plusSeconds(seconds);
        ExecutorService sampler = Executors.newSingleThreadExecutor();
        sampler.submit(() -> sample(samples, end.plusSeconds(30)));
        ExecutorService workers = Executors.newFixedThreadPool(recipients);
        for (int w = 0; w < recipients; w++) {
            int worker = w;
            workers.submit(() -> {
                long seed = worker * 100_000L;
                TestPerson p;
                while (Instant.now().isBefore(end) && (p = ready.poll()) != null) {
                    rows.add(oneSession(p, ++seed));
                }
            });
        }
        workers.shutdown();
        workers.awaitTermination(seconds + 600, TimeUnit.SECONDS);
        sampler.shutdownNow();
        double elapsed = Duration.between(begin, Instant.now()).toMillis() / 1000.0;

        String stamp = begin.toString().replace(":", "").replaceAll("\\..*", "");
        writeSessions(out.resolve("load-" + stamp + "-sessions.csv"), rows, begin);
        writeSamples(out.resolve("load-" + stamp + "-resources.csv"), samples, begin);
        chart(out.resolve("load-" + stamp + "-chart.png"), rows, begin, elapsed);
        String summary = summary(rows, samples, recipients, seconds, elapsed, stamp);
        Files.writeString(out.resolve("load-" + stamp + "-summary.md"), summary);
        System.out.println(summary);
        SystemStack.get().stop();
        System.exit(0);
    }

    private static Row oneSession(TestPerson p, long seed) {
        Instant start = Instant.now();
        UUID personId = null;
        String actions = "";
        long upload = -1;
        try {
            Gateway.Login login = Gateway.login(p.idNumber());
            personId = login.personId();
            Gateway.Session session = Gateway.start(login, null);
            actions = String.join("+", session.actions());
            long u0 = System.nanoTime();
            for (Api.Response r : Gateway.uploadAll(login, session, ActionFrames.forChallenge(session.actions(), seed),
                    Attempts.FRAMES_PER_BATCH)) {
                r.expect(200);
            }
            long lastBatch = System.nanoTime();
            upload = (lastBatch - u0) / 1_000_000;
            JsonNode result = Gateway.awaitResult(login, session, Duration.ofMinutes(5));
            long verdict = (System.nanoTime() - lastBatch) / 1_000_000;
            return new Row(start, personId, actions, result.path("outcome").asText(), upload, verdict, "");
        } catch (RuntimeException | AssertionError e) {
            String m = String.valueOf(e.getMessage()).replaceAll("[\\r\\n,]", " ");
            return new Row(start, personId, actions, "ERROR", upload, -1, m.length() > 200 ? m.substring(0, 200) : m);
        }
    }

    // ------------------------------------------------------------------ resources

    private static void sample(List<Sample> samples, Instant until) {
        SystemStack stack = SystemStack.get();
        Map<String, Long> lastCpu = new LinkedHashMap<>();
        long lastAt = System.nanoTime();
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", stack.kafkaBootstrap()))) {
            while (Instant.now().isBefore(until) && !Thread.currentThread().isInterrupted()) {
                long now = System.nanoTime();
                Map<String, Double> cpu = new LinkedHashMap<>();
                Map<String, Long> rss = new LinkedHashMap<>();
                for (String service : SystemStack.SERVICES) {
                    Optional<ProcessHandle> h = processOf(service);
                    if (h.isEmpty()) {
                        continue;
                    }
                    long total = h.get().info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
                    Long before = lastCpu.put(service, total);
                    if (before != null) {
                        cpu.put(service, 100.0 * (total - before) / Math.max(1, now - lastAt));
                    }
                    rss.put(service, rssMb(h.get().pid()));
                }
                lastAt = now;
                samples.add(new Sample(Instant.now(), cpu, rss, lag(admin)));
                Thread.sleep(5000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            System.err.println("sampler stopped: " + e);
        }
    }

    private static Optional<ProcessHandle> processOf(String service) {
        String jar = service + "/target/quarkus-app/quarkus-run.jar";
        return ProcessHandle.allProcesses().filter(p -> p.info().arguments().map(args -> {
            for (String arg : args) {
                if (arg.endsWith(jar)) {
                    return true;
                }
            }
            return false;
        }).orElse(false)).filter(p -> p.parent().map(pp -> pp.pid() == ProcessHandle.current().pid()).orElse(false))
                .findFirst();
    }

    private static long rssMb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            // process gone
        }
        return -1;
    }

    private static Map<String, Long> lag(Admin admin) {
        Map<String, Long> lag = new LinkedHashMap<>();
        try {
            Collection<ConsumerGroupListing> groups = admin.listConsumerGroups().all().get(5, TimeUnit.SECONDS);
            for (ConsumerGroupListing g : groups) {
                if (g.groupId().startsWith("test-reader-")) {
                    continue;
                }
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(g.groupId())
                        .partitionsToOffsetAndMetadata().get(5, TimeUnit.SECONDS);
                Map<TopicPartition, OffsetSpec> latest = new LinkedHashMap<>();
                committed.keySet().forEach(tp -> latest.put(tp, OffsetSpec.latest()));
                Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(latest).all()
                        .get(5, TimeUnit.SECONDS);
                long total = 0;
                for (Map.Entry<TopicPartition, OffsetAndMetadata> e : committed.entrySet()) {
                    if (e.getValue() != null && ends.containsKey(e.getKey())) {
                        total += Math.max(0, ends.get(e.getKey()).offset() - e.getValue().offset());
                    }
                }
                lag.put(g.groupId(), total);
            }
        } catch (Exception e) {
            // broker busy: this sample has no lag
        }
        return lag;
    }

    // ------------------------------------------------------------------ output

    private static void writeSessions(Path file, List<Row> rows, Instant begin) throws IOException {
        StringBuilder csv = new StringBuilder("start_s,person_id,actions,outcome,upload_ms,last_batch_to_result_ms,error\n");
        for (Row r : rows.stream().sorted(Comparator.comparing(Row::start)).toList()) {
            csv.append(String.format("%.1f,%s,%s,%s,%d,%d,%s%n", Duration.between(begin, r.start()).toMillis() / 1000.0,
                    r.personId(), r.actions(), r.outcome(), r.uploadMillis(), r.verdictMillis(), r.error()));
        }
        Files.writeString(file, csv, StandardCharsets.UTF_8);
    }

    private static void writeSamples(Path file, List<Sample> samples, Instant begin) throws IOException {
        List<String> groups = samples.stream().flatMap(s -> s.lag().keySet().stream()).distinct().sorted().toList();
        StringBuilder csv = new StringBuilder("t_s");
        for (String s : SystemStack.SERVICES) {
            csv.append(',').append(s).append("_cpu_pct,").append(s).append("_rss_mb");
        }
        groups.forEach(g -> csv.append(",lag_").append(g));
        csv.append('\n');
        for (Sample s : samples) {
            csv.append(String.format("%.0f", Duration.between(begin, s.at()).toMillis() / 1000.0));
            for (String svc : SystemStack.SERVICES) {
                csv.append(String.format(",%.0f,%d", s.cpuPercent().getOrDefault(svc, -1.0), s.rssMb().getOrDefault(svc, -1L)));
            }
            for (String g : groups) {
                csv.append(',').append(s.lag().getOrDefault(g, -1L));
            }
            csv.append('\n');
        }
        Files.writeString(file, csv, StandardCharsets.UTF_8);
    }

    private static String summary(List<Row> rows, List<Sample> samples, int recipients, int seconds, double elapsed,
            String stamp) {
        List<Row> decided = rows.stream().filter(r -> r.verdictMillis() >= 0).toList();
        long certified = rows.stream().filter(r -> r.outcome().equals("CERTIFIED")).count();
        long errors = rows.stream().filter(r -> r.outcome().equals("ERROR")).count();
        List<Long> lat = decided.stream().map(Row::verdictMillis).sorted().toList();
        StringBuilder s = new StringBuilder();
        s.append("# Load run ").append(stamp).append("\n\n");
        s.append(String.format("%d simulated recipients for %d s (ran %.0f s) through the gateway API, real frames "
                + "(webcam person), every service on this 2-core machine.%n%n", recipients, seconds, elapsed));
        s.append("| figure | value |\n| --- | --- |\n");
        s.append(String.format("| sessions | %d (certified %d, other outcomes %d, errors %d) |%n", rows.size(), certified,
                rows.size() - certified - errors, errors));
        s.append(String.format("| sessions/s decided | %.3f |%n", decided.size() / elapsed));
        s.append(String.format("| last batch -> result decided p50 / p95 / p99 | %s / %s / %s ms |%n", pct(lat, 50),
                pct(lat, 95), pct(lat, 99)));
        s.append(String.format("| error rate | %.1f %% |%n", rows.isEmpty() ? 0 : 100.0 * errors / rows.size()));
        for (String svc : SystemStack.SERVICES) {
            double cpu = samples.stream().mapToDouble(x -> x.cpuPercent().getOrDefault(svc, 0.0)).average().orElse(0);
            long first = samples.isEmpty() ? -1 : samples.get(0).rssMb().getOrDefault(svc, -1L);
            long last = samples.isEmpty() ? -1 : samples.get(samples.size() - 1).rssMb().getOrDefault(svc, -1L);
            s.append(String.format("| %s CPU avg / RSS first -> last | %.0f %% / %d -> %d MB |%n", svc, cpu, first, last));
        }
        long maxLag = samples.stream().flatMap(x -> x.lag().values().stream()).mapToLong(Long::longValue).max().orElse(-1);
        s.append(String.format("| max consumer lag (records, any group) | %d |%n", maxLag));
        return s.toString();
    }

    private static String pct(List<Long> sorted, int p) {
        if (sorted.isEmpty()) {
            return "-";
        }
        return String.valueOf(sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1)));
    }

    /** Completed sessions per 10 s window (bars) and last-batch-to-result latency per session (dots). */
    private static void chart(Path file, List<Row> rows, Instant begin, double elapsed) throws IOException {
        int w = 900;
        int h = 420;
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, w, h);
        int left = 60;
        int right = w - 60;
        int top = 30;
        int bottom = h - 40;
        int windows = Math.max(1, (int) Math.ceil(elapsed / 10));
        int[] counts = new int[windows];
        long maxLat = 1;
        for (Row r : rows) {
            if (r.verdictMillis() >= 0) {
                int idx = (int) Math.min(windows - 1, Duration.between(begin, r.start()).toSeconds() / 10);
                counts[idx]++;
                maxLat = Math.max(maxLat, r.verdictMillis());
            }
        }
        int maxCount = 1;
        for (int c : counts) {
            maxCount = Math.max(maxCount, c);
        }
        double barW = (right - left) / (double) windows;
        g.setColor(new Color(150, 190, 230));
        for (int i = 0; i < windows; i++) {
            int bh = (int) ((bottom - top) * counts[i] / (double) maxCount);
            g.fillRect((int) (left + i * barW) + 1, bottom - bh, (int) barW - 2, bh);
        }
        g.setColor(new Color(200, 60, 40));
        for (Row r : rows) {
            if (r.verdictMillis() >= 0) {
                double t = Duration.between(begin, r.start()).toMillis() / 1000.0;
                int x = (int) (left + (right - left) * t / Math.max(1, elapsed));
                int y = (int) (bottom - (bottom - top) * r.verdictMillis() / (double) maxLat);
                g.fillOval(x - 3, y - 3, 6, 6);
            }
        }
        g.setColor(Color.BLACK);
        g.setStroke(new BasicStroke(1));
        g.drawLine(left, bottom, right, bottom);
        g.drawLine(left, top, left, bottom);
        g.drawLine(right, top, right, bottom);
        g.drawString("sessions decided per 10 s (bars, max " + maxCount + ")", left + 5, top - 12);
        g.drawString("last batch -> result (dots, max " + maxLat + " ms)", right - 260, top - 12);
        g.drawString("0 s", left - 10, bottom + 15);
        g.drawString(String.format("%.0f s", elapsed), right - 20, bottom + 15);
        g.dispose();
        ImageIO.write(img, "png", file.toFile());
    }

    private static Map<String, String> parse(String[] args) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            m.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        return m;
    }
}
