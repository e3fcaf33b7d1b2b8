package org.lifecert.systemtests.frames;

import java.util.ArrayList;
import java.util.List;

/**
 * Frame sequences for the challenge actions, cut from the real webcam recording webcam-a.mp4 (one
 * person). Every segment was chosen from the per-frame signals that libs/face-engine reads (the
 * same engine liveness-service uses), printed by {@link FootageSignals}; the values quoted are those
 * measurements. The recording holds a real blink, real mouth openings and a real head turn to the
 * person's left; it holds no deliberate right turn and no nod: the nod is BUILT from the
 * recording or cannot be produced, as said at each one:
 *
 * <ul>
 *   <li>BLINK: frames 630-656, every frame. Eyes open (image-right eye 1.00), both eyes 0.00 on
 *       641-645, open again from 647.</li>
 *   <li>OPEN_MOUTH: frames 96-136, every 2nd. Mouth ratio 0.017 (closed), 0.19-0.29 on 106-127,
 *       back to 0.016 from 133.</li>
 *   <li>TURN_LEFT: frames 515-541, every frame. Yaw +7 (frontal), crossing -20 at 526, -31 at 530
 *       (a turn to the person's own left; unmirrored camera frames).</li>
 *   <li>TURN_RIGHT: NOT PRODUCIBLE from the material. Both recordings stay below +13 degrees of yaw
 *       (webcam-a max +11.9, webcam-b max +12.7; the detector needs +20). Frames built from them were
 *       measured with {@link ActionFramesCheck} and do not read as a right turn either: the TURN_LEFT
 *       frames flipped left-right read yaw -21..+7 (libs/face-engine's yaw is not mirror-symmetric:
 *       frame 530 reads -31, its mirror image -5), and cylindrical warps of a frontal frame read +4..+12.
 *       The mirrored turn is still what is uploaded when TURN_RIGHT is challenged — it fails with
 *       TURN_RIGHT_NOT_DETECTED, as it should; see {@code Attempts#certify} for how journeys cope.</li>
 *   <li>NOD (built): frames 611 back to 577, then 577 forward to 611, every 2nd. The recording has
 *       the head rising from pitch -7 (frame 575) to +17 (frame 611); played backwards then forwards
 *       it is a head lowered by 24 degrees and raised again. Real frames, reordered.</li>
 * </ul>
 *
 * <p>Each frame is passed through {@link Images#recapture} with a per-session seed (see there), and
 * carries its time offset within the step from its frame number (40 ms per frame, 25 fps).
 */
public final class ActionFrames {

    /** One frame to upload: JPEG bytes and its capture time relative to the start of its step. */
    public record Frame(byte[] jpeg, long offsetMillis) {
    }

    private ActionFrames() {
    }

    public static List<Frame> forAction(String action, long seed) {
        return switch (action) {
            case "BLINK" -> range("webcam-a", 630, 656, 1, false, seed);
            case "OPEN_MOUTH" -> range("webcam-a", 96, 136, 2, false, seed);
            case "TURN_LEFT" -> range("webcam-a", 515, 541, 1, false, seed);
            case "TURN_RIGHT" -> range("webcam-a", 515, 541, 1, true, seed);
            case "NOD" -> {
                List<Frame> frames = new ArrayList<>(range("webcam-a", 611, 577, -2, false, seed));
                long offset = frames.get(frames.size() - 1).offsetMillis();
                for (Frame f : range("webcam-a", 579, 611, 2, false, seed + 7)) {
                    frames.add(new Frame(f.jpeg(), offset + 80 + f.offsetMillis()));
                }
                yield frames;
            }
            default -> throw new IllegalArgumentException("no frames for action " + action);
        };
    }

    /** The page grabs a frame every 125 ms (app.js FPS = 8). */
    public static final long PAGE_FRAME_MILLIS = 125;

    /**
     * One step as the recipient page uploads it: the person still for {@code reactionMillis} after the prompt (the
     * recording's first frame of the action, held), then the action; at the page's pace (the footage frame showing at
     * each 125 ms grab) and in its format ({@link Images#asPage}). The step ends where the recording of the action
     * ends, about 0.4 s after the action completes: the page ends a step half a second after it sees the action.
     */
    public static List<Frame> asPage(List<Frame> recorded, long reactionMillis) {
        List<Frame> out = new ArrayList<>();
        long last = recorded.get(recorded.size() - 1).offsetMillis();
        for (long t = 0; t <= reactionMillis + last; t += PAGE_FRAME_MILLIS) {
            long at = t - reactionMillis;
            Frame shown = recorded.get(0);
            for (Frame f : recorded) {
                if (f.offsetMillis() <= at) {
                    shown = f;
                }
            }
            out.add(new Frame(Images.asPage(shown.jpeg()), t));
        }
        return out;
    }

    /** Frames of every step of a challenge, in step order. */
    public static List<List<Frame>> forChallenge(List<String> actions, long seed) {
        List<List<Frame>> steps = new ArrayList<>();
        for (int i = 0; i < actions.size(); i++) {
            steps.add(forAction(actions.get(i), seed * 31 + i));
        }
        return steps;
    }

    /**
     * The same count of frames per step, all showing one still image (a printed photo or a screen held
     * to the camera does not blink or turn): each frame a recapture of it.
     */
    public static List<List<Frame>> stillImage(byte[] image, int steps, int framesPerStep, long seed) {
        List<List<Frame>> out = new ArrayList<>();
        for (int s = 0; s < steps; s++) {
            List<Frame> frames = new ArrayList<>();
            for (int i = 0; i < framesPerStep; i++) {
                frames.add(new Frame(Images.recapture(image, seed * 1000 + s * 100 + i), i * 80L));
            }
            out.add(frames);
        }
        return out;
    }

    private static List<Frame> range(String video, int from, int to, int stride, boolean mirror, long seed) {
        List<Frame> frames = new ArrayList<>();
        for (int n = from; stride > 0 ? n <= to : n >= to; n += stride) {
            byte[] jpeg = Footage.frame(video, n);
            if (mirror) {
                jpeg = Footage.mirrored(jpeg);
            }
            frames.add(new Frame(Images.recapture(jpeg, seed * 10_000 + n), Math.abs(n - from) * 40L));
        }
        return frames;
    }
}
