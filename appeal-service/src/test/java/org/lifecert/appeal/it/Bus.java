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

    private static final List<ConsumerRecord<String, byte[]>> SEEN = new java.util.concurrent.CopyOnWriteArrayList<>();
    private static Thread reader;

    /**
     * One reader of lifecert.certification.v1 for the whole test JVM: assigned to every partition from
     * the start (no group join per assertion), appending what appeal-service publishes.
     */
    private static synchronized void startReader() {
        if (reader != null) {
            return;
        }
        reader = new Thread(() -> {
            try (var consumer = new org.apache.kafka.clients.consumer.KafkaConsumer<String, byte[]>(Map.<String, Object>of(
                    "bootstrap.servers", TestInfrastructure.get().kafkaBootstrapServers(),
                    "enable.auto.commit", "false"), new org.apache.kafka.common.serialization.StringDeserializer(),
                    new org.apache.kafka.common.serialization.ByteArrayDeserializer())) {
                List<org.apache.kafka.common.TopicPartition> partitions = new java.util.ArrayList<>();
                while (partitions.isEmpty()) {
                    var infos = consumer.partitionsFor(Topics.CERTIFICATION, Duration.ofSeconds(10));
                    if (infos != null) {
                        infos.forEach(i -> partitions.add(new org.apache.kafka.common.TopicPartition(i.topic(), i.partition())));
                    }
                }
                consumer.assign(partitions);
                consumer.seekToBeginning(partitions);
                while (!Thread.currentThread().isInterrupted()) {
                    consumer.poll(Duration.ofMillis(50)).forEach(SEEN::add);
                }
            } catch (org.apache.kafka.common.errors.InterruptException e) {
                Thread.currentThread().interrupt();
            }
        }, "certification-topic-reader");
        reader.setDaemon(true);
        reader.start();
    }

    private static List<Envelope<? extends EventData>> matching(UUID person, String type) {
        String marker = "\"type\":\"" + type + "\"";
        return SEEN.stream().filter(r -> person.toString().equals(r.key())
                        && new String(r.value(), java.nio.charset.StandardCharsets.UTF_8).contains(marker))
                .<Envelope<? extends EventData>>map(r -> EventCodec.shared().decode(r.value())).toList();
    }

    /** Events of {@code type} published for {@code person} on lifecert.certification.v1 (waits for {@code n}). */
    static List<Envelope<? extends EventData>> published(UUID person, String type, int n) {
        startReader();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                .until(() -> matching(person, type).size() >= n);
        return matching(person, type);
    }

    /** All events of {@code type} for {@code person} once nothing new arrived for 1.5 s. */
    static List<Envelope<? extends EventData>> settled(UUID person, String type) {
        startReader();
        int[] last = {-1};
        long[] since = {System.nanoTime()};
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> {
            int size = SEEN.size();
            if (size != last[0]) {
                last[0] = size;
                since[0] = System.nanoTime();
                return false;
            }
            return System.nanoTime() - since[0] > 1_500_000_000L;
        });
        return matching(person, type);
    }
}
