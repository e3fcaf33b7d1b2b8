package org.lifecert.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

class TestInfrastructureTests {

    private final TestInfrastructure infra = TestInfrastructure.get();

    @Test
    void postgresRunsWithLogicalWalForDebezium() throws Exception {
        String url = infra.database("infra_check");
        try (Connection c = DriverManager.getConnection(url, infra.postgresUser(), infra.postgresPassword());
                ResultSet rs = c.createStatement().executeQuery("show wal_level")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("logical");
        }
    }

    @Test
    void kafkaDeliversWhatWasProducedAndSurvivesARestart() throws Exception {
        String topic = "infra-check-" + UUID.randomUUID();
        produce(topic, "before");
        if (infra.kafkaControllable()) {
            infra.stopKafka();
            infra.startKafka();
        }
        produce(topic, "after");
        assertThat(consume(topic, 2)).containsExactly("before", "after");
    }

    private void produce(String topic, String value) throws Exception {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                "bootstrap.servers", infra.kafkaBootstrapServers()), new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, "k", value)).get();
        }
    }

    private List<String> consume(String topic, int expected) {
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                "bootstrap.servers", infra.kafkaBootstrapServers(), "group.id", "check-" + UUID.randomUUID(),
                "auto.offset.reset", "earliest"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (values.size() < expected && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    values.add(r.value());
                }
            }
        }
        return values;
    }
}
