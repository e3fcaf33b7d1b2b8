package org.lifecert.facematch;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.File;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.lifecert.events.Action;
import org.lifecert.events.Envelope;
import org.lifecert.events.EventCodec;
import org.lifecert.events.FrameBatchCaptured;
import org.lifecert.events.MatchVerdict;
import org.lifecert.events.ReferenceTemplateRegistered;
import org.lifecert.events.Topics;
import org.lifecert.face.FaceEngine;
import org.lifecert.face.FaceTemplate;
import org.lifecert.platform.pii.TemplateCipher;
import org.lifecert.testing.LifeCertTestResource;
import org.lifecert.testing.TestInfrastructure;
import org.lifecert.testing.TopicReader;
import org.lifecert.testing.frames.LoadFrames;
import org.lifecert.testing.frames.LoadRun;
import org.lifecert.testing.frames.SessionScript;

/**
 * Load run, not a test (its name keeps it out of {@code verify}); run by hand (README, "Throughput"):
 * {@code ./mvnw -B -o -pl face-match-service verify -Dtest=FaceMatchLoadRun -Dsurefire.failIfNoSpecifiedTests=false
 * -Dload.sessions=20 -Dload.rates=1,0}. One person enrolled with webcam-a stills 131/291/640; every session is
 * 3 steps x 10 frames of 640x480 JPEG made from webcam-b stills 7/200/488 scaled up.
 *
 * <p>Per run it also prints the CPU profile per session (event decoding, batch handling, face engine; the rest of the
 * JVM is the in-JVM broker, outbox relay and the load producer). With {@code -Dload.second-instance=true} (default)
 * and a packaged service in {@code target/quarkus-app} (from an earlier {@code verify}), it then starts a second
 * instance of the service as its own process on the same broker, database and consumer group, runs
 * {@code load.sessions} more sessions at full speed and reports how the sessions were shared and whether any got
 * more than one verdict. Figures in target/load-run.txt.
 */
@QuarkusTest
@QuarkusTestResource(value = LifeCertTestResource.class, initArgs = @ResourceArg(name = "database", value = "facematch"))
class FaceMatchLoadRun {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    @Inject
    FaceEngine engine;

    @Inject
    TemplateCipher cipher;

    @Inject
    MeterRegistry registry;

    @Inject
    EntityManager em;

    @Test
    void measure() throws Exception {
        UUID person = UUID.randomUUID();
        FaceTemplate template = engine.template(java.util.Arrays.stream(FaceFrames.ENROLLED).map(FaceFrames::still).toList())
                .template().orElseThrow();
        TemplateCipher.Sealed sealed = cipher.seal(template.toBytes());
        Envelope<ReferenceTemplateRegistered> enrolled = Envelope.of("enrollment-service", person.toString(), "bureau-a",
                new ReferenceTemplateRegistered(person, UUID.randomUUID(), template.modelVersion(), sealed.keyId(),
                        sealed.base64(), 3, 0.9));
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of("bootstrap.servers",
                TestInfrastructure.get().kafkaBootstrapServers()), new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(Topics.ENROLLMENT, person.toString(), EventCodec.shared().encodeBytes(enrolled))).get();
        }
        byte[] a = LoadFrames.vga(FaceFrames.still(FaceFrames.CAMERA[0]));
        byte[] b = LoadFrames.vga(FaceFrames.still(FaceFrames.CAMERA[1]));
        byte[] c = LoadFrames.vga(FaceFrames.still(FaceFrames.CAMERA[2]));
        List<UUID> made = Collections.synchronizedList(new ArrayList<>());
        Function<Integer, List<Envelope<FrameBatchCaptured>>> script = i -> {
            SessionScript s = new SessionScript(person)
                    .step(Action.BLINK, a, b, c, a, b, c, a, b, c, a)
                    .step(Action.OPEN_MOUTH, b, c, a, b, c, a, b, c, a, b)
                    .step(Action.TURN_LEFT, c, a, b, c, a, b, c, a, b, c);
            made.add(s.sessionId);
            return s.batches();
        };
        int sessions = Integer.getInteger("load.sessions", 20);
        report(String.format(Locale.ROOT, "event decode (EventCodec, schema validation) cpu/session=%.0fms",
                decodeCpuMillis(script.apply(-1))));
        LoadRun.run("face-match warm-up", 3, 0, Topics.MATCH_VERDICTS, script);
        for (String rate : System.getProperty("load.rates", "1,0").split(",")) {
            double[] before = profile();
            LoadRun.Result r = LoadRun.run("face-match", sessions, Double.parseDouble(rate.trim()), Topics.MATCH_VERDICTS,
                    script);
            double[] after = profile();
            int n = Math.max(1, r.sessions());
            report(String.format(Locale.ROOT, "  profile offered=%s: batch handling cpu/session=%.0fms of which face engine "
                            + "%.0fms in %.1f analyses (%.1f with embedding)",
                    r.rate() == 0 ? "max" : r.rate() + "/s", (after[0] - before[0]) * 1000 / n,
                    (after[1] - before[1]) * 1000 / n, (after[2] - before[2]) / n, (after[3] - before[3]) / n));
        }
        if (Boolean.parseBoolean(System.getProperty("load.second-instance", "true"))) {
            twoInstances(sessions, script, made);
        }
    }

    /** A second instance as its own process, same broker, database and group; shares the partitions with this one. */
    private void twoInstances(int sessions, Function<Integer, List<Envelope<FrameBatchCaptured>>> script, List<UUID> made)
            throws Exception {
        File jar = new File("target/quarkus-app/quarkus-run.jar");
        if (!jar.isFile()) {
            report("two instances: skipped, no target/quarkus-app/quarkus-run.jar (run verify once first)");
            return;
        }
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Config config = ConfigProvider.getConfig();
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"), "-Xmx1g"));
        for (String key : List.of("quarkus.datasource.jdbc.url", "quarkus.datasource.username", "quarkus.datasource.password",
                "kafka.bootstrap.servers", "quarkus.oidc.public-key", "quarkus.oidc.token.issuer", "lifecert.pii.id-hash-key",
                "lifecert.pii.template-key-id", "lifecert.pii.template-keys.test-1")) {
            command.add("-D" + key + "=" + config.getValue(key, String.class));
        }
        // the relay of this (test) instance publishes both instances' outbox rows, as Kafka Connect does in prod
        command.addAll(List.of("-Dquarkus.http.port=" + port, "-Dquarkus.oidc.auth-server-url=",
                "-Dlifecert.messaging.relay.enabled=false", "-Dquarkus.log.console.json=false",
                "-Dquarkus.flyway.migrate-at-start=false", "-jar", jar.getPath()));
        Process second = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(new File("target/second-instance.log")).start();
        try {
            HttpClient http = HttpClient.newHttpClient();
            long until = System.nanoTime() + Duration.ofMinutes(3).toNanos();
            boolean ready = false;
            while (!ready && System.nanoTime() < until && second.isAlive()) {
                Thread.sleep(500);
                try {
                    ready = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/health/ready"))
                            .build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
                } catch (java.io.IOException notYet) {
                    ready = false;
                }
            }
            if (!ready) {
                report("two instances: the second instance did not become ready (target/second-instance.log)");
                return;
            }
            Thread.sleep(5000); // the group rebalances onto the new members
            LoadRun.run("face-match two instances warm-up", 3, 0, Topics.MATCH_VERDICTS, script);
            made.clear();
            long secondCpuBefore = cpuNanos(second);
            LoadRun.Result r = LoadRun.run("face-match two instances (cpu/session: test JVM only)", sessions, 0,
                    Topics.MATCH_VERDICTS, script);
            double secondCpuMs = (cpuNanos(second) - secondCpuBefore) / 1e6 / Math.max(1, r.sessions());
            List<UUID> ids = List.copyOf(made);
            Map<String, Long> verdicts = TopicReader.onTestBroker().settle(Topics.MATCH_VERDICTS, rec -> true,
                    Duration.ofSeconds(5)).stream().map(FaceMatchLoadRun::sessionOf)
                    .filter(id -> id != null && ids.contains(UUID.fromString(id)))
                    .collect(Collectors.groupingBy(id -> id, Collectors.counting()));
            long duplicates = verdicts.values().stream().filter(n -> n > 1).count();
            Map<String, Long> share = shareByInstance(ids);
            report(String.format(Locale.ROOT, "  two instances: sessions=%d with a verdict=%d duplicates=%d "
                            + "sessions per instance=%s second instance cpu/session=%.0fms",
                    ids.size(), verdicts.size(), duplicates, share.values(), secondCpuMs));
        } finally {
            second.destroy();
            second.waitFor();
        }
    }

    private Map<String, Long> shareByInstance(List<UUID> ids) {
        return QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("""
                    select cast(worker_instance as varchar), count(*) from match_session
                    where session_id = any(cast(:ids as uuid[])) group by 1""")
                    .setParameter("ids", ids.stream().map(UUID::toString).collect(Collectors.joining(",", "{", "}")))
                    .getResultList();
            Map<String, Long> out = new HashMap<>();
            rows.forEach(r -> out.put((String) r[0], ((Number) r[1]).longValue()));
            return out;
        });
    }

    private static String sessionOf(ConsumerRecord<String, byte[]> record) {
        return EventCodec.shared().decode(record.value()).data() instanceof MatchVerdict v ? v.sessionId().toString() : null;
    }

    private static long cpuNanos(Process process) {
        return process.toHandle().info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
    }

    /** CPU of decoding one session's three batches as the consumer does (base64 JSON, schema validation). */
    private static double decodeCpuMillis(List<Envelope<FrameBatchCaptured>> session) {
        List<byte[]> encoded = session.stream().map(e -> EventCodec.shared().encodeBytes(e)).toList();
        for (int i = 0; i < 10; i++) {
            encoded.forEach(EventCodec.shared()::decode);
        }
        int rounds = 20;
        long start = THREADS.getCurrentThreadCpuTime();
        for (int i = 0; i < rounds; i++) {
            encoded.forEach(EventCodec.shared()::decode);
        }
        return (THREADS.getCurrentThreadCpuTime() - start) / 1e6 / rounds;
    }

    private double[] profile() {
        return new double[]{cpu("batch"), cpu("face-engine"), stageCount("detect"), stageCount("embedding")};
    }

    private double cpu(String part) {
        var counter = registry.find("lifecert.facematch.cpu.seconds").tag("part", part).counter();
        return counter == null ? 0 : counter.count();
    }

    private double stageCount(String stage) {
        var timer = registry.find("lifecert.face.stage").tag("stage", stage).timer();
        return timer == null ? 0 : timer.count();
    }

    private static void report(String line) throws java.io.IOException {
        System.out.println("LOAD " + line);
        Files.writeString(Path.of("target/load-run.txt"), line + System.lineSeparator(), StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
    }
}
