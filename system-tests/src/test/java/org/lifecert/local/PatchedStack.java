package org.lifecert.local;

import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.lifecert.testing.KafkaBroker;
import org.lifecert.testing.PostgresServer;

/**
 * OPT-IN (-Dlifecert.system-tests.local-fixes=true), test code only: deploy/local's start sequence
 * (same classes: PostgresServer, KafkaBroker, KeycloakServer, ServiceConfiguration, ServiceProcess)
 * with the extra configuration listed in {@link #FIXES} and printed at start. It was written while
 * deploy/local started the services with configuration they refused (fixed there since 5ca3054);
 * it is still what journey 6 needs (a bureau whose period has ended). The default run uses
 * deploy/local's LocalStack unchanged, so the suite shows the real state.
 */
public final class PatchedStack {

    public static final String FIXES = """
            - appeal-service (journey 6, test configuration): bureau other-bureau's yearly window ends yesterday and the
              period job runs every 5 s, so its recipients fall OVERDUE now; deploy/local has no way to give a service
              extra configuration
            - appeal-service: lifecert.appeal.capture-gateway-url (evidence links point to :8080 otherwise)
            - (applied by deploy/local itself since 5ca3054, 15:10, re-applied here harmlessly: outbox relay on for
              capture-gateway, liveness-service, face-match-service; lifecert.gateway.token.signing-key;
              quarkus.rest-client.appeal.url)""";

    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private final Map<String, ServiceProcess> services = new LinkedHashMap<>();
    private StackSecrets secrets;

    public boolean start(StackSettings settings, BiConsumer<String, String> log) throws Exception {
        Files.createDirectories(settings.dataDirectory());
        secrets = StackSecrets.loadOrCreate(settings.dataDirectory());
        PostgresServer postgres = PostgresServer.start(settings.postgresPort(), settings.dataDirectory().resolve("postgres"));
        started.push(postgres);
        for (ServiceSpec spec : settings.services()) {
            postgres.ensureDatabase(spec.database());
        }
        KafkaBroker kafka = KafkaBroker.start(settings.kafkaPort(), settings.kafkaControllerPort(),
                settings.dataDirectory().resolve("kafka"), 3);
        started.push(kafka);
        KeycloakServer keycloak = new KeycloakServer(settings, secrets);
        keycloak.start();
        started.push(keycloak);

        ServiceConfiguration configuration = new ServiceConfiguration(settings, secrets);
        List<ServiceProcess> list = new ArrayList<>();
        for (ServiceSpec original : settings.services()) {
            if (!Files.exists(settings.serviceJar(original))) {
                log.accept(original.name(), "not built; skipped");
                continue;
            }
            boolean outbox = original.publishesOutbox() || List.of("capture-gateway", "liveness-service", "face-match-service")
                    .contains(original.name());
            ServiceSpec spec = new ServiceSpec(original.name(), original.port(), original.database(), outbox);
            Map<String, String> config = new LinkedHashMap<>(configuration.forService(spec));
            if (spec.name().equals("capture-gateway")) {
                config.remove("lifecert.gateway.token-key");
                config.put("lifecert.gateway.token.signing-key", secrets.get("gateway.token-key"));
                config.put("quarkus.rest-client.appeal.url", settings.service("appeal-service").baseUrl());
            }
            if (spec.name().equals("appeal-service")) {
                config.put("lifecert.appeal.capture-gateway-url", settings.service("capture-gateway").baseUrl());
                java.time.LocalDate yesterday = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).minusDays(1);
                config.put("lifecert.appeal.bureaus.\"other-bureau\".kind", "FIXED_YEARLY");
                config.put("lifecert.appeal.bureaus.\"other-bureau\".window-start", "01-01");
                config.put("lifecert.appeal.bureaus.\"other-bureau\".window-end",
                        String.format("%02d-%02d", yesterday.getMonthValue(), yesterday.getDayOfMonth()));
                config.put("lifecert.appeal.scheduler.every", "5s");
            }
            ServiceProcess process = new ServiceProcess(spec, settings, config);
            process.start();
            started.push(process);
            services.put(spec.name(), process);
            list.add(process);
        }
        boolean allUp = keycloak.awaitReady(Duration.ofMinutes(8));
        for (ServiceProcess p : list) {
            boolean ready = p.awaitReady(Duration.ofMinutes(5));
            if (!ready) {
                log.accept(p.spec().name(), "not ready");
            }
            allUp &= ready;
        }
        return allUp;
    }

    public StackSecrets secrets() {
        return secrets;
    }

    public boolean kill(String service) {
        ServiceProcess p = services.get(service);
        if (p == null) {
            return false;
        }
        p.kill();
        return true;
    }

    public boolean restart(String service, Duration timeout) {
        ServiceProcess p = services.get(service);
        if (p == null) {
            return false;
        }
        p.kill();
        p.start();
        return p.awaitReady(timeout);
    }

    public void stopAll() {
        while (!started.isEmpty()) {
            try {
                started.pop().close();
            } catch (Exception e) {
                System.err.println("stop failed: " + e);
            }
        }
    }
}
