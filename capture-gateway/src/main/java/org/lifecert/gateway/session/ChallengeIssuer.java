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
    private final int min;
    private final int max;

    public ChallengeIssuer(Random random, int min, int max) {
        if (min < 1 || max < min || max > Action.values().length) {
            throw new IllegalArgumentException("challenge size must be within 1.." + Action.values().length);
        }
        this.random = random;
        this.min = min;
        this.max = max;
    }

    public ChallengeIssuer(int min, int max) {
        this(new SecureRandom(), min, max);
    }

    public List<Action> draw(List<Action> previous) {
        while (true) {
            List<Action> pool = new ArrayList<>(Arrays.asList(Action.values()));
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
