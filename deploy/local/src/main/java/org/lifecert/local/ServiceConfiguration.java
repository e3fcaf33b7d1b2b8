package org.lifecert.local;

import java.util.LinkedHashMap;
import java.util.Map;

/** What each service is told about the local stack: servers, provider, keys, its neighbours. */
final class ServiceConfiguration {

    private final StackSettings settings;
    private final StackSecrets secrets;

    ServiceConfiguration(StackSettings settings, StackSecrets secrets) {
        this.settings = settings;
        this.secrets = secrets;
    }

    Map<String, String> forService(ServiceSpec spec) {
        Map<String, String> c = new LinkedHashMap<>();
        c.put("quarkus.http.host", "127.0.0.1");
        c.put("quarkus.http.port", String.valueOf(spec.port()));
        c.put("quarkus.log.console.json", "false");
        c.put("quarkus.datasource.jdbc.url",
                "jdbc:postgresql://127.0.0.1:" + settings.postgresPort() + "/" + spec.database());
        c.put("quarkus.datasource.username", "postgres");
        c.put("quarkus.datasource.password", "postgres");
        c.put("kafka.bootstrap.servers", settings.kafkaBootstrap());
        c.put("lifecert.messaging.relay.enabled", String.valueOf(spec.publishesOutbox()));
        c.put("quarkus.oidc.auth-server-url", settings.oidcUrl());
        c.put("quarkus.oidc.client-id", "lifecert-console");
        c.put("quarkus.oidc.credentials.secret", secrets.get("oidc.console-secret"));
        c.put("quarkus.oidc.connection-delay", "3M");
        c.put("lifecert.pii.id-hash-key", secrets.get("pii.id-hash-key"));
        c.put("lifecert.pii.template-key-id", "local1");
        c.put("lifecert.pii.template-keys.local1", secrets.get("pii.template-key.local1"));
        c.put("lifecert.gateway.token.signing-key", secrets.get("gateway.token-key"));
        c.put("quarkus.rest-client.appeal.url", settings.service("appeal-service").baseUrl());
        c.put("lifecert.appeal.capture-gateway-url", settings.service("capture-gateway").baseUrl());
        // Neighbours, for the services that call others.
        for (ServiceSpec other : settings.services()) {
            c.put("lifecert.services." + other.name() + ".url", other.baseUrl());
            c.put("quarkus.rest-client." + other.name() + ".url", other.baseUrl());
        }
        return c;
    }
}
