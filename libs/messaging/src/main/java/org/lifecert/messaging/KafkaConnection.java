package org.lifecert.messaging;

import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.Map;

/**
 * How every Kafka client of a service reaches the cluster: the bootstrap servers plus whatever
 * {@code kafka.security.*}, {@code kafka.sasl.*} and {@code kafka.ssl.*} settings the service is
 * given (TLS + SCRAM on Strimzi in Kubernetes, plain on the local stack and in tests).
 */
@ApplicationScoped
public class KafkaConnection {

    private final Map<String, Object> connection = new HashMap<>();

    public KafkaConnection(@Identifier("default-kafka-broker") Map<String, Object> broker, MessagingConfig config) {
        broker.forEach((key, value) -> {
            if (key.startsWith("security.") || key.startsWith("sasl.") || key.startsWith("ssl.")) {
                connection.put(key, value);
            }
        });
        connection.put("bootstrap.servers", config.kafkaBootstrapServers());
    }

    /** The connection settings merged with a client's own (the client's win). */
    public Map<String, Object> with(Map<String, Object> clientSettings) {
        Map<String, Object> all = new HashMap<>(connection);
        all.putAll(clientSettings);
        return all;
    }
}
