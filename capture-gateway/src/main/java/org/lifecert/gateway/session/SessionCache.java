package org.lifecert.gateway.session;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The unchanging facts of recent sessions (owner, person, bureau, challenge, nonce, deadline), so
 * that a frame upload needs no query to check them. Only immutable columns are served from here:
 * the status, which another replica may change, is read by the statement that records the batch.
 * Each replica fills its own cache from PostgreSQL on a miss, so any number of replicas stay correct.
 */
final class SessionCache {

    private final ConcurrentHashMap<UUID, SessionRow> rows = new ConcurrentHashMap<>();
    private final int capacity;

    SessionCache(int capacity) {
        this.capacity = capacity;
    }

    /** The cached session or the loader's answer (null: unknown, not cached). */
    SessionRow get(UUID sessionId, Function<UUID, SessionRow> loader) {
        SessionRow row = rows.get(sessionId);
        if (row != null) {
            return row;
        }
        row = loader.apply(sessionId);
        if (row != null) {
            put(row);
        }
        return row;
    }

    void put(SessionRow row) {
        if (rows.size() >= capacity) {
            rows.clear(); // simplest bound; a miss costs one query
        }
        rows.put(row.sessionId(), row);
    }

    /** Drops sessions whose deadline is older than {@code margin}: no upload can be accepted for them. */
    int evictEndedBefore(Instant now, Duration margin) {
        int before = rows.size();
        Instant limit = now.minus(margin);
        rows.values().removeIf(r -> r.deadline().isBefore(limit));
        return before - rows.size();
    }

    int size() {
        return rows.size();
    }
}
