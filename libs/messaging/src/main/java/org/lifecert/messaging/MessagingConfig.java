package org.lifecert.messaging;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/** Outbox relay, consumers and dead letters; every service sets {@code lifecert.messaging.source}. */
@ConfigMapping(prefix = "lifecert.messaging")
public interface MessagingConfig {

    /** The producing service's name, written into every envelope's {@code source}. */
    String source();

    @WithName("kafka-bootstrap-servers")
    @WithDefault("${kafka.bootstrap.servers:localhost:9092}")
    String kafkaBootstrapServers();

    Relay relay();

    Consumer consumer();

    Retention retention();

    interface Relay {
        /**
         * Run Debezium's embedded engine in this service (the local default and tests). Off where
         * Debezium runs on Kafka Connect (Kubernetes).
         */
        @WithDefault("false")
        boolean enabled();

        /** Replication slot; must be unique in the PostgreSQL cluster. Default: lifecert_outbox_&lt;database&gt;. */
        Optional<String> slotName();

        /**
         * How long Debezium waits before looking again when nothing is new (its {@code poll.interval.ms}): a change's
         * event waits up to this long on each hop (RelayLatencyMeasurement). Each look costs CPU even when idle: two
         * wake-ups and up to a millisecond of busy waiting in Debezium's queue, about 5 % of a core per relay at 20 ms.
         * The local stack, which runs five relays on one machine, sets 50 (deploy/local README, "Tuning").
         */
        @WithDefault("20")
        int pollIntervalMs();

        /** Wait before restarting the engine after it stopped on an error (database restart, ...). */
        @WithDefault("2s")
        Duration restartDelay();
    }

    interface Consumer {
        /** Attempts of a handler that fails for a reason other than an unreachable database. */
        @WithDefault("3")
        int maxAttempts();

        @WithDefault("200ms")
        Duration retryBackoff();

        @WithDefault("200")
        int maxPollRecords();

        /**
         * Records applied in one transaction (1 = one transaction per record, the default). Above 1
         * each poll is applied in chunks of this size, with one inbox insert per chunk; a chunk
         * that fails is rolled back and its records applied one by one as with 1.
         */
        @WithDefault("1")
        int batchSize();

        /** Per consumer group: {@code lifecert.messaging.consumer.groups."<group>".batch-size}. */
        Map<String, Group> groups();

        /** The batch size of {@code group}: its own setting, else {@link #batchSize()}. */
        default int batchSizeOf(String group) {
            Group own = groups().get(group);
            return Math.max(1, own == null ? batchSize() : own.batchSize().orElse(batchSize()));
        }
    }

    interface Group {
        OptionalInt batchSize();
    }

    interface Retention {
        /** Published outbox rows and inbox ids older than this are deleted. */
        @WithDefault("P7D")
        Duration outbox();

        @WithDefault("P30D")
        Duration inbox();
    }
}
