package org.lifecert.appeal.it;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.lifecert.events.Envelope;
import org.lifecert.events.EventCodec;
import org.lifecert.events.EventData;
import org.lifecert.events.Topics;
import org.lifecert.testing.TestInfrastructure;
import org.lifecert.testing.TopicReader;

/** Sends events to the real broker as their producers would, and reads what appeal-service published. */
final class Bus {

    private static KafkaProducer<String, byte[]> producer;

    private Bus() {
    }

    static synchronized KafkaProducer<String, byte[]> producer() {
        if (producer == null) {
            producer = new KafkaProducer<>(Map.<String, Object>of("bootstrap.servers",
                    TestInfrastructure.get().kafkaBootstrapServers(), "linger.ms", "0"),
                    new StringSerializer(), new ByteArraySerializer());
        }
        return producer;
    }

    static void send(Envelope<? extends EventData> event) {
        try {
            producer().send(new ProducerRecord<>(event.topic(), event.partitionKey(),
                    EventCodec.shared().encodeBytes(event))).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @SafeVarargs
    static void send(Envelope<? extends EventData>... events) {
        for (Envelope<? extends EventData> e : events) {
            send(e);
        }
    }

    static void sendAll(List<Envelope<? extends EventData>> events) {
        events.forEach(Bus::send);
    }

    static JsonPath status(UUID person) {
        return given().get("/internal/v1/persons/{id}/certification", person).then().statusCode(200).extract().jsonPath();
    }

    /** Waits until the person's state is {@code state}; returns the status. */
    static JsonPath awaitState(UUID person, String state) {
        await().atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofMillis(100)).until(() -> {
            var response = given().get("/internal/v1/persons/{id}/certification", person);
            return response.statusCode() == 200 && state.equals(response.jsonPath().getString("state"));
        });
        return status(person);
    }

    /** Events of {@code type} published for {@code person} on lifecert.certification.v1 (waits for {@code n}). */
    static List<Envelope<? extends EventData>> published(UUID person, String type, int n) {
        List<ConsumerRecord<String, byte[]>> records = TopicReader.onTestBroker().await(Topics.CERTIFICATION,
                r -> person.toString().equals(r.key()) && new String(r.value()).contains("\"type\":\"" + type + "\""),
                n, Duration.ofSeconds(30));
        return records.stream().<Envelope<? extends EventData>>map(r -> EventCodec.shared().decode(r.value())).toList();
    }

    /** All events of {@code type} for {@code person} once the topic has settled. */
    static List<Envelope<? extends EventData>> settled(UUID person, String type) {
        List<ConsumerRecord<String, byte[]>> records = TopicReader.onTestBroker().settle(Topics.CERTIFICATION,
                r -> person.toString().equals(r.key()) && new String(r.value()).contains("\"type\":\"" + type + "\""),
                Duration.ofSeconds(3));
        return records.stream().<Envelope<? extends EventData>>map(r -> EventCodec.shared().decode(r.value())).toList();
    }
}
