package org.lifecert.local;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How the stack sizes the face workers and passes extra JVM options, each overridable by a system property
 * (or the environment variable in brackets) for measurements:
 * <ul>
 * <li>{@code lifecert.local.kafka-partitions} ({@code LIFECERT_LOCAL_KAFKA_PARTITIONS}): partitions of every topic
 * the broker creates (default {@value #DEFAULT_PARTITIONS}, enough for each worker's consumer threads to own one);</li>
 * <li>{@code lifecert.local.config.<service>.<key>=<value>}: any configuration key of one service, over the stack's
 * own (e.g. {@code -Dlifecert.local.config.liveness-service.lifecert.liveness.concurrency=3});</li>
 * <li>{@code lifecert.local.jvm-options} ({@code LIFECERT_LOCAL_JVM_OPTIONS}) for every service and
 * {@code lifecert.local.jvm-options.<service>} for one, split at spaces; {@code {service}} and {@code {logs}} are
 * replaced by the service name and the logs directory, e.g.
 * {@code -XX:StartFlightRecording=filename={logs}/{service}.jfr,settings=profile};</li>
 * <li>{@code lifecert.local.heap.<service>}: the service's -Xmx.</li>
 * <li>by default: {@link #SERVICE_DEFAULTS} and {@link #PER_SERVICE_DEFAULTS} under the configured keys, and
 * {@link #JVM_COMMON} and {@link #JVM_DEFAULTS} before the configured JVM options (a later option of the same name wins, so
 * {@code -XX:TieredStopAtLevel=4} in {@code lifecert.local.jvm-options} brings C2 back).</li>
 * </ul>
 */
public final class StackTuning {

    static final int DEFAULT_PARTITIONS = 6;

    /**
     * Settings of one service the stack gives by default, over {@link #SERVICE_DEFAULTS} (see the module README,
     * "Tuning"): the face workers' consumer threads; enrollment-service's relay looks for new changes every 500 ms, since
     * nothing a recipient waits for passes through it (its events carry enrolments, templates and relative links), and
     * a look costs its relay and Debezium threads about 2 % of a core at 50 ms even when nothing changed.
     */
    static final Map<String, Map<String, String>> PER_SERVICE_DEFAULTS = Map.of(
            "liveness-service", Map.of("lifecert.liveness.concurrency", "3"),
            "face-match-service", Map.of("lifecert.facematch.concurrency", "3"),
            "enrollment-service", Map.of("lifecert.messaging.relay.poll-interval-ms", "500"));

    /**
     * Settings every service gets from the stack. The outbox relay looks for new changes every 50 ms instead of the
     * services' 20: each look costs Debezium up to a millisecond of busy waiting (its queue waits in whole
     * milliseconds) plus a wake-up of the replication reader, about 5 % of a core per relay at 20 ms, and the stack runs
     * five relays on one machine. At 50 ms an event waits about 30 ms longer on each of a verdict's two hops.
     */
    static final Map<String, String> SERVICE_DEFAULTS = Map.of("lifecert.messaging.relay.poll-interval-ms", "50");

    /**
     * JVM options every service gets, before any configured ones: the C1 compiler only. Six JVMs on two cores spent a
     * quarter of the machine in C2 compilations for the whole of a ten-minute load run (methods called once per
     * session reach C2's thresholds only after many minutes); the face workers' work is in native code, so C1 costs
     * them nothing measurable (deploy/local README, "Tuning").
     */
    static final List<String> JVM_COMMON = List.of("-XX:TieredStopAtLevel=1");

    /**
     * JVM options of one service, after {@link #JVM_COMMON}. capture-gateway: half the heap young
     * (-XX:NewRatio=1): each upload allocates about 0.4 MB that dies with the request; with the serial collector this
     * gave 240 batches/s at p95 108 ms against G1's 215/s at 123 ms (capture-gateway README, "Load").
     */
    static final Map<String, List<String>> JVM_DEFAULTS = Map.of("capture-gateway", List.of("-XX:NewRatio=1"));

    private StackTuning() {
    }

    public static int kafkaPartitions() {
        String value = System.getProperty("lifecert.local.kafka-partitions", System.getenv("LIFECERT_LOCAL_KAFKA_PARTITIONS"));
        return value == null || value.isBlank() ? DEFAULT_PARTITIONS : Integer.parseInt(value.trim());
    }

    /**
     * The stack's defaults for every service and its own defaults for {@code service}, then every
     * {@code lifecert.local.config.<service>.*} property.
     */
    static Map<String, String> config(String service) {
        Map<String, String> c = new LinkedHashMap<>(SERVICE_DEFAULTS);
        c.putAll(PER_SERVICE_DEFAULTS.getOrDefault(service, Map.of()));
        String prefix = "lifecert.local.config." + service + ".";
        System.getProperties().stringPropertyNames().stream().filter(k -> k.startsWith(prefix)).sorted()
                .forEach(k -> c.put(k.substring(prefix.length()), System.getProperty(k)));
        return c;
    }

    static List<String> jvmOptions(String service, Path logs) {
        List<String> options = new ArrayList<>(JVM_COMMON);
        options.addAll(JVM_DEFAULTS.getOrDefault(service, List.of()));
        for (String value : new String[] {System.getProperty("lifecert.local.jvm-options",
                System.getenv("LIFECERT_LOCAL_JVM_OPTIONS")), System.getProperty("lifecert.local.jvm-options." + service)}) {
            if (value == null || value.isBlank()) {
                continue;
            }
            for (String option : value.trim().split("\\s+")) {
                options.add(option.replace("{service}", service).replace("{logs}", logs.toString()));
            }
        }
        return options;
    }

    static String heap(String service) {
        String configured = System.getProperty("lifecert.local.heap." + service);
        if (configured != null && !configured.isBlank()) {
            return configured.trim();
        }
        return service.equals("face-match-service") || service.equals("liveness-service") ? "768m" : "384m";
    }
}
