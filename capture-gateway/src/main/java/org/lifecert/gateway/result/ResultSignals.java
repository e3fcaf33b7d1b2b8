package org.lifecert.gateway.result;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Wakes this replica's open result streams when it has just committed their session's outcome, so the page sees the
 * verdict as soon as it is folded instead of at the stream's next recheck.
 */
@ApplicationScoped
public class ResultSignals {

    private final ConcurrentHashMap<UUID, Set<Runnable>> waiting = new ConcurrentHashMap<>();

    /** Calls {@code listener} whenever the session's outcome changes here, until the returned handle is closed. */
    public AutoCloseable subscribe(UUID sessionId, Runnable listener) {
        waiting.compute(sessionId, (id, listeners) -> {
            Set<Runnable> set = listeners == null ? ConcurrentHashMap.newKeySet() : listeners;
            set.add(listener);
            return set;
        });
        return () -> waiting.computeIfPresent(sessionId, (id, listeners) -> {
            listeners.remove(listener);
            return listeners.isEmpty() ? null : listeners;
        });
    }

    /** The session's outcome was committed: its listeners run on the caller's thread (they should hand off). */
    public void changed(UUID sessionId) {
        Set<Runnable> listeners = waiting.get(sessionId);
        if (listeners != null) {
            listeners.forEach(Runnable::run);
        }
    }

    /** Sessions with at least one open stream here. */
    public int waitingSessions() {
        return waiting.size();
    }
}
