package org.lifecert.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.HashMap;
import java.util.Map;

/**
 * Points a Quarkus application under test at the real Kafka broker and a real PostgreSQL
 * database of its own (init arg {@code database}, default {@code lifecert}), makes quarkus-oidc
 * verify {@link TestTokens} and supplies random personal-data keys. Dev Services stay off: they
 * need Docker, and the servers here are the ones the tests must run against.
 *
 * <pre>
 * &#64;QuarkusTestResource(value = LifeCertTestResource.class, initArgs = &#64;ResourceArg(name = "database", value = "appeal"))
 * </pre>
 */
public class LifeCertTestResource implements QuarkusTestResourceLifecycleManager {

    private String database = "lifecert";

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault("database", database);
    }

    @Override
    public Map<String, String> start() {
        TestInfrastructure infra = TestInfrastructure.get();
        Map<String, String> config = new HashMap<>();
        config.put("quarkus.devservices.enabled", "false");
        config.put("quarkus.datasource.devservices.enabled", "false");
        config.put("quarkus.kafka.devservices.enabled", "false");
        config.put("quarkus.datasource.db-kind", "postgresql");
        config.put("quarkus.datasource.jdbc.url", infra.database(database));
        config.put("quarkus.datasource.username", infra.postgresUser());
        config.put("quarkus.datasource.password", infra.postgresPassword());
        config.put("kafka.bootstrap.servers", infra.kafkaBootstrapServers());
        // Real token verification by quarkus-oidc, against the key TestTokens signs with.
        config.put("quarkus.oidc.public-key", TestTokens.publicKey());
        config.put("quarkus.oidc.token.issuer", TestTokens.ISSUER);
        // Personal-data keys, random per test JVM.
        config.put("lifecert.pii.id-hash-key", TestKeys.key("id-hash"));
        config.put("lifecert.pii.template-key-id", "test-1");
        config.put("lifecert.pii.template-keys.test-1", TestKeys.key("template-1"));
        return config;
    }

    @Override
    public void stop() {
        // The servers are shared by every test class of the JVM; they stop when it exits.
    }
}
