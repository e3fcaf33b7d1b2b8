package org.lifecert.systemtests.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.lifecert.systemtests.frames.Footage;
import org.lifecert.systemtests.frames.Images;

/**
 * Video files for Chromium's fake camera (y4m, 640x480, 25 fps, looped by Chromium), made with
 * ffmpeg from frames of the real webcam recordings (one person; see {@code frames/ActionFrames} for
 * how each segment was chosen from the per-frame signals libs/face-engine reads).
 */
public final class FakeCamera {

    private static final Path DIR = Path.of("target/fake-camera").toAbsolutePath();

    private FakeCamera() {
    }

    /**
     * The person sitting still in front of the counter webcam: webcam-b frames 5-30 (frontal, eyes
     * open, mouth closed; frames 10 and 22 are the REST journeys' reference photos), played forward
     * then backward so the loop has no jump.
     */
    public static Path counterPortrait() {
        List<byte[]> frames = new ArrayList<>();
        for (int n = 5; n <= 30; n++) {
            frames.add(Footage.frame("webcam-b", n));
        }
        for (int n = 29; n >= 6; n--) {
            frames.add(Footage.frame("webcam-b", n));
        }
        return y4m("counter-portrait", frames);
    }

    /**
     * The webcam person performing every action the system-test gateway draws (BLINK, OPEN_MOUTH,
     * TURN_LEFT, NOD — the pool SystemStack configures) in a loop of 6.6 s, each action after half a
     * second of the head held still and raised (pitch +16). The page ends a step once it sees the
     * action (half a second later), so steps start anywhere in the loop: the loop is short enough that
     * the page's 8 s per action always holds one whole performance of every action after any starting
     * point (6.6 s + the longest action, the 1.4 s nod), and liveness-service measures a nod from the
     * highest pitch before it, which every starting point reaches before the nod. Segments (webcam-a
     * frames; signals in footage-signals/):
     * <ul>
     * <li>rest: 611-619 and back (pitch +16.3..+16.9, yaw 0..7), 12-13 frames before each action;</li>
     * <li>nod (built, as in ActionFrames): 611 back to 577 then forward to 611, every 2nd frame
     * (pitch +17 -> -7 -> +17);</li>
     * <li>blink: 636-650, each frame twice (eyes closed on 641-645: 400 ms, ~3 grabs at the page's 8 per s);</li>
     * <li>mouth opening: 100-134, every 2nd frame (open on 106-127);</li>
     * <li>turn to the person's left: 521-536, each frame twice (yaw -7 -> -31 -> -17).</li>
     * </ul>
     * Each frame is re-encoded with the seed's +-1 grey-level noise ({@code Images.recapture}): two
     * browsers never send byte-identical frames (liveness-service treats those as a replay).
     * No right turn: the recordings hold none the detector can see (README, "How the frames are built").
     */
    public static Path challengeActions(long seed) {
        List<List<byte[]>> actions = new ArrayList<>();
        List<byte[]> nod = new ArrayList<>();
        for (int n = 611; n >= 577; n -= 2) {
            nod.add(Footage.frame("webcam-a", n));
        }
        for (int n = 579; n <= 611; n += 2) {
            nod.add(Footage.frame("webcam-a", n));
        }
        actions.add(nod);
        actions.add(doubled(636, 650));
        List<byte[]> mouth = new ArrayList<>();
        for (int n = 100; n <= 134; n += 2) {
            mouth.add(Footage.frame("webcam-a", n));
        }
        actions.add(mouth);
        actions.add(doubled(521, 536));
        int actionFrames = actions.stream().mapToInt(List::size).sum();
        int[] rest = {611, 612, 613, 614, 615, 616, 617, 618, 619, 618, 617, 616, 615, 614, 613, 612};
        List<byte[]> loop = new ArrayList<>();
        int r = 0;
        for (int a = 0; a < actions.size(); a++) {
            // the rest frames spread over the four gaps: 50 frames -> 13, 13, 12, 12
            int gap = (LOOP_FRAMES - actionFrames) / actions.size() + (a < (LOOP_FRAMES - actionFrames) % actions.size() ? 1 : 0);
            for (int i = 0; i < gap; i++) {
                loop.add(Footage.frame("webcam-a", rest[r++ % rest.length]));
            }
            loop.addAll(actions.get(a));
        }
        List<byte[]> noisy = new ArrayList<>();
        for (int i = 0; i < loop.size(); i++) {
            noisy.add(Images.recapture(loop.get(i), seed * 1_000 + i));
        }
        return y4m("challenge-actions-v2-" + seed, noisy);
    }

    private static List<byte[]> doubled(int from, int to) {
        List<byte[]> frames = new ArrayList<>();
        for (int n = from; n <= to; n++) {
            byte[] f = Footage.frame("webcam-a", n);
            frames.add(f);
            frames.add(f);
        }
        return frames;
    }

    /** 6.6 s at 25 fps: with the 1.4 s nod, 8 s (capture-gateway's default action-seconds) from any point hold every action. */
    private static final int LOOP_FRAMES = 165;

    private static synchronized Path y4m(String name, List<byte[]> frames) {
        Path out = DIR.resolve(name + ".y4m");
        if (Files.exists(out)) {
            return out;
        }
        Path seq = DIR.resolve(name);
        try {
            Files.createDirectories(seq);
            for (int i = 0; i < frames.size(); i++) {
                Files.write(seq.resolve(String.format("%05d.jpg", i + 1)), frames.get(i));
            }
            Process p = new ProcessBuilder("ffmpeg", "-y", "-loglevel", "error", "-framerate", "25", "-i",
                    seq.resolve("%05d.jpg").toString(), "-vf", "scale=640:480", "-pix_fmt", "yuv420p", out.toString())
                    .redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes());
            if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException("ffmpeg could not make " + out + ": " + output);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
