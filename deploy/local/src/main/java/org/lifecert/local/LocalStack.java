package org.lifecert.local;

import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.jboss.logging.Logger;
import org.lifecert.local.mailbox.LocalMailbox;
import org.lifecert.testing.KafkaBroker;
import org.lifecert.testing.PostgresServer;

/**
 * The embedded default: PostgreSQL, Kafka (KRaft), Keycloak and the six services on fixed local
 * ports, without Docker. Data lives in the data directory ({@code .lifecert/} of the checkout) and
 * survives restarts. Ctrl-C stops everything it started, in reverse order.
 */
public final class LocalStack {

    // Not static: the log manager is chosen in main() before the first logger exists.
    private final Logger LOG = Logger.getLogger(LocalStack.class);

    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private final java.util.Map<String, ServiceProcess> running = new java.util.concurrent.ConcurrentHashMap<>();
    private StackSecrets secrets;
    private StackSettings settings;
    private PostgresServer postgres;
    private KafkaBroker kafka;
    private LocalMailbox mailbox;
    private final java.util.Map<String, java.util.Map<String, String>> overrides = new java.util.HashMap<>();

    /**
     * Extra configuration for one service, applied over the stack's own at start (system tests give
     * a bureau a period that has ended, or a gateway the actions its recorded footage can perform).
     */
    public LocalStack configure(String service, String key, String value) {
        overrides.computeIfAbsent(service, s -> new java.util.LinkedHashMap<>()).put(key, value);
        return this;
    }

    /**
     * Starts only these services (with PostgreSQL and Kafka; Keycloak as the settings say) instead of all six: load
     * runs of a part of the stack, e.g. the two face workers. Empty (the default) means all.
     */
    public LocalStack only(String... services) {
        only = java.util.Set.of(services);
        return this;
    }

    private java.util.Set<String> only = java.util.Set.of();

    /** Process id of a started service's JVM; -1 when the stack did not start it or it is not running. */
    public long pid(String service) {
        ServiceProcess process = running.get(service);
        return process == null ? -1 : process.pid();
    }

    /** The Kafka bootstrap address of the running stack. */
    public String kafkaBootstrap() {
        return settings.kafkaBootstrap();
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("java.util.logging.manager", "org.jboss.logmanager.LogManager");
        LocalStack stack = new LocalStack();
        Runtime.getRuntime().addShutdownHook(new Thread(stack::stopAll, "lifecert-local-stop"));
        stack.start(StackSettings.fromEnvironment(args), true);
        new CountDownLatch(1).await();
    }

    /** Starts everything; true when every part became ready. {@link #stopAll()} stops it again. */
    public boolean start(StackSettings settings, boolean printSummary) throws Exception {
        long begin = System.nanoTime();
        Files.createDirectories(settings.dataDirectory());
        StackSecrets secrets = StackSecrets.loadOrCreate(settings.dataDirectory());

        this.settings = settings;
        postgres = PostgresServer.start(settings.postgresPort(), settings.dataDirectory().resolve("postgres"));
        started.push(this::stopPostgres);
        for (ServiceSpec spec : settings.services()) {
            postgres.ensureDatabase(spec.database());
        }
        kafka = KafkaBroker.start(settings.kafkaPort(), settings.kafkaControllerPort(),
                settings.dataDirectory().resolve("kafka"), StackTuning.kafkaPartitions());
        started.push(kafka);

        KeycloakServer keycloak = null;
        if (settings.keycloak()) {
            keycloak = new KeycloakServer(settings, secrets);
            keycloak.start();
            started.push(keycloak);
        }

        mailbox = LocalMailbox.start(settings.mailboxSmtpPort(), settings.mailboxHttpPort());
        started.push(mailbox);

        ServiceConfiguration configuration = new ServiceConfiguration(settings, secrets);
        List<ServiceProcess> services = new ArrayList<>();
        for (ServiceSpec spec : settings.services()) {
            if (!only.isEmpty() && !only.contains(spec.name())) {
                continue;
            }
            if (!Files.exists(settings.serviceJar(spec))) {
                LOG.warnf("%s is not built; skipped (./mvnw install -DskipTests builds it)", spec.name());
                continue;
            }
            java.util.Map<String, String> config = new java.util.LinkedHashMap<>(configuration.forService(spec));
            if (spec.name().equals("notification-service")) {
                config.putAll(mailboxConfiguration(mailbox, System.getenv()));
            }
            config.putAll(StackTuning.config(spec.name()));
            config.putAll(overrides.getOrDefault(spec.name(), java.util.Map.of()));
            ServiceProcess service = new ServiceProcess(spec, settings, config);
            service.start();
            started.push(service);
            services.add(service);
            running.put(spec.name(), service);
        }

        boolean allUp = true;
        if (keycloak != null && !keycloak.awaitReady(Duration.ofMinutes(5))) {
            LOG.error("Keycloak did not become ready; see " + settings.dataDirectory().resolve("logs/keycloak.log"));
            allUp = false;
        }
        for (ServiceProcess service : services) {
            if (!service.awaitReady(Duration.ofMinutes(4))) {
                LOG.errorf("%s is not ready; see %s", service.spec().name(),
                                settings.dataDirectory().resolve("logs/" + service.spec().name() + ".log"));
                allUp = false;
            }
        }
        if (allUp && settings.keycloak()) {
            new DemoSeed(settings, secrets).seed();
        }
        this.secrets = secrets;
        if (printSummary) {
            printSummary(settings, secrets, services, allUp, (System.nanoTime() - begin) / 1_000_000_000.0);
        }
        return allUp;
    }

    /**
     * notification-service's e-mail and SMS go to the local mailbox, except where the environment names a real SMTP
     * server ({@code LIFECERT_SMTP_HOST}) or SMS gateway ({@code LIFECERT_SMS_ENDPOINT}): system tests receive the
     * e-mail in their own SMTP server that way, and a developer can try a real one.
     */
    static Map<String, String> mailboxConfiguration(LocalMailbox mailbox, Map<String, String> environment) {
        Map<String, String> c = new java.util.LinkedHashMap<>();
        if (isBlank(environment.get("LIFECERT_SMTP_HOST"))) {
            c.put("quarkus.mailer.host", "127.0.0.1");
            c.put("quarkus.mailer.port", String.valueOf(mailbox.smtpPort()));
        }
        if (isBlank(environment.get("LIFECERT_SMS_ENDPOINT"))) {
            c.put("lifecert.notification.sms.endpoint", mailbox.smsEndpoint());
        }
        return c;
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    /** Where notification-service's e-mail and SMS land unless real ones are configured; null before the start. */
    public LocalMailbox mailbox() {
        return mailbox;
    }

    /** The generated keys and demo passwords of the running stack. */
    public StackSecrets secrets() {
        return secrets;
    }

    private void printSummary(StackSettings settings, StackSecrets secrets, List<ServiceProcess> services, boolean allUp,
            double seconds) {
        StringBuilder out = new StringBuilder("\n");
        out.append(allUp ? "LifeCert is up" : "LifeCert started with problems (see the logs above)")
                .append(String.format(" in %.0f s. Data: %s%n%n", seconds, settings.dataDirectory()));
        out.append("  Self-service page (recipients)   http://127.0.0.1:8080/\n");
        out.append("  Reviewer console                 http://127.0.0.1:8084/\n");
        out.append("  Bureau console (enrollment)      http://127.0.0.1:8081/\n");
        for (ServiceProcess s : services) {
            out.append(String.format("  %-32s %s/q/swagger-ui  (health %s/q/health)%n", s.spec().name(),
                    s.spec().baseUrl(), s.spec().baseUrl()));
        }
        if (settings.keycloak()) {
            out.append(String.format("  OIDC provider (Keycloak)         http://127.0.0.1:%d/admin  admin / %s%n",
                    settings.keycloakPort(), secrets.get("keycloak.admin-password")));
            out.append(String.format("%n  Demo bureau 'demo-bureau' staff (password %s): clerk, reviewer, admin;%n",
                    secrets.get("demo.password")));
            out.append("  another bureau for isolation checks: clerk-other (bureau 'other-bureau').\n");
        }
        out.append(String.format("  Mailbox (e-mail and SMS sent)    %s%n", mailbox.pageUrl()));
        out.append("  Kafka ").append(settings.kafkaBootstrap()).append(" · PostgreSQL 127.0.0.1:")
                .append(settings.postgresPort()).append(" (user postgres)\n");
        out.append("  Logs: ").append(settings.dataDirectory().resolve("logs")).append("\n\nCtrl-C stops everything.\n");
        System.out.println(out);
    }

    /** kill -9 of one service's JVM, for fault tests; false when the stack did not start it. */
    public boolean kill(String service) {
        ServiceProcess process = running.get(service);
        if (process == null) {
            return false;
        }
        process.kill();
        return true;
    }

    /** Starts a killed service again (same configuration, same log) and waits until it is ready. */
    public boolean restart(String service, Duration timeout) {
        ServiceProcess process = running.get(service);
        if (process == null) {
            return false;
        }
        process.kill();
        process.start();
        return process.awaitReady(timeout);
    }

    /**
     * Stops the Kafka broker (fault tests: a broker restart while sessions run). Its data is kept;
     * {@link #startKafka()} brings the same broker back on the same ports.
     */
    public void stopKafka() {
        kafka.stop();
    }

    /** Starts the broker stopped by {@link #stopKafka()} again (same ports, same log directory). */
    public void startKafka() {
        kafka.restart();
    }

    /**
     * Stops PostgreSQL (pg_ctl fast shutdown: every connection of every service is dropped), data
     * kept. Fault tests use it for a database restart under the running services.
     */
    public synchronized void stopPostgres() {
        if (postgres != null) {
            postgres.close();
            postgres = null;
        }
    }

    /** Starts PostgreSQL again on the same port and data directory after {@link #stopPostgres()}. */
    public synchronized void startPostgres() {
        if (postgres == null) {
            postgres = PostgresServer.start(settings.postgresPort(), settings.dataDirectory().resolve("postgres"));
        }
    }

    public void stopAll() {
        System.out.println("\nstopping LifeCert ...");
        while (!started.isEmpty()) {
            try {
                started.pop().close();
            } catch (Exception e) {
                LOG.warn("stop failed", e);
            }
        }
        System.out.println("stopped.");
    }

}
