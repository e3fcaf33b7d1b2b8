package org.lifecert.gateway.session;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.lifecert.events.Action;

/** A certification session as stored. {@code actingPersonId} is whoever logged in (the person or a relative). */
public record SessionRow(UUID sessionId, UUID personId, UUID actingPersonId, String bureau, List<Action> actions,
        int actionSeconds, String nonce, Instant startedAt, Instant deadline, String status) {

    public static final String STARTED = "STARTED";
    public static final String COMPLETED = "COMPLETED";
    public static final String EXPIRED = "EXPIRED";

    static List<Action> parseActions(String joined) {
        return Arrays.stream(joined.split(",")).map(Action::valueOf).toList();
    }

    static String joinActions(List<Action> actions) {
        return String.join(",", actions.stream().map(Action::name).toList());
    }

    public boolean proxy() {
        return !personId.equals(actingPersonId);
    }
}
