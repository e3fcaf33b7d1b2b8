package org.lifecert.testing.frames;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.lifecert.events.Envelope;
import org.lifecert.events.EventCodec;
import org.lifecert.events.FrameBatchCaptured;
import org.lifecert.testing.TestInfrastructure;

/**
 * The load-run driver shared by the measurement: publishes sessions (built by {@code sessions}) on the frame topic,
 * paced at {@code rate} sessions/s (0 = as fast as the producer goes), and times each session from the broker's
 * acknowledgement of its last batch to the arrival of its verdict on {@code verdictTopic}. Not a test: a measurement
 * run by hand (README, "Throughput").
 */
public final class LoadRun {

    public record Result(String label, int sessions, double rate, double sessionsPerSecond, double p50Millis,
                         double p95Millis, double maxMillis, double cpuMillisPerSession, double loadAverage) {
        public String line() {
            return String.format(Locale.ROOT,
                    "%s sessions=%d offered=%s sessions/s=%.2f last-batch-to-verdict p50=%.0fms p95=%.0fms max=%.0fms "
                            + "cpu/session=%.0fms (test JVM: service + in-JVM Kafka broker) loadavg=%.1f cores=%d",
                    label, sessions, rate == 0 ? "max" : rate + "/s", sessionsPerSecond, p50Millis, p95Millis, maxMillis,
                    cpuMillisPerSession, loadAverage, Runtime.getRuntime().availableProcessors());
        }
    }

    private LoadRun() {
    }

    public static Result run(String label, int count, double rate, String verdictTopic,
                             Function<Integer, List<Envelope<FrameBatchCaptured>>> sessions) throws Exception {
        String bootstrap = TestInfrastructure.get().kafkaBootstrapServers();
        Map<String, Long> arrived = new ConcurrentHashMap<>();
        AtomicBoolean running = new AtomicBoolean(true);
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of("bootstrap.servers", bootstrap,
                "enable.auto.commit", "false"), new StringDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = List.of();
        for (int attempt = 0; attempt < 50 && partitions.isEmpty(); attempt++) {
            partitions = consumer.partitionsFor(verdictTopic).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            if (partitions.isEmpty()) {
                Thread.sleep(200);
            }
        }
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
        Thread reader = new Thread(() -> {
            while (running.get()) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(20))) {
                    long now = System.nanoTime();
                    Envelope<?> e = EventCodec.shared().decode(r.value());
                    String session = sessionOf(e);
                    if (session != null) {
                        arrived.putIfAbsent(session, now);
                    }
                }
            }
            consumer.close();
        });
        reader.start();

        List<List<Envelope<FrameBatchCaptured>>> prepared = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            prepared.add(sessions.apply(i));
        }
        Map<String, Long> lastBatch = new ConcurrentHashMap<>();
        long cpuBefore = processCpuNanos();
        long start = System.nanoTime();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of("bootstrap.servers", bootstrap,
                "max.request.size", 16 * 1024 * 1024, "linger.ms", 1), new StringSerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < count; i++) {
                if (rate > 0) {
                    long due = start + (long) (i * 1e9 / rate);
                    while (System.nanoTime() < due) {
                        Thread.sleep(1);
                    }
                }
                List<Envelope<FrameBatchCaptured>> batches = prepared.get(i);
                for (int b = 0; b < batches.size(); b++) {
                    Envelope<FrameBatchCaptured> batch = batches.get(b);
                    String session = batch.data().sessionId().toString();
                    boolean last = b == batches.size() - 1;
                    producer.send(new ProducerRecord<>(batch.topic(), batch.partitionKey(),
                            EventCodec.shared().encodeBytes(batch)), (md, err) -> {
                                if (err == null && last) {
                                    lastBatch.put(session, System.nanoTime());
                                }
                            });
                }
            }
            producer.flush();
        }
        long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        while (arrived.keySet().containsAll(lastBatch.keySet()) == false || lastBatch.size() < count) {
            if (System.nanoTime() > deadline) {
                break;
            }
            Thread.sleep(20);
        }
        long end = arrived.values().stream().mapToLong(Long::longValue).max().orElse(System.nanoTime());
        long cpu = processCpuNanos() - cpuBefore;
        running.set(false);
        reader.join(5000);
        List<Double> latencies = new ArrayList<>();
        lastBatch.forEach((session, sent) -> {
            Long got = arrived.get(session);
            if (got != null) {
                latencies.add((got - sent) / 1e6);
            }
        });
        Collections.sort(latencies);
        int done = latencies.size();
        Result result = new Result(label, done, rate, done / ((end - start) / 1e9), percentile(latencies, 0.5),
                percentile(latencies, 0.95), latencies.isEmpty() ? 0 : latencies.get(done - 1),
                cpu / 1e6 / Math.max(1, done), ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        Files.writeString(Path.of("target/load-run.txt"), result.line() + System.lineSeparator(),
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        System.out.println("LOAD " + result.line());
        return result;
    }

    private static String sessionOf(Envelope<?> e) {
        if (e.data() instanceof org.lifecert.events.LivenessVerdict v) {
            return v.sessionId().toString();
        }
        if (e.data() instanceof org.lifecert.events.MatchVerdict v) {
            return v.sessionId().toString();
        }
        return null;
    }

    private static double percentile(List<Double> sorted, double p) {
        if (sorted.isEmpty()) {
            return 0;
        }
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1));
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** Random ids for a session script of the load run. */
    public static UUID person() {
        return UUID.randomUUID();
    }
}
