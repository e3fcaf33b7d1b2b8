package org.lifecert.systemtests.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.lifecert.events.Action;
import org.lifecert.events.Envelope;
import org.lifecert.events.EventCodec;
import org.lifecert.events.FrameBatchCaptured;
import org.lifecert.events.LivenessVerdict;
import org.lifecert.events.MatchVerdict;
import org.lifecert.events.ReferenceTemplateRegistered;
import org.lifecert.events.Topics;
import org.lifecert.face.FaceEngine;
import org.lifecert.face.FaceEngineConfig;
import org.lifecert.face.FaceTemplate;
import org.lifecert.local.LocalStack;
import org.lifecert.local.StackSettings;
import org.lifecert.systemtests.stack.SystemStack;
import org.lifecert.testing.frames.LoadFrames;
import org.lifecert.testing.frames.SessionScript;

/**
 * The two face workers together, as the stack runs them (a main, not a test): deploy/local starts PostgreSQL, Kafka,
 * liveness-service and face-match-service only (separate JVMs, the stack's flags and settings, no Keycloak, no
 * gateway), one person's reference template is registered on lifecert.enrollment.v1 (as face-match's load run does),
 * then sessions of 3 steps x 10 frames of 640x480 JPEG (liveness's load-run script, {@link SessionScript}) go straight
 * onto lifecert.capture.frames.v1 at each offered rate (0 = all at once).
 *
 * <pre>
 * ./mvnw -B -o -q -pl system-tests exec:java -Dexec.classpathScope=test \
 *   -Dexec.mainClass=org.lifecert.systemtests.load.WorkerPairLoadRun \
 *   -Dexec.args="--sessions 120 --rates 1,0 --out docs/benchmarks"
 * </pre>
 *
 * Per rate: sessions/s with both verdicts, last batch acknowledged -> both verdicts p50/p95/max, CPU-s per session
 * of each worker JVM, of this JVM (Kafka broker + producer) and of PostgreSQL, and how many verdicts each session got
 * from each worker (exactly one expected). Appends to {@code <out>/pair-<stamp>.md}; the workers' Prometheus text after
 * each rate lands beside it in {@code system-tests/target/pair/metrics-*.txt}. Stack settings (partitions, concurrency,
 * JVM options) as deploy/local's {@code StackTuning} reads them from system properties.
 */
public final class WorkerPairLoadRun {

    private static final int PEOPLE = 24;

    static final List<String> WORKERS = List.of("liveness-service", "face-match-service");

    private Path dataDirectory;
    private final Map<String, Long> lastBatch = new ConcurrentHashMap<>();
    private final Map<String, Long> livenessAt = new ConcurrentHashMap<>();
    private final Map<String, Long> matchAt = new ConcurrentHashMap<>();
    private final Map<String, Integer> livenessCount = new ConcurrentHashMap<>();
    private final Map<String, Integer> matchCount = new ConcurrentHashMap<>();

    private WorkerPairLoadRun() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> a = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            a.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        int sessions = Integer.parseInt(a.getOrDefault("sessions", "60"));
        String rates = a.getOrDefault("rates", "1,0");
        Path root = SystemStack.checkoutRoot();
        Path out = root.resolve(a.getOrDefault("out", "docs/benchmarks"));
        Files.createDirectories(out);
        Path work = root.resolve("system-tests/target/pair");
        deleteTree(work.resolve("data/postgres"));
        deleteTree(work.resolve("data/kafka"));
        Path apps = snapshot(root, work.resolve("apps"));
        int offset = freeOffset();
        StackSettings isolated = StackSettings.isolated(work.resolve("data"), offset);
        StackSettings settings = new StackSettings(apps, isolated.dataDirectory(), isolated.postgresPort(),
                isolated.kafkaPort(), isolated.kafkaControllerPort(), isolated.keycloakPort(), false, offset);
        LocalStack stack = new LocalStack().only(WORKERS.toArray(String[]::new));
        Runtime.getRuntime().addShutdownHook(new Thread(stack::stopAll, "pair-stop"));
        String stamp = Instant.now().toString().replace(":", "").replaceAll("\\..*", "");
        Path report = out.resolve("pair-" + stamp + ".md");
        int code = 1;
        try {
            if (!stack.start(settings, false)) {
                throw new IllegalStateException("the workers did not start; logs in " + settings.dataDirectory().resolve("logs"));
            }
            WorkerPairLoadRun run = new WorkerPairLoadRun();
            code = run.measure(stack, settings, sessions, rates, report, work);
        } finally {
            stack.stopAll();
        }
        System.exit(code);
    }

    private int measure(LocalStack stack, StackSettings settings, int sessions, String rates, Path report, Path work)
            throws Exception {
        String bootstrap = stack.kafkaBootstrap();
        dataDirectory = settings.dataDirectory();
        // Frames are keyed by person (as the gateway sends them): several people spread the sessions over the partitions.
        List<UUID> people = Stream.generate(UUID::randomUUID).limit(PEOPLE).toList();
        registerTemplates(bootstrap, people, stack.secrets().get("pii.template-key.local1"));
        java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
        Path frames = SystemStack.checkoutRoot().resolve("liveness-service/src/test/resources/frames");
        byte[] open = LoadFrames.vga(Files.readAllBytes(frames.resolve("webcam-a-f0640.jpg")));
        byte[] closed = LoadFrames.vga(Files.readAllBytes(frames.resolve("webcam-a-f0642.jpg")));
        byte[] frontal = LoadFrames.vga(Files.readAllBytes(frames.resolve("webcam-a-f0131.jpg")));
        byte[] mouth = LoadFrames.vga(Files.readAllBytes(frames.resolve("webcam-a-f0291.jpg")));
        byte[] turned = LoadFrames.vga(Files.readAllBytes(frames.resolve("webcam-a-f0530.jpg")));
        java.util.function.Supplier<SessionScript> script = () -> deadlineLater(new SessionScript(
                        people.get(next.getAndIncrement() % PEOPLE)))
                .step(Action.BLINK, open, open, open, open, closed, closed, open, open, open, open)
                .step(Action.OPEN_MOUTH, frontal, frontal, frontal, frontal, mouth, mouth, frontal, frontal, frontal, frontal)
                .step(Action.TURN_LEFT, frontal, frontal, frontal, frontal, turned, turned, turned, frontal, frontal, frontal);

        AtomicBoolean reading = new AtomicBoolean(true);
        Thread reader = verdictReader(bootstrap, reading);
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "# Worker pair load run %s%n", report.getFileName()));
        lines.add(String.format(Locale.ROOT, "liveness-service + face-match-service as the stack runs them (deploy/local, "
                + "separate JVMs), PostgreSQL and Kafka; %d partitions; worker settings %s %s; JVM options %s. "
                + "Sessions: 3 steps x 10 frames 640x480 (liveness load-run script), 24 enrolled people. Load average at "
                + "the start: %s.%n", org.lifecert.local.StackTuning.kafkaPartitions(), tuning("liveness-service"),
                tuning("face-match-service"), System.getProperty("lifecert.local.jvm-options", "-"), loadAverage()));
        lines.add("| offered | sessions with both verdicts | sessions/s (both) | last batch -> both verdicts p50 / p95 / max "
                + "| CPU-s per session liveness / face-match / Kafka+driver JVM / PostgreSQL | verdicts per session liveness, "
                + "face-match | load average |");
        lines.add("| --- | --- | --- | --- | --- | --- | --- |");
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of("bootstrap.servers", bootstrap,
                "max.request.size", 16 * 1024 * 1024, "linger.ms", 1), new StringSerializer(), new ByteArraySerializer())) {
            Phase warm = phase(producer, stack, script, 4, 0);
            System.out.println("PAIR warm-up: " + warm.row());
            for (String rate : rates.split(",")) {
                Phase p = phase(producer, stack, script, sessions, Double.parseDouble(rate.trim()));
                System.out.println("PAIR " + p.row());
                lines.add(p.row());
                saveMetrics(settings, work.resolve("metrics-" + (p.rate == 0 ? "max" : p.rate + "per-s") + ".txt"));
            }
        }
        reading.set(false);
        reader.join(5000);
        Files.write(report, lines, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        System.out.println(String.join(System.lineSeparator(), lines));
        return 0;
    }

    private record Phase(double rate, int sessions, int both, double perSecond, double p50, double p95, double max,
                         Map<String, Double> cpuPerSession, String verdicts, String load) {
        String row() {
            return String.format(Locale.ROOT, "| %s | %d of %d | %.2f | %.0f / %.0f / %.0f ms | %.3f / %.3f / %.3f / %.3f | %s | %s |",
                    rate == 0 ? "all at once" : rate + "/s", both, sessions, perSecond, p50, p95, max,
                    cpuPerSession.get("liveness-service"), cpuPerSession.get("face-match-service"),
                    cpuPerSession.get("driver"), cpuPerSession.get("postgres"), verdicts, load);
        }
    }

    private Phase phase(KafkaProducer<String, byte[]> producer, LocalStack stack,
                        java.util.function.Supplier<SessionScript> script, int count, double rate) throws Exception {
        List<List<Envelope<FrameBatchCaptured>>> prepared = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            prepared.add(script.get().batches());
        }
        List<String> ids = prepared.stream().map(b -> b.get(0).data().sessionId().toString()).toList();
        Map<String, Double> cpuBefore = cpu(stack);
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            if (rate > 0) {
                long due = start + (long) (i * 1e9 / rate);
                while (System.nanoTime() < due) {
                    Thread.sleep(1);
                }
            }
            List<Envelope<FrameBatchCaptured>> batches = prepared.get(i);
            for (int b = 0; b < batches.size(); b++) {
                Envelope<FrameBatchCaptured> batch = batches.get(b);
                String session = batch.data().sessionId().toString();
                boolean last = b == batches.size() - 1;
                producer.send(new ProducerRecord<>(batch.topic(), batch.partitionKey(), EventCodec.shared().encodeBytes(batch)),
                        (md, err) -> {
                            if (err == null && last) {
                                lastBatch.put(session, System.nanoTime());
                            }
                        });
            }
        }
        producer.flush();
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (System.nanoTime() < deadline && !ids.stream().allMatch(s -> livenessAt.containsKey(s) && matchAt.containsKey(s))) {
            Thread.sleep(50);
        }
        Map<String, Double> cpuAfter = cpu(stack);
        Thread.sleep(3000); // late duplicates would arrive here
        List<Double> latencies = new ArrayList<>();
        long end = start;
        for (String s : ids) {
            Long l = livenessAt.get(s);
            Long m = matchAt.get(s);
            Long sent = lastBatch.get(s);
            if (l != null && m != null && sent != null) {
                long both = Math.max(l, m);
                end = Math.max(end, both);
                latencies.add((both - sent) / 1e6);
            }
        }
        Collections.sort(latencies);
        int both = latencies.size();
        Map<String, Double> perSession = new LinkedHashMap<>();
        cpuAfter.forEach((k, v) -> perSession.put(k, (v - cpuBefore.getOrDefault(k, 0.0)) / Math.max(1, both)));
        String verdicts = counts(ids, livenessCount) + ", " + counts(ids, matchCount);
        return new Phase(rate, count, both, both / Math.max(1e-9, (end - start) / 1e9), pct(latencies, 0.5),
                pct(latencies, 0.95), latencies.isEmpty() ? 0 : latencies.get(both - 1), perSession, verdicts, loadAverage());
    }

    /** How many sessions got how many verdicts, e.g. {1=120}: every session exactly one. */
    private static String counts(List<String> ids, Map<String, Integer> count) {
        return ids.stream().collect(Collectors.groupingBy(s -> count.getOrDefault(s, 0), java.util.TreeMap::new,
                Collectors.counting())).toString();
    }

    private Thread verdictReader(String bootstrap, AtomicBoolean running) throws InterruptedException {
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of("bootstrap.servers", bootstrap,
                "enable.auto.commit", "false", "max.partition.fetch.bytes", 4 * 1024 * 1024),
                new StringDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : List.of(Topics.LIVENESS_VERDICTS, Topics.MATCH_VERDICTS)) {
            for (int attempt = 0; attempt < 100; attempt++) {
                List<TopicPartition> found = consumer.partitionsFor(topic).stream()
                        .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
                if (!found.isEmpty()) {
                    partitions.addAll(found);
                    break;
                }
                Thread.sleep(200);
            }
        }
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        Thread reader = new Thread(() -> {
            while (running.get()) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(20))) {
                    long now = System.nanoTime();
                    Object data = EventCodec.shared().decode(r.value()).data();
                    if (data instanceof LivenessVerdict v) {
                        livenessAt.putIfAbsent(v.sessionId().toString(), now);
                        livenessCount.merge(v.sessionId().toString(), 1, Integer::sum);
                    } else if (data instanceof MatchVerdict v) {
                        matchAt.putIfAbsent(v.sessionId().toString(), now);
                        matchCount.merge(v.sessionId().toString(), 1, Integer::sum);
                    }
                }
            }
            consumer.close();
        }, "pair-verdicts");
        reader.setDaemon(true);
        reader.start();
        return reader;
    }

    /** Ten minutes to the session's deadline: a backlog of the all-at-once phase must not expire unanalysed. */
    private static SessionScript deadlineLater(SessionScript script) {
        script.deadline = Instant.now().plusSeconds(600);
        return script;
    }

    /**
     * People enrolled with webcam-a stills 131/291/640 (face-match's load-run person), the template sealed
     * with the stack's template key as enrollment-service would (AES-256-GCM, key id as associated data).
     */
    private static void registerTemplates(String bootstrap, List<UUID> people, String base64Key) throws Exception {
        Path frames = SystemStack.checkoutRoot().resolve("face-match-service/src/test/resources/frames");
        FaceTemplate template;
        try (FaceEngine engine = FaceEngine.load(FaceEngineConfig.defaults())) {
            List<byte[]> stills = new ArrayList<>();
            for (String name : List.of("webcam-a-f0131.jpg", "webcam-a-f0291.jpg", "webcam-a-f0640.jpg")) {
                stills.add(Files.readAllBytes(frames.resolve(name)));
            }
            template = engine.template(stills).template().orElseThrow();
        }
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of("bootstrap.servers", bootstrap),
                new StringSerializer(), new ByteArraySerializer())) {
            for (UUID person : people) {
                producer.send(new ProducerRecord<>(Topics.ENROLLMENT, person.toString(),
                        EventCodec.shared().encodeBytes(registered(person, template, base64Key)))).get();
            }
        }
    }

    private static Envelope<ReferenceTemplateRegistered> registered(UUID person, FaceTemplate template, String base64Key)
            throws Exception {
        String keyId = "local1";
        byte[] iv = new byte[12];
        new SecureRandom().nextBytes(iv);
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(Base64.getDecoder().decode(base64Key), "AES"),
                new GCMParameterSpec(128, iv));
        cipher.updateAAD(keyId.getBytes(StandardCharsets.UTF_8));
        byte[] sealed = cipher.doFinal(template.toBytes());
        String encrypted = Base64.getEncoder().encodeToString(ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array());
        return Envelope.of("enrollment-service", person.toString(), "bureau-a",
                new ReferenceTemplateRegistered(person, UUID.randomUUID(), template.modelVersion(), keyId, encrypted, 3, 0.9));
    }

    /** CPU seconds so far of each worker JVM, of this JVM (the Kafka broker and the producer) and of PostgreSQL. */
    private Map<String, Double> cpu(LocalStack stack) {
        Map<String, Double> c = new LinkedHashMap<>();
        for (String w : WORKERS) {
            c.put(w, ProcessHandle.of(stack.pid(w)).map(WorkerPairLoadRun::seconds).orElse(0.0));
        }
        c.put("driver", seconds(ProcessHandle.current()));
        double pg = 0;
        // pg_ctl detaches the server: its pid is the first line of postmaster.pid, its backends are its children
        try {
            long postmaster = Long.parseLong(Files.readAllLines(dataDirectory.resolve("postgres/postmaster.pid")).get(0).trim());
            ProcessHandle server = ProcessHandle.of(postmaster).orElse(null);
            if (server != null) {
                pg = seconds(server) + server.descendants().mapToDouble(WorkerPairLoadRun::seconds).sum();
            }
        } catch (IOException | RuntimeException e) {
            pg = Double.NaN;
        }
        c.put("postgres", pg);
        return c;
    }

    private static double seconds(ProcessHandle p) {
        return p.info().totalCpuDuration().map(d -> d.toMillis() / 1000.0).orElse(0.0);
    }

    private static void saveMetrics(StackSettings settings, Path file) {
        StringBuilder all = new StringBuilder();
        HttpClient http = HttpClient.newHttpClient();
        for (String w : WORKERS) {
            try {
                String body = http.send(HttpRequest.newBuilder(URI.create(settings.service(w).baseUrl() + "/q/metrics")).build(),
                        HttpResponse.BodyHandlers.ofString()).body();
                all.append("# ").append(w).append('\n');
                body.lines().filter(l -> l.startsWith("lifecert") || l.startsWith("kafka_consumer_fetch_manager_records_lag")
                        || l.startsWith("jvm_gc_pause") || l.startsWith("process_cpu")).forEach(l -> all.append(l).append('\n'));
            } catch (IOException | InterruptedException e) {
                all.append("# ").append(w).append(": ").append(e.getMessage()).append('\n');
            }
        }
        try {
            Files.writeString(file, all);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Hard links of the workers' target/quarkus-app (as the system tests' snapshot does), so a rebuild of a worker
     * during the run does not pull its jars away from under the running JVM.
     */
    private static Path snapshot(Path root, Path target) throws IOException {
        deleteTree(target);
        for (String w : WORKERS) {
            Path from = root.resolve(w).resolve("target/quarkus-app");
            Path to = target.resolve(w).resolve("target/quarkus-app");
            try (Stream<Path> files = Files.walk(from)) {
                for (Path f : files.toList()) {
                    Path dest = to.resolve(from.relativize(f).toString());
                    if (Files.isDirectory(f)) {
                        Files.createDirectories(dest);
                    } else {
                        try {
                            Files.createLink(dest, f);
                        } catch (IOException | UnsupportedOperationException e) {
                            Files.copy(f, dest);
                        }
                    }
                }
            }
        }
        Files.createDirectories(target.resolve("deploy/local"));
        Files.writeString(target.resolve("mvnw"), "");
        return target;
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(f);
            }
        }
    }

    private static int freeOffset() {
        for (int offset = 30000; offset < 40000; offset += 100) {
            int o = offset;
            if (Stream.of(15432, 9092, 9093, 8082, 8083).allMatch(p -> free(p + o))) {
                return offset;
            }
        }
        throw new IllegalStateException("no free port range");
    }

    private static boolean free(int port) {
        try (ServerSocket s = new ServerSocket(port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static String tuning(String service) {
        return service + " " + System.getProperties().stringPropertyNames().stream()
                .filter(k -> k.startsWith("lifecert.local.config." + service + ".")).sorted()
                .map(k -> k.substring(("lifecert.local.config." + service + ".").length()) + "=" + System.getProperty(k))
                .collect(Collectors.joining(" ", "[stack defaults", "]"));
    }

    private static double pct(List<Double> sorted, double p) {
        return sorted.isEmpty() ? 0 : sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1));
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "?";
        }
    }
}
