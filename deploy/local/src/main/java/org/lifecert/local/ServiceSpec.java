package org.lifecert.local;

import java.util.List;

/** One LifeCert service as the local stack runs it. */
public record ServiceSpec(String name, int port, String database, boolean publishesOutbox) {

    public static final List<ServiceSpec> ALL = List.of(
            new ServiceSpec("capture-gateway", 8080, "gateway", true),
            new ServiceSpec("enrollment-service", 8081, "enrollment", true),
            new ServiceSpec("face-match-service", 8082, "facematch", true),
            new ServiceSpec("liveness-service", 8083, "liveness", true),
            new ServiceSpec("appeal-service", 8084, "appeal", true),
            new ServiceSpec("notification-service", 8085, "notification", false));

    /** The same service moved by {@code offset} ports (system tests run beside a developer's stack). */
    public ServiceSpec shifted(int offset) {
        return new ServiceSpec(name, port + offset, database, publishesOutbox);
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public static ServiceSpec named(String name) {
        return ALL.stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no service " + name));
    }
}
