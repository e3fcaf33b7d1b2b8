package org.lifecert.systemtests.load;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.lifecert.systemtests.frames.ActionFrames;
import org.lifecert.testing.frames.FrameBytes;

/**
 * The load generator's frames, rendered before the measured window: per action {@code variants} recaptures of its
 * webcam segment ({@link ActionFrames#forAction}, each a differently seeded re-encoding) as the page uploads them
 * ({@link ActionFrames#asPage}: 8 frames/s, 320x240, after the person's reaction time), so the generator does not
 * spend the machine's cores re-encoding JPEGs while the stack is measured (a real recipient's browser does that on
 * their own device). Each session uploads one variant per step with a JPEG comment naming the session and frame
 * ({@link FrameBytes#unique}): the pixels are a real capture's, the bytes (and so liveness' replay hash) unique.
 */
final class FrameCache {

    static final List<String> ACTIONS = List.of("BLINK", "OPEN_MOUTH", "TURN_LEFT", "TURN_RIGHT", "NOD");

    private final Map<String, List<List<ActionFrames.Frame>>> variants = new ConcurrentHashMap<>();

    private FrameCache() {
    }

    static FrameCache render(int count, long reactionMillis) {
        FrameCache cache = new FrameCache();
        ACTIONS.parallelStream().forEach(action -> {
            List<List<ActionFrames.Frame>> list = new ArrayList<>();
            for (int v = 0; v < count; v++) {
                list.add(ActionFrames.asPage(ActionFrames.forAction(action, 7_000_000L + ACTIONS.indexOf(action) * 1000L + v),
                        reactionMillis));
            }
            cache.variants.put(action, list);
        });
        return cache;
    }

    /** The frames of every step of a challenge for one session, in step order. */
    List<List<ActionFrames.Frame>> forChallenge(List<String> actions, long seed, String session) {
        List<List<ActionFrames.Frame>> steps = new ArrayList<>();
        for (int i = 0; i < actions.size(); i++) {
            List<List<ActionFrames.Frame>> all = variants.get(actions.get(i));
            List<ActionFrames.Frame> chosen = all.get((int) Math.floorMod(seed * 31 + i, (long) all.size()));
            List<ActionFrames.Frame> frames = new ArrayList<>(chosen.size());
            for (int f = 0; f < chosen.size(); f++) {
                frames.add(new ActionFrames.Frame(FrameBytes.unique(chosen.get(f).jpeg(), session + "/" + i + "/" + f),
                        chosen.get(f).offsetMillis()));
            }
            steps.add(frames);
        }
        return steps;
    }
}
