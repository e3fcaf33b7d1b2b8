package org.lifecert.messaging.consumer;

import java.util.List;
import org.lifecert.events.Envelope;
import org.lifecert.events.EventData;

/**
 * An {@link EventHandler} that can apply the first deliveries of a whole poll at once (e.g. lock
 * every person of the batch with one query, write every outbox row with one insert). Used only when
 * the consumer group runs batched ({@code lifecert.messaging.consumer.batch-size} &gt; 1); the
 * per-record path, and the fallback after a failed batch, still call {@link #handle} one event at a
 * time. {@link #handleAll} runs in the batch's one transaction: throw to roll the whole batch back.
 */
public interface BatchEventHandler extends EventHandler {

    /** Applies {@code events} (first deliveries only, in poll order: per partition in offset order). */
    default void handleAll(List<Envelope<? extends EventData>> events) throws Exception {
        for (Envelope<? extends EventData> event : events) {
            handle(event);
        }
    }
}
