package org.lifecert.liveness;

import org.lifecert.testing.frames.LoadFrames;

import org.lifecert.testing.frames.LoadRun;

import org.lifecert.testing.frames.SessionScript;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lifecert.events.Action;
import org.lifecert.events.Topics;
import org.lifecert.testing.LifeCertTestResource;

/**
 * Load run, not a test (its name keeps it out of {@code verify}); run by hand:
 * {@code ./mvnw -B -o -pl liveness-service verify -Dtest=LivenessLoadRun -Dsurefire.failIfNoSpecifiedTests=false
 * -Dload.sessions=30 -Dload.rates=1,0} (offered sessions/s; 0 = as fast as possible). Sessions of 3 steps x 10 frames of 640x480 JPEG
 * (webcam-a stills scaled up): BLINK (open x4, closed x2, open x4), OPEN_MOUTH (closed x4, open x2, closed x4),
 * TURN_LEFT (frontal x4, turned x3, frontal x3). Figures land in target/load-run.txt.
 *
 * <p>{@code -Dload.instances=2}: a second instance ({@link SecondInstance}, the packaged service in its own JVM) joins
 * the consumer group first; the run then also reports the CPU of both JVMs, how many sessions each instance decided
 * (the {@code worker_instance} of the DONE rows) and the verdicts per session on the topic (duplicates).
 */
@QuarkusTest
@QuarkusTestResource(value = LifeCertTestResource.class, initArgs = @ResourceArg(name = "database", value = "liveness"))
class LivenessLoadRun {

    @Test
    void measure() throws Exception {
        byte[] open = LoadFrames.vga(FaceFrames.still(FaceFrames.EYES_OPEN));
        byte[] closed = LoadFrames.vga(FaceFrames.still(FaceFrames.EYES_CLOSED));
        byte[] frontal = LoadFrames.vga(FaceFrames.still(FaceFrames.FRONTAL));
        byte[] mouth = LoadFrames.vga(FaceFrames.still(FaceFrames.MOUTH_OPEN));
        byte[] turned = LoadFrames.vga(FaceFrames.still(FaceFrames.TURNED_LEFT));
        int sessions = Integer.getInteger("load.sessions", 20);
        String rates = System.getProperty("load.rates", "1,0");
        java.util.function.Function<Integer, List<org.lifecert.events.Envelope<org.lifecert.events.FrameBatchCaptured>>> script =
                i -> new SessionScript()
                        .step(Action.BLINK, open, open, open, open, closed, closed, open, open, open, open)
                        .step(Action.OPEN_MOUTH, frontal, frontal, frontal, frontal, mouth, mouth, frontal, frontal, frontal, frontal)
                        .step(Action.TURN_LEFT, frontal, frontal, frontal, frontal, turned, turned, turned, frontal, frontal, frontal)
                        .batches();
        int instances = Integer.getInteger("load.instances", 1);
        SecondInstance second = instances > 1 ? SecondInstance.start(java.nio.file.Files.createTempDirectory("liveness-2nd")) : null;
        try {
            // warm-up: the verdict topic exists, the models and the JIT are warm (in both instances)
            LoadRun.run("liveness warm-up", instances > 1 ? 6 : 3, 0, Topics.LIVENESS_VERDICTS, script);
            for (String rate : rates.split(",")) {
                java.time.Duration cpuBefore = second == null ? java.time.Duration.ZERO : second.cpu();
                LoadRun.Result result = LoadRun.run("liveness instances=" + instances, sessions,
                        Double.parseDouble(rate.trim()), Topics.LIVENESS_VERDICTS, script);
                if (second != null) {
                    double secondMillis = second.cpu().minus(cpuBefore).toMillis();
                    report(String.format(java.util.Locale.ROOT, "  both JVMs cpu/session=%.0fms (second instance %.0fms/session)",
                            result.cpuMillisPerSession() + secondMillis / Math.max(1, result.sessions()),
                            secondMillis / Math.max(1, result.sessions())));
                }
            }
        } finally {
            if (second != null) {
                second.close();
            }
        }
        report("  sessions decided per instance: " + decidedPerInstance());
        report("  verdicts per session on the topic: " + verdictsPerSession());
    }

    private static void report(String line) throws java.io.IOException {
        System.out.println("LOAD " + line);
        java.nio.file.Files.writeString(java.nio.file.Path.of("target/load-run.txt"), line + System.lineSeparator(),
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
    }

    private static java.util.Map<String, Integer> decidedPerInstance() throws java.sql.SQLException {
        org.lifecert.testing.TestInfrastructure infra = org.lifecert.testing.TestInfrastructure.get();
        java.util.Map<String, Integer> counts = new java.util.TreeMap<>();
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(infra.database("liveness"),
                infra.postgresUser(), infra.postgresPassword());
             java.sql.ResultSet rs = c.createStatement().executeQuery(
                     "select worker_instance, count(*) from liveness_session where status = 'DONE' group by worker_instance")) {
            while (rs.next()) {
                counts.put(rs.getString(1), rs.getInt(2));
            }
        }
        return counts;
    }

    /** How many sessions got how many verdicts, e.g. {1=66} (no session decided twice). */
    private static java.util.Map<Long, Long> verdictsPerSession() {
        java.util.Map<String, Long> perSession = org.lifecert.testing.TopicReader.onTestBroker()
                .settle(Topics.LIVENESS_VERDICTS, r -> true, java.time.Duration.ofSeconds(3)).stream()
                .map(r -> org.lifecert.events.EventCodec.shared().decode(r.value()).data())
                .filter(d -> d instanceof org.lifecert.events.LivenessVerdict)
                .map(d -> ((org.lifecert.events.LivenessVerdict) d).sessionId().toString())
                .collect(java.util.stream.Collectors.groupingBy(x -> x, java.util.stream.Collectors.counting()));
        return perSession.values().stream().collect(java.util.stream.Collectors.groupingBy(n -> n,
                java.util.TreeMap::new, java.util.stream.Collectors.counting()));
    }
}
