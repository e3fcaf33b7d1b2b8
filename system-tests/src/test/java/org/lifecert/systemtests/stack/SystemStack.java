package org.lifecert.systemtests.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.lifecert.local.LocalStack;
import org.lifecert.local.ServiceSpec;
import org.lifecert.local.StackSettings;
import org.lifecert.testing.FreePorts;
import org.lifecert.testing.TopicReader;

/**
 * The whole LifeCert stack, started once per test JVM by deploy/local exactly as a developer runs
 * it (PostgreSQL, Kafka KRaft, Keycloak, each service as its own JVM from target/quarkus-app), on
 * ports shifted away from a developer's own stack. Stopped by the JUnit root store at the end of the
 * run, or by a shutdown hook if the JVM dies first.
 *
 * <p>Data lives in {@code system-tests/target/stack}: PostgreSQL and Kafka start empty on every run;
 * the unpacked Keycloak and the generated secrets are kept so a second run skips the ~60 s unpack.
 */
public final class SystemStack {

    public static final List<String> SERVICES = List.of("capture-gateway", "enrollment-service", "face-match-service",
            "liveness-service", "appeal-service", "notification-service");

    private static final String REALM_READY = ".realm-ready";
    private static SystemStack instance;

    /** deploy/local's LocalStack, seen through what the tests need of it. */
    interface Runner {
        String secret(String key);

        boolean kill(String service);

        boolean restart(String service, java.time.Duration timeout);

        void stopKafka();

        void startKafka();

        void stopPostgres();

        void startPostgres();

        void stopAll();
    }

    static Runner of(LocalStack s) {
        return new Runner() {
            public String secret(String key) {
                return s.secrets() == null ? null : s.secrets().get(key);
            }

            public boolean kill(String service) {
                return s.kill(service);
            }

            public boolean restart(String service, java.time.Duration timeout) {
                return s.restart(service, timeout);
            }

            public void stopKafka() {
                s.stopKafka();
            }

            public void startKafka() {
                s.startKafka();
            }

            public void stopPostgres() {
                s.stopPostgres();
            }

            public void startPostgres() {
                s.startPostgres();
            }

            public void stopAll() {
                s.stopAll();
            }
        };
    }

    private final StackSettings settings;
    private final Runner stack;
    private final boolean allUp;
    private final double startSeconds;
    private final List<String> notBuilt;

    private SystemStack(StackSettings settings, Runner stack, boolean allUp, double startSeconds, List<String> notBuilt) {
        this.settings = settings;
        this.stack = stack;
        this.allUp = allUp;
        this.startSeconds = startSeconds;
        this.notBuilt = notBuilt;
    }

    /** The running stack; starts it on the first call. */
    public static synchronized SystemStack get() {
        if (instance == null) {
            instance = start();
        }
        return instance;
    }

    private static SystemStack start() {
        Path data = Path.of(System.getProperty("lifecert.system-tests.data", "target/stack")).toAbsolutePath();
        prepare(data);
        int offset = freeOffset();
        StackSettings checkout = StackSettings.isolated(data, offset);
        Path apps = AppSnapshot.take(checkout.projectRoot(), data.resolveSibling(data.getFileName() + "-apps"), SERVICES);
        StackSettings settings = new StackSettings(apps, checkout.dataDirectory(), checkout.postgresPort(),
                checkout.kafkaPort(), checkout.kafkaControllerPort(), checkout.keycloakPort(), true, offset);
        List<String> notBuilt = new ArrayList<>();
        for (String name : SERVICES) {
            if (!Files.exists(apps.resolve(name).resolve("target/quarkus-app/quarkus-run.jar"))) {
                notBuilt.add(name);
            }
        }
        org.lifecert.systemtests.clients.MailCatcher.start();
        Runner stack = null;
        long begin = System.nanoTime();
        boolean up;
        try {
            LocalStack local = new LocalStack();
            configureForJourneys(local);
            stack = of(local);
            stopOnExit(stack);
            up = local.start(settings, false);
        } catch (Exception e) {
            stopRunner();
            throw new IllegalStateException("the stack did not start: " + e.getMessage() + " (logs: "
                    + data.resolve("logs") + ")", e);
        }
        double seconds = (System.nanoTime() - begin) / 1e9;
        if (stack.secret("demo.password") != null && tokenIssued(settings, stack)) {
            try {
                Files.writeString(data.resolve("keycloak").resolve(REALM_READY), "realm imported and issuing tokens\n");
            } catch (IOException e) {
                // only an optimisation of the next start
            }
        }
        SystemStack started = new SystemStack(settings, stack, up, seconds, List.copyOf(notBuilt));
        System.out.printf("%nLifeCert system-test stack %s in %.0f s, port offset %d, data %s%n",
                up ? "up" : "started WITH PROBLEMS", seconds, offset, data);
        for (String name : SERVICES) {
            System.out.printf("  %-22s %s  log %s%s%n", name, settings.service(name).baseUrl(), started.logOf(name),
                    notBuilt.contains(name) ? "  (NOT BUILT: skipped)" : "");
        }
        System.out.printf("  keycloak               %s  log %s%n  kafka %s%n%n", settings.oidcUrl(),
                data.resolve("logs/keycloak.log"), settings.kafkaBootstrap());
        return started;
    }

    /**
     * What the journeys need beyond deploy/local's defaults, through its supported per-service
     * configuration:
     * <ul>
     * <li>journey 6: bureau {@code other-bureau}'s yearly window ended yesterday and the period job
     * runs every 5 s, so its uncertified recipients fall OVERDUE during the run;</li>
     * <li>the gateway draws challenges from BLINK, OPEN_MOUTH, TURN_LEFT and NOD only: the recorded
     * footage holds no right turn the liveness detector can see (it never passes +12.7 degrees of
     * yaw against the +20 required; a mirrored left turn reads -21..+7 because the pose model is not
     * mirror-symmetric), so a journey challenged with TURN_RIGHT could only fail. The product keeps
     * all five actions; this is a limit of the test material, written down in the README.</li>
     * </ul>
     */
    static void configureForJourneys(LocalStack local) {
        java.time.LocalDate yesterday = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).minusDays(1);
        local.configure("appeal-service", "lifecert.appeal.bureaus.\"other-bureau\".kind", "FIXED_YEARLY")
                .configure("appeal-service", "lifecert.appeal.bureaus.\"other-bureau\".window-start", "01-01")
                .configure("appeal-service", "lifecert.appeal.bureaus.\"other-bureau\".window-end",
                        String.format("%02d-%02d", yesterday.getMonthValue(), yesterday.getDayOfMonth()))
                .configure("appeal-service", "lifecert.appeal.scheduler.every", "5s")
                .configure("capture-gateway", "lifecert.gateway.challenge.actions", "BLINK,OPEN_MOUTH,TURN_LEFT,NOD");
    }

    private static boolean tokenIssued(StackSettings settings, Runner stack) {
        try {
            String form = "grant_type=password&client_id=lifecert-console&client_secret="
                    + java.net.URLEncoder.encode(stack.secret("oidc.console-secret"), java.nio.charset.StandardCharsets.UTF_8)
                    + "&username=clerk&password="
                    + java.net.URLEncoder.encode(stack.secret("demo.password"), java.nio.charset.StandardCharsets.UTF_8);
            return Api.at(settings.oidcUrl()).postForm("/protocol/openid-connect/token", form).status() == 200;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** Fresh PostgreSQL, Kafka, logs and service run directories; Keycloak and secrets are kept. */
    private static void prepare(Path data) {
        try {
            Files.createDirectories(data);
            try (Stream<Path> entries = Files.list(data)) {
                for (Path entry : entries.toList()) {
                    String name = entry.getFileName().toString();
                    if (!name.equals("keycloak") && !name.equals("secrets.properties")) {
                        deleteTree(entry);
                    }
                }
            }
            // A Keycloak stopped before its realm import finished may hold half a realm: import again.
            Path keycloak = data.resolve("keycloak");
            if (Files.isDirectory(keycloak) && !Files.exists(keycloak.resolve(REALM_READY))) {
                try (Stream<Path> homes = Files.list(keycloak)) {
                    for (Path home : homes.filter(Files::isDirectory).toList()) {
                        if (Files.isDirectory(home.resolve("data"))) {
                            deleteTree(home.resolve("data"));
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare " + data, e);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /**
     * The first port offset (10000, 10100, ...) at which every port the stack needs is free: other
     * engineers run their own stacks and tests on this machine at the same time. Every port stays below
     * the kernel's range for outgoing connections' local ports (32768 up on Linux, read by FreePorts): the
     * fault tests stop PostgreSQL and Kafka and start them again on their ports, which no client connection
     * may have taken meanwhile.
     */
    private static int freeOffset() {
        int floor = FreePorts.ephemeralFloor();
        for (int offset = 10000; 15432 + offset < floor; offset += 100) {
            int o = offset;
            List<Integer> ports = new ArrayList<>(List.of(15432 + o, 9092 + o, 9093 + o, 8180 + o, 8181 + o, 8025 + o, 8026 + o));
            ServiceSpec.ALL.forEach(s -> ports.add(s.port() + o));
            if (ports.stream().allMatch(FreePorts::free)) {
                return offset;
            }
        }
        throw new IllegalStateException("no free port range for the system-test stack");
    }

    /** The checkout (not the snapshot of built services the stack runs from). */
    public static Path checkoutRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            if (Files.exists(dir.resolve("mvnw")) && Files.exists(dir.resolve("deploy/local/pom.xml"))) {
                return dir;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("not inside the LifeCert checkout");
    }

    public void stop() {
        stopRunner();
    }

    private static Runner running;

    /** One hook for the JVM's end, registered before anything starts (a killed run must not leave service JVMs). */
    private static synchronized void stopOnExit(Runner runner) {
        if (running == null) {
            Runtime.getRuntime().addShutdownHook(new Thread(SystemStack::stopRunner, "system-tests-stack-stop"));
        }
        running = runner;
    }

    private static synchronized void stopRunner() {
        if (running != null) {
            Runner r = running;
            running = null;
            r.stopAll();
        }
    }

    public boolean allUp() {
        return allUp;
    }

    public double startSeconds() {
        return startSeconds;
    }

    public List<String> notBuilt() {
        return notBuilt;
    }

    public boolean built(String service) {
        return !notBuilt.contains(service);
    }

    public StackSettings settings() {
        return settings;
    }

    public String url(String service) {
        return settings.service(service).baseUrl();
    }

    public Path logOf(String service) {
        return settings.dataDirectory().resolve("logs").resolve(service + ".log");
    }

    public String secret(String key) {
        return stack.secret(key);
    }

    public String kafkaBootstrap() {
        return settings.kafkaBootstrap();
    }

    /**
     * What deploy/local's mailbox holds, newest first (JSON objects with channel, to, subject, text): the SMS of
     * notification-service (the e-mail goes to {@link org.lifecert.systemtests.clients.MailCatcher} instead).
     */
    public com.fasterxml.jackson.databind.JsonNode mailboxMessages() {
        try {
            java.net.http.HttpResponse<String> response = java.net.http.HttpClient.newHttpClient().send(
                    java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                            "http://127.0.0.1:" + settings.mailboxHttpPort() + "/messages")).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(response.body());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** kill -9 of a service's JVM (needs LocalStack#kill of deploy/local). */
    public void kill(String service) {
        if (!stack.kill(service)) {
            throw new IllegalStateException(service + " was not started by the stack");
        }
    }

    /** Starts a killed service again and waits until /q/health/ready answers. */
    public void restart(String service) {
        if (!stack.restart(service, java.time.Duration.ofMinutes(3))) {
            throw new AssertionError(service + " did not become ready after the restart; log " + logOf(service));
        }
    }

    /** Stops the Kafka broker of the stack (data kept), for a broker restart in the middle of sessions. */
    public void stopKafka() {
        stack.stopKafka();
    }

    /** Starts the stopped broker again on the same ports and data. */
    public void startKafka() {
        stack.startKafka();
    }

    /** Stops PostgreSQL (every service's database, appeal-service's among them); data kept. */
    public void stopPostgres() {
        stack.stopPostgres();
    }

    /** Starts PostgreSQL again on the same port and data. */
    public void startPostgres() {
        stack.startPostgres();
    }

    /** A plain producer on the stack's broker, for poison records and duplicate deliveries. */
    public org.apache.kafka.clients.producer.KafkaProducer<String, byte[]> producer() {
        return new org.apache.kafka.clients.producer.KafkaProducer<>(java.util.Map.of(
                "bootstrap.servers", kafkaBootstrap(), "acks", "all", "enable.idempotence", "false"),
                new org.apache.kafka.common.serialization.StringSerializer(),
                new org.apache.kafka.common.serialization.ByteArraySerializer());
    }

    public TopicReader topics() {
        return new TopicReader(settings.kafkaBootstrap());
    }
}
