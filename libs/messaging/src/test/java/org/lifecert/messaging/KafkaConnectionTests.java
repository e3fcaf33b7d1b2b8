package org.lifecert.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class KafkaConnectionTests {

    @Test
    void securitySettingsReachEveryClientButOtherKafkaSettingsDoNot() {
        MessagingConfig config = (MessagingConfig) java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {MessagingConfig.class},
                (proxy, method, args) -> method.getName().equals("kafkaBootstrapServers") ? "broker:9093" : null);
        KafkaConnection connection = new KafkaConnection(Map.of(
                "security.protocol", "SASL_SSL", "sasl.mechanism", "SCRAM-SHA-512",
                "sasl.jaas.config", "scram", "ssl.truststore.location", "/certs/ca.p12",
                "group.id", "someone-elses", "bootstrap.servers", "ignored:1"), config);

        Map<String, Object> producer = connection.with(Map.of("acks", "all"));

        assertThat(producer).containsEntry("bootstrap.servers", "broker:9093")
                .containsEntry("security.protocol", "SASL_SSL").containsEntry("sasl.mechanism", "SCRAM-SHA-512")
                .containsEntry("ssl.truststore.location", "/certs/ca.p12").containsEntry("acks", "all")
                .doesNotContainKey("group.id");
    }
}
