package org.lifecert.systemtests.load;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.lifecert.events.Topics;
import org.lifecert.systemtests.clients.Gateway;
import org.lifecert.systemtests.clients.TestPerson;
import org.lifecert.systemtests.frames.ActionFrames;
import org.lifecert.systemtests.stack.Api;
import org.lifecert.systemtests.stack.Require;
import org.lifecert.systemtests.stack.SystemStack;

/**
 * Load generator (a main, not a test): N simulated recipients certify through the gateway API with
 * real frames (the webcam person, {@link ActionFrames}) for a fixed time, on a stack it starts
 * itself (deploy/local, as the system tests do). Each recipient is a prepared person
 * ({@link RecipientPool}) who certifies once, so the pool bounds the run: size it to the expected
 * sessions/s times the seconds.
 *
 * <pre>
 * ./mvnw -B -o -q -pl system-tests test-compile exec:java -Dexec.classpathScope=test \
 *   -Dexec.mainClass=org.lifecert.systemtests.load.LoadGenerator \
 *   -Dexec.args="--recipients 16 --warmup 120 --ramp 60 --seconds 600 --pool 1600 --out docs/benchmarks"
 * </pre>
 *
 * {@code --warmup} seconds run before the measured {@code --seconds} (the JIT compilers of six JVMs busy, caches
 * cold); the report gives the measured window and the whole run. {@code --ramp}: the recipients arrive one after
 * another over that many seconds instead of all in the first.
 *
 * Writes {@code <out>/load-<stamp>-{sessions.csv, timeline.csv, chart.png, summary.md}} (see
 * {@link LoadReport}); after the run it checks on lifecert.certification.v1 that every session
 * whose frames were all accepted was decided exactly once (none lost, none duplicated).
 */
public final class LoadGenerator {

    /** Frames rendered before the run ({@code --frame-variants}, default 8). */
    private static FrameCache frames;
    /** The person's time from the prompt to the action ({@code --reaction-ms}, default 1000), uploaded as still frames. */
    private static long reactionMillis;
    /** The page's frames per batch (app.js FRAMES_PER_BATCH). */
    private static final int PAGE_FRAMES_PER_BATCH = 8;

    private LoadGenerator() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> a = parse(args);
        int recipients = Integer.parseInt(a.getOrDefault("recipients", "2"));
        int seconds = Integer.parseInt(a.getOrDefault("seconds", "120"));
        int warmup = Integer.parseInt(a.getOrDefault("warmup", "0"));
        int ramp = Integer.parseInt(a.getOrDefault("ramp", "0"));
        int pool = Integer.parseInt(a.getOrDefault("pool", String.valueOf(recipients * 20)));
        int prepThreads = Integer.parseInt(a.getOrDefault("prep-threads", "3"));
        Path out = SystemStack.checkoutRoot().resolve(a.getOrDefault("out", "docs/benchmarks"));
        Files.createDirectories(out);
        Require.services("enrollment-service", "capture-gateway", "liveness-service", "face-match-service", "appeal-service");

        System.out.printf("preparing %d recipients ...%n", pool);
        long prepStart = System.nanoTime();
        RecipientPool ready = RecipientPool.prepare(pool, prepThreads);
        System.out.printf("%d recipients ready in %.0f s (%d failed)%n", ready.size(), (System.nanoTime() - prepStart) / 1e9,
                ready.failed());

        int variants = Math.max(1, Integer.parseInt(a.getOrDefault("frame-variants", "8")));
        reactionMillis = Long.parseLong(a.getOrDefault("reaction-ms", "1000"));
        long renderStart = System.nanoTime();
        frames = FrameCache.render(variants, reactionMillis);
        System.out.printf("frames rendered before the run: %d variants per action in %.0f s%n", variants,
                (System.nanoTime() - renderStart) / 1e9);

        String load = loadAverage();
        List<SessionRow> rows = new CopyOnWriteArrayList<>();
        ResourceSampler sampler = new ResourceSampler(Duration.ofSeconds(LoadReport.WINDOW_SECONDS));
        Instant begin = Instant.now();
        Instant measuredFrom = begin.plusSeconds(warmup);
        Instant end = measuredFrom.plusSeconds(seconds);
        Thread sampling = new Thread(sampler, "load-sampler");
        sampling.start();
        ExecutorService workers = Executors.newFixedThreadPool(recipients);
        for (int w = 0; w < recipients; w++) {
            int worker = w;
            // recipients arrive one after another over the ramp, as people do, not all in the same second
            Instant arrival = begin.plusMillis(ramp * 1000L * worker / recipients);
            workers.submit(() -> {
                Gateway.sleepUntil(arrival);
                long seed = worker * 100_000L;
                TestPerson p;
                while (Instant.now().isBefore(end) && (p = ready.next()) != null) {
                    rows.add(oneSession(p, ++seed));
                }
            });
        }
        workers.shutdown();
        workers.awaitTermination(warmup + seconds + 600L, TimeUnit.SECONDS);
        sampler.stop();
        sampling.join(30_000);
        double elapsed = Duration.between(begin, Instant.now()).toMillis() / 1000.0;
        if (ready.size() == 0 && elapsed < warmup + seconds) {
            System.out.printf("the pool of %d recipients was used up after %.0f s%n", pool, elapsed);
        }

        String decisions = checkDecisions(rows);
        String stamp = begin.toString().replace(":", "").replaceAll("\\..*", "");
        LoadReport report = new LoadReport(rows, sampler.samples(), begin, elapsed, warmup, seconds);
        report.writeSessions(out.resolve("load-" + stamp + "-sessions.csv"));
        report.writeTimeline(out.resolve("load-" + stamp + "-timeline.csv"));
        report.chart(out.resolve("load-" + stamp + "-chart.png"), stamp);
        String summary = report.summary(stamp, recipients, ramp, decisions, load)
                + String.format("%nPool: %d prepared (%d failed preparations), %d left unused.%n", pool, ready.failed(),
                        ready.size())
                + String.format("Frames: as the page uploads them (8 per s, 320x240 JPEG quality 0.7, batches of %d, each step "
                                + "%d ms of the person still after the prompt, then the recorded action until 0.4 s after it, "
                                + "where the page ends a step once it sees the action); %d recaptures per action rendered "
                                + "before the run, bytes made unique per session (FrameCache). Stack settings: %d partitions per "
                                + "topic, worker overrides %s.%n", PAGE_FRAMES_PER_BATCH, reactionMillis, variants,
                        org.lifecert.local.StackTuning.kafkaPartitions(), overrides());
        Files.writeString(out.resolve("load-" + stamp + "-summary.md"), summary);
        System.out.println(summary);
        SystemStack.get().stop();
        System.exit(0);
    }

    private static SessionRow oneSession(TestPerson p, long seed) {
        Instant start = Instant.now();
        UUID personId = null;
        UUID sessionId = null;
        String actions = "";
        long upload = -1;
        try {
            Gateway.Login login = Gateway.login(p.idNumber());
            personId = login.personId();
            Gateway.Session session = Gateway.start(login, null);
            sessionId = session.sessionId();
            actions = String.join("+", session.actions());
            long u0 = System.nanoTime();
            List<List<ActionFrames.Frame>> captured = frames.forChallenge(session.actions(), seed,
                    session.sessionId().toString());
            for (Api.Response r : Gateway.uploadAll(login, session, captured, PAGE_FRAMES_PER_BATCH)) {
                r.expect(200);
            }
            long lastBatch = System.nanoTime();
            upload = (lastBatch - u0) / 1_000_000;
            JsonNode result = Gateway.awaitResultStream(login, session, Duration.ofMinutes(5));
            long verdict = (System.nanoTime() - lastBatch) / 1_000_000;
            return new SessionRow(start, Instant.now(), personId, sessionId, actions, result.path("outcome").asText(), upload,
                    verdict, "");
        } catch (RuntimeException | AssertionError e) {
            String m = String.valueOf(e.getMessage()).replaceAll("[\\r\\n,]", " ");
            return new SessionRow(start, Instant.now(), personId, sessionId, actions, "ERROR", upload, -1,
                    m.length() > 200 ? m.substring(0, 200) : m);
        }
    }

    /**
     * Every session whose frames were all accepted must have exactly one PersonCertified or
     * AttemptFailed naming it on lifecert.certification.v1 (read after a quiet period).
     */
    private static String checkDecisions(List<SessionRow> rows) {
        Set<String> persons = rows.stream().filter(r -> r.personId() != null).map(r -> r.personId().toString())
                .collect(Collectors.toSet());
        List<ConsumerRecord<String, byte[]>> decisions = SystemStack.get().topics().settle(Topics.CERTIFICATION,
                r -> persons.contains(r.key()) && (new String(r.value(), StandardCharsets.UTF_8).contains("\"PersonCertified\"")
                        || new String(r.value(), StandardCharsets.UTF_8).contains("\"AttemptFailed\"")),
                Duration.ofSeconds(10));
        Map<String, Integer> perSession = new HashMap<>();
        for (ConsumerRecord<String, byte[]> d : decisions) {
            String v = new String(d.value(), StandardCharsets.UTF_8);
            for (SessionRow r : rows) {
                if (r.sessionId() != null && v.contains(r.sessionId().toString())) {
                    perSession.merge(r.sessionId().toString(), 1, Integer::sum);
                }
            }
        }
        List<SessionRow> uploaded = rows.stream().filter(r -> r.sessionId() != null && r.uploadMillis() >= 0).toList();
        long lost = uploaded.stream().filter(r -> perSession.getOrDefault(r.sessionId().toString(), 0) == 0).count();
        long duplicated = uploaded.stream().filter(r -> perSession.getOrDefault(r.sessionId().toString(), 0) > 1).count();
        return String.format("%d sessions with every frame accepted: %d decided once, %d lost, %d duplicated",
                uploaded.size(), uploaded.size() - lost - duplicated, lost, duplicated);
    }

    private static String overrides() {
        return System.getProperties().stringPropertyNames().stream().filter(k -> k.startsWith("lifecert.local.")).sorted()
                .map(k -> k + "=" + System.getProperty(k)).collect(Collectors.joining(" ", "[", "]"));
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (Exception e) {
            return "?";
        }
    }

    private static Map<String, String> parse(String[] args) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            m.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        return m;
    }
}
