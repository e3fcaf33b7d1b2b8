package org.lifecert.messaging.consumer;

import org.lifecert.events.Envelope;
import org.lifecert.events.EventData;

/**
 * Applies one event. Called inside a transaction that also records the event id in the inbox, so
 * it runs at most once per event; throw to roll both back (the record is retried, then dead-lettered).
 * Events of types the handler does not care about are simply ignored by it.
 */
@FunctionalInterface
public interface EventHandler {

    void handle(Envelope<? extends EventData> event) throws Exception;
}
