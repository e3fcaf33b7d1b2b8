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
     * TURN_LEFT, NOD — the pool SystemStack configures) in a loop of exactly 8 s, the page's time per
     * action: every step then starts at the same point of the loop, and its capture window holds each
     * action once. Chromium starts the file when the page opens the camera; the first step starts
     * after the page's light check and the session request (about 1.2-2.5 s later), so the loop
     * begins with 3.4 s of the head held still and raised (pitch +16): liveness-service's nod is a
     * drop of 12 degrees below the step's first frame, and the recording's lowest pitch (-7) is only
     * 11 below the +4 of the other actions. Segments (webcam-a frames; signals in footage-signals/):
     * <ul>
     * <li>rest: 611-619 and back, repeated (pitch +16.3..+16.9, yaw 0..7);</li>
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
        List<byte[]> actions = new ArrayList<>();
        for (int n = 611; n >= 577; n -= 2) {
            actions.add(Footage.frame("webcam-a", n));
        }
        for (int n = 579; n <= 611; n += 2) {
            actions.add(Footage.frame("webcam-a", n));
        }
        for (int n = 636; n <= 650; n++) {
            byte[] f = Footage.frame("webcam-a", n);
            actions.add(f);
            actions.add(f);
        }
        for (int n = 100; n <= 134; n += 2) {
            actions.add(Footage.frame("webcam-a", n));
        }
        for (int n = 521; n <= 536; n++) {
            byte[] f = Footage.frame("webcam-a", n);
            actions.add(f);
            actions.add(f);
        }
        List<byte[]> loop = new ArrayList<>();
        int[] rest = {611, 612, 613, 614, 615, 616, 617, 618, 619, 618, 617, 616, 615, 614, 613, 612};
        for (int i = 0; loop.size() < LOOP_FRAMES - actions.size(); i++) {
            loop.add(Footage.frame("webcam-a", rest[i % rest.length]));
        }
        loop.addAll(actions);
        List<byte[]> noisy = new ArrayList<>();
        for (int i = 0; i < loop.size(); i++) {
            noisy.add(Images.recapture(loop.get(i), seed * 1_000 + i));
        }
        return y4m("challenge-actions-" + seed, noisy);
    }

    /** 8 s at 25 fps: the page's time for one action (capture-gateway's default action-seconds). */
    private static final int LOOP_FRAMES = 200;

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
