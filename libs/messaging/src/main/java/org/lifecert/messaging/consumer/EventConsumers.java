package org.lifecert.messaging.consumer;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.lifecert.messaging.KafkaConnection;
import org.lifecert.messaging.MessagingConfig;
import org.lifecert.messaging.inbox.Inbox;

/**
 * Starts the consumer loops of a service. Each loop is one member of the Kafka consumer group
 * {@code group}; more threads or more instances share the topic's partitions.
 */
@ApplicationScoped
public class EventConsumers {

    private final MessagingConfig config;
    private final KafkaConnection connection;
    private final Inbox inbox;
    private final DeadLetters deadLetters;
    private final MeterRegistry registry;
    private final List<ConsumerLoop> loops = new CopyOnWriteArrayList<>();

    public EventConsumers(MessagingConfig config, KafkaConnection connection, Inbox inbox, DeadLetters deadLetters,
            MeterRegistry registry) {
        this.config = config;
        this.connection = connection;
        this.inbox = inbox;
        this.deadLetters = deadLetters;
        this.registry = registry;
    }

    /** Starts {@code threads} loops of consumer group {@code group} on {@code topics}. */
    public void start(String group, Collection<String> topics, int threads, EventHandler handler) {
        for (int i = 0; i < threads; i++) {
            ConsumerLoop loop = new ConsumerLoop(group, List.copyOf(topics), handler, config, connection, inbox, deadLetters,
                    registry);
            loops.add(loop);
            Thread thread = new Thread(loop, group + "-" + i);
            thread.setDaemon(true);
            thread.start();
        }
    }

    /** True when every loop is polling (none stopped on an unexpected error). */
    public boolean healthy() {
        return loops.stream().allMatch(ConsumerLoop::alive);
    }

    public void stopAll() {
        loops.forEach(ConsumerLoop::stop);
        loops.forEach(ConsumerLoop::awaitStopped);
        loops.clear();
    }

    void onStop(@Observes ShutdownEvent event) {
        stopAll();
    }
}
