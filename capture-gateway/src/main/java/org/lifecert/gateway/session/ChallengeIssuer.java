package org.lifecert.gateway.session;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.lifecert.events.Action;

/**
 * Draws the actions of a challenge: between {@code min} and {@code max} distinct actions in random
 * order from an unpredictable source, never the same sequence as the person's previous session (a
 * replayed recording of the last attempt must not fit the next one).
 */
public final class ChallengeIssuer {

    private final Random random;
    private final List<Action> actions;
    private final int min;
    private final int max;

    public ChallengeIssuer(Random random, List<Action> actions, int min, int max) {
        if (actions.isEmpty() || actions.stream().distinct().count() != actions.size()) {
            throw new IllegalArgumentException("challenge actions must be distinct and not empty: " + actions);
        }
        if (min < 1 || max < min || max > actions.size()) {
            throw new IllegalArgumentException("challenge size must be within 1.." + actions.size());
        }
        this.random = random;
        this.actions = List.copyOf(actions);
        this.min = min;
        this.max = max;
    }

    public ChallengeIssuer(Random random, int min, int max) {
        this(random, Arrays.asList(Action.values()), min, max);
    }

    public ChallengeIssuer(List<Action> actions, int min, int max) {
        this(new SecureRandom(), actions, min, max);
    }

    public List<Action> draw(List<Action> previous) {
        while (true) {
            List<Action> pool = new ArrayList<>(actions);
            int size = min + random.nextInt(max - min + 1);
            List<Action> drawn = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                drawn.add(pool.remove(random.nextInt(pool.size())));
            }
            if (!drawn.equals(previous)) {
                return List.copyOf(drawn);
            }
        }
    }
}
