package org.lifecert.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StackSecretsTests {

    @TempDir
    Path data;

    @Test
    void secondStartReusesTheKeysOfTheFirstSoSealedDataStaysReadable() throws Exception {
        StackSecrets first = StackSecrets.loadOrCreate(data);
        StackSecrets second = StackSecrets.loadOrCreate(data);

        assertThat(second.get("pii.template-key.local1")).isEqualTo(first.get("pii.template-key.local1"));
        assertThat(second.get("demo.password")).isEqualTo(first.get("demo.password"));
        assertThat(Base64.getDecoder().decode(first.get("pii.id-hash-key"))).hasSize(32);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data.resolve("secrets.properties"))))
                .isEqualTo("rw-------");
    }

    @Test
    void everyServiceGetsItsOwnDatabaseAndTheSharedKeys() {
        StackSecrets secrets = StackSecrets.loadOrCreate(data);
        StackSettings settings = new StackSettings(data, data, 15432, 9092, 9093, 8180, true, 0);
        ServiceConfiguration configuration = new ServiceConfiguration(settings, secrets);

        var appeal = configuration.forService(ServiceSpec.ALL.stream()
                .filter(s -> s.name().equals("appeal-service")).findFirst().orElseThrow());
        var gateway = configuration.forService(ServiceSpec.ALL.get(0));

        assertThat(appeal.get("quarkus.datasource.jdbc.url")).endsWith(":15432/appeal");
        assertThat(appeal.get("lifecert.messaging.relay.enabled")).isEqualTo("true");
        assertThat(gateway.get("lifecert.messaging.relay.enabled")).isEqualTo("true");
        assertThat(gateway.get("quarkus.rest-client.appeal.url")).isEqualTo("http://127.0.0.1:8084");
        assertThat(gateway.get("lifecert.gateway.token.signing-key")).isNotBlank();
        assertThat(gateway.get("lifecert.pii.id-hash-key")).isEqualTo(appeal.get("lifecert.pii.id-hash-key"));
        assertThat(ServiceSpec.ALL).extracting(ServiceSpec::database).doesNotHaveDuplicates();
        assertThat(ServiceSpec.ALL).extracting(ServiceSpec::port).doesNotHaveDuplicates();
    }
}
