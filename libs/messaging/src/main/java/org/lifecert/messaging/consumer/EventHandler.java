package org.lifecert.messaging.consumer;

import org.lifecert.events.Envelope;
import org.lifecert.events.EventData;

/**
 * Applies one event. Called inside a transaction that also records the event id in the inbox, so
 * it runs at most once per event; throw to roll both back (the record is retried, then dead-lettered).
 * Events of types the handler does not care about are simply ignored by it.
 *
 * <p>When the consumer group runs batched ({@code lifecert.messaging.consumer.batch-size} &gt; 1)
 * the transaction spans every record of a poll, and a failure of any of them rolls all back and
 * re-runs each record alone: a handler may then run more than once for an event whose own effect
 * was rolled back. Database effects are safe; effects outside the transaction (calls, in-memory
 * state, long engine work) are repeated, so such handlers should stay unbatched (the default).
 */
@FunctionalInterface
public interface EventHandler {

    void handle(Envelope<? extends EventData> event) throws Exception;
}
