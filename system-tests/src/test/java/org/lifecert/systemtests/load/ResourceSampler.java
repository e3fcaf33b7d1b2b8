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

    /**
     * What is sampled: the six service JVMs, then PostgreSQL (postmaster and backends), Keycloak (this JVM's other
     * children), this JVM (the load generator: frames, HTTP clients, and the stack's in-JVM Kafka broker) and the whole
     * machine (all cores, from /proc/stat; 200 % = both cores busy; its "RSS" is the memory in use).
     */
    static final List<String> PROCESSES;

    static {
        List<String> all = new java.util.ArrayList<>(SystemStack.SERVICES);
        all.addAll(List.of("postgres", "keycloak", "load-jvm+kafka", "machine"));
        PROCESSES = List.copyOf(all);
    }

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
                Map<String, List<ProcessHandle>> extra = new LinkedHashMap<>();
                extra.put("postgres", postgres());
                extra.put("keycloak", ProcessHandle.current().children()
                        .filter(c -> SystemStack.SERVICES.stream().noneMatch(svc -> isService(c, svc)))
                        .flatMap(c -> java.util.stream.Stream.concat(java.util.stream.Stream.of(c), c.descendants())).toList());
                extra.put("load-jvm+kafka", List.of(ProcessHandle.current()));
                for (Map.Entry<String, List<ProcessHandle>> e : extra.entrySet()) {
                    long total = e.getValue().stream().mapToLong(h -> h.info().totalCpuDuration().map(Duration::toNanos)
                            .orElse(0L)).sum();
                    Long before = lastCpu.put(e.getKey(), total);
                    if (before != null) {
                        cpu.put(e.getKey(), Math.max(0, 100.0 * (total - before) / Math.max(1, now - lastAt)));
                    }
                    rss.put(e.getKey(), e.getValue().stream().mapToLong(h -> Math.max(0, rssMb(h.pid()))).sum());
                }
                long[] machine = machineJiffies();
                if (lastMachine != null && machine[1] > lastMachine[1]) {
                    int cores = Runtime.getRuntime().availableProcessors();
                    cpu.put("machine", 100.0 * cores * (machine[0] - lastMachine[0]) / (machine[1] - lastMachine[1]));
                }
                lastMachine = machine;
                rss.put("machine", memoryInUseMb());
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

    private long[] lastMachine;

    /** Busy and total jiffies of all cores (first line of /proc/stat; idle and iowait count as not busy). */
    private static long[] machineJiffies() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long total = 0;
            for (int i = 1; i < f.length; i++) {
                total += Long.parseLong(f[i]);
            }
            long idle = Long.parseLong(f[4]) + Long.parseLong(f[5]);
            return new long[] {total - idle, total};
        } catch (IOException | RuntimeException e) {
            return new long[] {0, 0};
        }
    }

    private static long memoryInUseMb() {
        try {
            long total = 0;
            long available = 0;
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    total = Long.parseLong(line.replaceAll("\\D", ""));
                } else if (line.startsWith("MemAvailable:")) {
                    available = Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
            return (total - available) / 1024;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** PostgreSQL of the stack: the postmaster named in its data directory's postmaster.pid, and its backends. */
    private static List<ProcessHandle> postgres() {
        Path data = Path.of(System.getProperty("lifecert.system-tests.data", "target/stack")).toAbsolutePath();
        try {
            long pid = Long.parseLong(Files.readAllLines(data.resolve("postgres/postmaster.pid")).get(0).trim());
            return ProcessHandle.of(pid).map(h -> java.util.stream.Stream.concat(java.util.stream.Stream.of(h),
                    h.descendants()).toList()).orElse(List.of());
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }

    private static boolean isService(ProcessHandle p, String service) {
        String jar = service + "/target/quarkus-app/quarkus-run.jar";
        return p.info().arguments().map(args -> java.util.Arrays.stream(args).anyMatch(a -> a.endsWith(jar))).orElse(false);
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
