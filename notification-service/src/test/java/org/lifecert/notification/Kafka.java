package org.lifecert.notification;

import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.lifecert.events.Envelope;
import org.lifecert.events.EventCodec;
import org.lifecert.events.EventData;
import org.lifecert.testing.TestInfrastructure;

/** Publishes events to the real test broker, as the producing services would. */
final class Kafka {

    private static KafkaProducer<String, byte[]> producer;

    private Kafka() {
    }

    static synchronized KafkaProducer<String, byte[]> producer() {
        if (producer == null) {
            producer = new KafkaProducer<>(Map.<String, Object>of("bootstrap.servers",
                    TestInfrastructure.get().kafkaBootstrapServers(), "linger.ms", "5"),
                    new StringSerializer(), new ByteArraySerializer());
        }
        return producer;
    }

    static void publish(Envelope<? extends EventData> event) {
        publishBytes(event.topic(), event.subject(), EventCodec.shared().encodeBytes(event));
    }

    static void publishBytes(String topic, String key, byte[] bytes) {
        try {
            producer().send(new ProducerRecord<>(topic, key, bytes)).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
