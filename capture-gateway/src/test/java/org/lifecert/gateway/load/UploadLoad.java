package org.lifecert.gateway.load;

import java.io.File;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.lifecert.events.BenefitType;
import org.lifecert.events.Envelope;
import org.lifecert.events.PersonEnrolled;
import org.lifecert.events.PersonStatus;
import org.lifecert.events.Sex;
import org.lifecert.gateway.AppealStub;
import org.lifecert.gateway.GatewayFixtures;
import org.lifecert.platform.pii.IdNumbers;
import org.lifecert.testing.TestInfrastructure;
import org.lifecert.testing.TestKeys;
import org.lifecert.testing.TestTokens;

/**
 * Load generator (a benchmark, not a test): starts real Kafka + PostgreSQL (libs/testing), the
 * appeal-service stub and the packaged gateway as its own process, enrolls N people through the real
 * enrollment topic, logs each in (captcha answer read from the gateway's database), starts one session
 * each, then N threads upload batches of 8 JPEG frames of about 40 KB for the given time.
 * Prints accepted batches/s, latency percentiles and the gateway's resident memory.
 *
 * <pre>
 * ./mvnw -B -o -q -pl capture-gateway -am install -DskipTests
 * ./mvnw -B -o -q -pl capture-gateway exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=org.lifecert.gateway.load.UploadLoad -Dexec.args="16 60"
 * </pre>
 * Arguments: concurrent sessions, one level or several separated by commas (default 16; e.g. "8,16,32,64"),
 * seconds of upload per level (default 60). A warm-up at 8 sessions runs first (10 s; -Dload.warmup-seconds=60 lets
 * the JIT finish, which it has not after 10 s). Uploaders use {@link PlainHttpConnection}; -Dload.client=jdk the JDK client. Each level prints one RESULT line
 * with the gateway's resident memory and its heap in use after a full GC (jcmd GC.run), before and after.
 */
public final class UploadLoad {

    public static void main(String[] args) throws Exception {
        List<Integer> levels = new ArrayList<>();
        for (String level : (args.length > 0 ? args[0] : "16").split(",")) {
            levels.add(Integer.parseInt(level.trim()));
        }
        int sessions = Collections.max(levels);
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 60;
        Path app = Path.of("target/quarkus-app/quarkus-run.jar");
        if (!Files.exists(app)) {
            app = Path.of("capture-gateway/target/quarkus-app/quarkus-run.jar");
        }
        if (!Files.exists(app)) {
            throw new IllegalStateException("build the gateway first: ./mvnw -pl capture-gateway package -DskipTests");
        }
        TestInfrastructure infra = TestInfrastructure.get();
        String jdbc = infra.database("gatewayload");
        AppealStub appeal = new AppealStub();
        GatewayFixtures.state(appeal.url(), null, "DUE");
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        String idKey = TestKeys.key("id-hash");
        List<String> command = new ArrayList<>(List.of(System.getProperty("java.home") + "/bin/java", "-Xmx1g",
                // as deploy/local runs the gateway (serial collector, half the heap young: StackTuning)
                "-XX:+UseSerialGC", "-XX:NewRatio=1",
                "-Dquarkus.profile=test", "-Dquarkus.http.port=" + port, "-Dquarkus.http.test-port=" + port,
                "-Dquarkus.datasource.jdbc.url=" + jdbc, "-Dquarkus.datasource.username=" + infra.postgresUser(),
                "-Dquarkus.datasource.password=" + infra.postgresPassword(),
                "-Dkafka.bootstrap.servers=" + infra.kafkaBootstrapServers(),
                "-Dquarkus.oidc.public-key=" + TestTokens.publicKey(), "-Dquarkus.oidc.token.issuer=" + TestTokens.ISSUER,
                "-Dlifecert.pii.id-hash-key=" + idKey,
                "-Dlifecert.gateway.token.signing-key=" + TestKeys.key("load-signing"),
                "-Dquarkus.rest-client.appeal.url=" + appeal.url(),
                "-Dlifecert.gateway.login.max-failures-per-ip=100000",
                "-Dlifecert.messaging.relay.slot-name=lifecert_outbox_gatewayload",
                // every level runs on the same sessions: keep them open for the whole run
                "-Dlifecert.gateway.challenge.grace=PT30M",
                "-jar", app.toAbsolutePath().toString()));
        // e.g. -Dload.gateway-jvm-args="-XX:StartFlightRecording=filename=target/load.jfr" to profile the gateway
        String extra = System.getProperty("load.gateway-jvm-args", "").trim();
        if (!extra.isEmpty()) {
            command.addAll(1, List.of(extra.split("\\s+")));
        }
        File log = new File(app.getParent().getParent().toFile(), "load-gateway.log");
        Process gateway = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log).start();
        Runtime.getRuntime().addShutdownHook(new java.lang.Thread(gateway::destroy));
        String base = "http://127.0.0.1:" + port;
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
        waitUntilUp(http, base, gateway, log);
        System.out.printf("gateway up (pid %d), RSS %d MB%n", gateway.pid(), rssMb(gateway.pid()));

        IdNumbers idNumbers = new IdNumbers(idKey);
        List<String> idNumberList = new ArrayList<>();
        for (int i = 0; i < sessions; i++) {
            String id = GatewayFixtures.newIdNumber();
            UUID person = UUID.randomUUID();
            GatewayFixtures.send(Envelope.of("enrollment-service", person.toString(), "bureau-a", new PersonEnrolled(person,
                    idNumbers.hash(id), IdNumbers.mask(id), "李", "四", Sex.MALE, LocalDate.of(1950, 1, 1),
                    BenefitType.values()[0], "抚顺", "13800000000", null, null, PersonStatus.ACTIVE)));
            idNumberList.add(id);
        }
        List<String[]> started = new ArrayList<>();
        try (Connection db = DriverManager.getConnection(jdbc, infra.postgresUser(), infra.postgresPassword())) {
            for (String id : idNumberList) {
                String token = loginWhenProjected(http, base, db, id);
                String session = post(http, base + "/api/v1/sessions", "{}", token);
                started.add(new String[] {token, field(session, "sessionId"), field(session, "nonce")});
            }
        }
        System.out.printf("%d sessions started; uploading for %d s%n", started.size(), seconds);

        List<ByteBuffer> frames = new ArrayList<>();
        long frameBytes = 0;
        for (int i = 0; i < 8; i++) {
            byte[] jpeg = GatewayFixtures.jpegOfAbout(40_000, i);
            frameBytes += jpeg.length;
            byte[] text = Base64.getEncoder().encode(jpeg);
            // direct for the lean client's gathering write; the JDK client takes the arrays themselves
            frames.add(PLAIN_CLIENT ? ByteBuffer.allocateDirect(text.length).put(text).flip() : ByteBuffer.wrap(text));
        }
        System.out.printf("frame size: %d bytes on average%n", frameBytes / 8);
        // warm-up (JIT compilation, connection pools) at 8 sessions, not counted
        int warmUp = Integer.getInteger("load.warmup-seconds", 10);
        System.out.printf("warming up for %d s; HTTP client: %s%n", warmUp, PLAIN_CLIENT ? "plain" : "jdk");
        run(http, base, started.subList(0, Math.min(8, started.size())), frames, frameBytes, warmUp, gateway, false);
        for (int level : levels) {
            run(http, base, started.subList(0, level), frames, frameBytes, seconds, gateway, true);
        }
        gateway.destroy();
        gateway.waitFor();
        appeal.stop();
        System.exit(0);
    }

    private static void run(HttpClient http, String base, List<String[]> started, List<ByteBuffer> frames, long frameBytes,
            int seconds, Process gateway, boolean report) throws Exception {
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        AtomicLong accepted = new AtomicLong();
        AtomicLong refused = new AtomicLong();
        long heapBefore = liveHeapMb(http, base, gateway.pid());
        long rssBefore = rssMb(gateway.pid());
        double cpuBefore = cpuSeconds(gateway.pid());
        AtomicLong uploaderCpuNanos = new AtomicLong();
        long httpClientCpuBefore = httpClientCpuNanos();
        double selfCpuBefore = cpuSeconds(ProcessHandle.current().pid());
        double postgresCpuBefore = postgresCpuSeconds();
        long[] machineBefore = machineTicks();
        Instant end = Instant.now().plusSeconds(seconds);
        CountDownLatch done = new CountDownLatch(started.size());
        AtomicLong sequences = new AtomicLong(System.nanoTime() % 1_000_000_000L);
        long t0 = System.nanoTime();
        for (String[] s : started) {
            new java.lang.Thread(() -> {
                try {
                    String path = "/api/v1/sessions/" + s[1] + "/batches";
                    byte[] head = ("\",\"stepIndex\":0,\"nonce\":\"" + s[2]
                            + "\",\"lastBatchOfStep\":false,\"lastBatchOfSession\":false,\"frames\":[")
                            .getBytes(StandardCharsets.US_ASCII);
                    PlainHttpConnection connection = PLAIN_CLIENT ? new PlainHttpConnection("127.0.0.1",
                            URI.create(base).getPort()) : null;
                    while (Instant.now().isBefore(end)) {
                        // The frames' base64 bytes are built once and shared: each request only writes its own
                        // batch id, sequences and capture times around them (no 430 KB copy per request).
                        List<ByteBuffer> parts = new ArrayList<>(2 + 2 * frames.size() + 1);
                        parts.add(ascii("{\"batchId\":\"" + UUID.randomUUID()));
                        parts.add(ByteBuffer.wrap(head));
                        for (int f = 0; f < frames.size(); f++) {
                            parts.add(ascii((f == 0 ? "" : "\"},") + "{\"sequence\":" + sequences.incrementAndGet()
                                    + ",\"capturedAt\":\"" + Instant.now() + "\",\"jpegBase64\":\""));
                            parts.add(frames.get(f).duplicate());
                        }
                        parts.add(ascii("\"}]}"));
                        long start = System.nanoTime();
                        int status;
                        String body;
                        if (connection != null) {
                            PlainHttpConnection.Response r = connection.post(path, "application/json", s[0], parts);
                            status = r.status();
                            body = r.body();
                        } else {
                            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + path))
                                    .header("Content-Type", "application/json").header("X-Session-Token", s[0])
                                    .POST(HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers
                                            .ofByteArrays(arrays(parts)), length(parts))).build(),
                                    HttpResponse.BodyHandlers.ofString());
                            status = r.statusCode();
                            body = r.body();
                        }
                        long micros = (System.nanoTime() - start) / 1000;
                        if (status == 200) {
                            accepted.incrementAndGet();
                            latencies.add(micros);
                        } else {
                            if (refused.incrementAndGet() < 5) {
                                System.out.println("refused: " + status + " " + body);
                            }
                        }
                    }
                    if (connection != null) {
                        connection.close();
                    }
                } catch (Exception e) {
                    System.out.println("uploader stopped: " + e);
                } finally {
                    uploaderCpuNanos.addAndGet(THREADS.getCurrentThreadCpuTime());
                    done.countDown();
                }
            }, "uploader").start();
        }
        done.await();
        double elapsed = (System.nanoTime() - t0) / 1e9;
        double cpu = cpuSeconds(gateway.pid()) - cpuBefore;
        double clientCpu = (uploaderCpuNanos.get() + httpClientCpuNanos() - httpClientCpuBefore) / 1e9;
        double selfCpu = cpuSeconds(ProcessHandle.current().pid()) - selfCpuBefore;
        double postgresCpu = postgresCpuSeconds() - postgresCpuBefore;
        long[] machineAfter = machineTicks();
        double machineBusy = (machineAfter[0] - machineBefore[0]) / 100.0;
        double machineTotal = (machineAfter[1] - machineBefore[1]) / 100.0;
        String load = Files.readString(Path.of("/proc/loadavg")).trim().split(" ")[0];
        long rssAfter = rssMb(gateway.pid());
        long heapAfter = liveHeapMb(http, base, gateway.pid());
        if (!report) {
            return;
        }
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        System.out.printf("RESULT sessions=%d seconds=%.1f accepted=%d refused=%d batches/s=%.1f MB/s(frames)=%.1f "
                        + "p50=%.1fms p95=%.1fms p99=%.1fms max=%.1fms rss_before=%dMB rss_after=%dMB "
                        + "live_heap_before=%dMB live_heap_after=%dMB gateway_cpu=%.1fs cpu_ms_per_batch=%.2f "
                        + "client_cpu_ms_per_batch=%.2f generator_jvm_cpu_ms_per_batch=%.2f postgres_cpu_ms_per_batch=%.2f "
                        + "machine_cpu_ms_per_batch=%.2f machine_busy=%.0f%% loadavg=%s%n",
                started.size(), elapsed, accepted.get(), refused.get(), accepted.get() / elapsed,
                accepted.get() * frameBytes / elapsed / 1e6, pct(sorted, 50), pct(sorted, 95), pct(sorted, 99),
                sorted.isEmpty() ? 0 : sorted.get(sorted.size() - 1) / 1000.0, rssBefore, rssAfter, heapBefore, heapAfter,
                cpu, accepted.get() == 0 ? 0 : cpu * 1000 / accepted.get(),
                accepted.get() == 0 ? 0 : clientCpu * 1000 / accepted.get(),
                accepted.get() == 0 ? 0 : selfCpu * 1000 / accepted.get(),
                accepted.get() == 0 ? 0 : postgresCpu * 1000 / accepted.get(),
                accepted.get() == 0 ? 0 : machineBusy * 1000 / accepted.get(), 100 * machineBusy / machineTotal, load);
    }

    /** The uploaders' HTTP client: the lean one ({@link PlainHttpConnection}, default) or the JDK's ({@code -Dload.client=jdk}). */
    private static final boolean PLAIN_CLIENT = !"jdk".equals(System.getProperty("load.client", "plain"));

    private static ByteBuffer ascii(String text) {
        return ByteBuffer.wrap(text.getBytes(StandardCharsets.US_ASCII));
    }

    private static long length(List<ByteBuffer> parts) {
        long length = 0;
        for (ByteBuffer p : parts) {
            length += p.remaining();
        }
        return length;
    }

    /** The parts as arrays for the JDK client (a copy of the frames' direct buffers: the old client's cost). */
    private static List<byte[]> arrays(List<ByteBuffer> parts) {
        List<byte[]> arrays = new ArrayList<>(parts.size());
        for (ByteBuffer p : parts) {
            if (p.hasArray()) {
                arrays.add(p.array());
            } else {
                byte[] a = new byte[p.remaining()];
                p.duplicate().get(a);
                arrays.add(a);
            }
        }
        return arrays;
    }

    private static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory.getThreadMXBean();

    /** CPU of the JDK HTTP client's own threads (selector, executor): the client's cost beside the uploader threads. */
    private static long httpClientCpuNanos() {
        long total = 0;
        for (java.lang.management.ThreadInfo t : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
            if (t != null && t.getThreadName().startsWith("HttpClient")) {
                long cpu = THREADS.getThreadCpuTime(t.getThreadId());
                total += Math.max(0, cpu);
            }
        }
        return total;
    }

    /** Heap in use right after a full GC (jcmd GC.run), from the gateway's own metrics: what survives, not garbage. */
    private static long liveHeapMb(HttpClient http, String base, long pid) {
        try {
            Process gc = new ProcessBuilder(System.getProperty("java.home") + "/bin/jcmd", Long.toString(pid), "GC.run")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            gc.waitFor(30, java.util.concurrent.TimeUnit.SECONDS);
            String metrics = http.send(HttpRequest.newBuilder(URI.create(base + "/q/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            double bytes = 0;
            for (String line : metrics.split("\n")) {
                if (line.startsWith("jvm_memory_used_bytes{") && line.contains("area=\"heap\"")) {
                    bytes += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                }
            }
            return Math.round(bytes / 1024 / 1024);
        } catch (Exception e) {
            return -1;
        }
    }

    private static double pct(List<Long> sorted, int p) {
        if (sorted.isEmpty()) {
            return 0;
        }
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1)) / 1000.0;
    }

    /** User + system CPU time of the process (clock ticks of 1/100 s on Linux). */
    private static double cpuSeconds(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0;
        } catch (Exception e) {
            return -1;
        }
    }

    /** CPU of the PostgreSQL server's processes (libs/testing's embedded server detaches from this JVM). */
    private static double postgresCpuSeconds() {
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().command().map(c -> c.endsWith("postgres")).orElse(false))
                .mapToDouble(p -> Math.max(0, cpuSeconds(p.pid()))).sum();
    }

    /** The machine's busy and total clock ticks (first line of /proc/stat; busy = all but idle and iowait). */
    private static long[] machineTicks() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long total = 0;
            for (int i = 1; i < f.length && i <= 8; i++) {
                total += Long.parseLong(f[i]);
            }
            return new long[] {total - Long.parseLong(f[4]) - Long.parseLong(f[5]), total};
        } catch (Exception e) {
            return new long[] {0, 1};
        }
    }

    private static long rssMb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
                }
            }
        } catch (Exception e) {
            return -1;
        }
        return -1;
    }

    private static void waitUntilUp(HttpClient http, String base, Process gateway, File log) throws Exception {
        for (int i = 0; i < 240; i++) {
            if (!gateway.isAlive()) {
                throw new IllegalStateException("gateway exited; see " + log);
            }
            try {
                if (http.send(HttpRequest.newBuilder(URI.create(base + "/q/health/ready")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (java.io.IOException e) {
                // not yet listening
            }
            java.lang.Thread.sleep(500);
        }
        throw new IllegalStateException("gateway not ready after 120 s; see " + log);
    }

    private static String loginWhenProjected(HttpClient http, String base, Connection db, String id) throws Exception {
        for (int i = 0; i < 120; i++) {
            String captchaId = field(post(http, base + "/api/v1/captcha", "", null), "captchaId");
            String answer;
            try (PreparedStatement q = db.prepareStatement("select answer from captcha where captcha_id = ?::uuid")) {
                q.setString(1, captchaId);
                try (ResultSet rs = q.executeQuery()) {
                    rs.next();
                    answer = rs.getString(1);
                }
            }
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/login"))
                    .header("Content-Type", "application/json").header("X-Forwarded-For", "10.9." + (i % 250) + ".1")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"idNumber\":\"" + id + "\",\"captchaId\":\"" + captchaId
                            + "\",\"captchaAnswer\":\"" + answer + "\"}")).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() == 200) {
                return field(r.body(), "token");
            }
            java.lang.Thread.sleep(500);
        }
        throw new IllegalStateException("person never reached the gateway's projection");
    }

    private static String post(HttpClient http, String url, String body, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            b.header("X-Session-Token", token);
        }
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException(url + " answered " + r.statusCode() + ": " + r.body());
        }
        return r.body();
    }

    private static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]+)\"").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no " + name + " in " + json);
        }
        return m.group(1);
    }
}
