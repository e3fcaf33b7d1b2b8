package org.lifecert.systemtests.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.lifecert.systemtests.stack.SystemStack;

/**
 * Every {@code period}: CPU % (of one core) and RSS of each service JVM, read from /proc through
 * ProcessHandle and /proc/<pid>/status, and the lag (records) of every consumer group on the broker.
 */
final class ResourceSampler implements Runnable {

    record Sample(Instant at, Map<String, Double> cpuPercent, Map<String, Long> rssMb, Map<String, Long> lag) {
    }

    private final List<Sample> samples = new CopyOnWriteArrayList<>();
    private final Duration period;
    private volatile boolean stop;

    ResourceSampler(Duration period) {
        this.period = period;
    }

    List<Sample> samples() {
        return samples;
    }

    void stop() {
        stop = true;
    }

    @Override
    public void run() {
        SystemStack stack = SystemStack.get();
        Map<String, Long> lastCpu = new LinkedHashMap<>();
        long lastAt = System.nanoTime();
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", stack.kafkaBootstrap()))) {
            while (!stop) {
                long now = System.nanoTime();
                Map<String, Double> cpu = new LinkedHashMap<>();
                Map<String, Long> rss = new LinkedHashMap<>();
                for (String service : SystemStack.SERVICES) {
                    Optional<ProcessHandle> h = processOf(service);
                    if (h.isEmpty()) {
                        continue;
                    }
                    long total = h.get().info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
                    Long before = lastCpu.put(service, total);
                    if (before != null) {
                        cpu.put(service, 100.0 * (total - before) / Math.max(1, now - lastAt));
                    }
                    rss.put(service, rssMb(h.get().pid()));
                }
                lastAt = now;
                samples.add(new Sample(Instant.now(), cpu, rss, lag(admin)));
                Thread.sleep(Math.max(0, period.toMillis() - (System.nanoTime() - now) / 1_000_000));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            System.err.println("sampler stopped: " + e);
        }
    }

    /** The service's JVM: a child of this JVM running {@code <service>/target/quarkus-app/quarkus-run.jar}. */
    private static Optional<ProcessHandle> processOf(String service) {
        String jar = service + "/target/quarkus-app/quarkus-run.jar";
        return ProcessHandle.current().children().filter(p -> p.info().arguments().map(args -> {
            for (String arg : args) {
                if (arg.endsWith(jar)) {
                    return true;
                }
            }
            return false;
        }).orElse(false)).findFirst();
    }

    private static long rssMb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            // process gone
        }
        return -1;
    }

    private static Map<String, Long> lag(Admin admin) {
        Map<String, Long> lag = new LinkedHashMap<>();
        try {
            Collection<ConsumerGroupListing> groups = admin.listConsumerGroups().all().get(5, TimeUnit.SECONDS);
            for (ConsumerGroupListing g : groups) {
                if (g.groupId().startsWith("test-reader-")) {
                    continue;
                }
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(g.groupId())
                        .partitionsToOffsetAndMetadata().get(5, TimeUnit.SECONDS);
                Map<TopicPartition, OffsetSpec> latest = new LinkedHashMap<>();
                committed.keySet().forEach(tp -> latest.put(tp, OffsetSpec.latest()));
                Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(latest).all()
                        .get(5, TimeUnit.SECONDS);
                long total = 0;
                for (Map.Entry<TopicPartition, OffsetAndMetadata> e : committed.entrySet()) {
                    if (e.getValue() != null && ends.containsKey(e.getKey())) {
                        total += Math.max(0, ends.get(e.getKey()).offset() - e.getValue().offset());
                    }
                }
                lag.put(g.groupId(), total);
            }
        } catch (Exception e) {
            // broker busy: this sample has no lag
        }
        return lag;
    }
}
