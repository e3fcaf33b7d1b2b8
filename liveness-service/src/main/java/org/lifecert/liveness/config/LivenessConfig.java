package org.lifecert.liveness.config;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * Every threshold of liveness-service. Defaults come from measurements on the development footage
 * (webcam-a.mp4, webcam-b.mp4, every frame through libs/face-engine; see README "Thresholds"): they are
 * starting points, not a calibration on the product's population.
 */
@ConfigMapping(prefix = "lifecert.liveness")
public interface LivenessConfig {

    /** Consumer threads = sessions analysed at once by this instance (the ONNX sessions are shared). */
    @WithDefault("2")
    int concurrency();

    /**
     * Threads analysing the frames of one batch at once (shared by the consumer threads): a batch uses both cores
     * when the instance is not saturated, so the verdict after a session's last batch comes sooner. 1 = on the
     * consumer thread.
     */
    @WithDefault("2")
    int frameThreads();

    /** Start the frame consumers at startup (off for a node that only serves the read API). */
    @WithDefault("true")
    boolean consumerEnabled();

    /** Consumer group of the liveness workers. */
    @WithDefault("liveness-service")
    String consumerGroup();

    Blink blink();

    Mouth mouth();

    Turn turn();

    Nod nod();

    Frames frames();

    Session session();

    interface Blink {
        /**
         * Moving-average window over the eye-open probabilities, in capture time: 80 ms averages 2 frames of a 25 fps
         * upload and leaves the page's 8 frames/s unsmoothed (a blink of 100-300 ms may close the eyes on one frame).
         */
        @WithDefault("PT0.08S")
        Duration smoothing();

        /**
         * Both eyes closed when the higher of the two smoothed open probabilities is at or below this. Measured:
         * blinks read 0.00-0.01 on both eyes, open eyes read 0.99-1.00 on the image-right eye.
         */
        @WithDefault("0.3")
        double closedBelow();

        /**
         * Eyes open when the higher smoothed open probability is at or above this. The image-left eye alone reads
         * below 0.25 on a quarter of open-eye frames of webcam-a, so "open" cannot require both eyes above it.
         */
        @WithDefault("0.7")
        double openAbove();
    }

    interface Mouth {
        /** Moving-average window over the mouth-opening ratio, in capture time (as {@link Blink#smoothing()}). */
        @WithDefault("PT0.08S")
        Duration smoothing();

        /**
         * Rise above the person's own closed-mouth baseline (lowest smoothed ratio before the opening) that counts
         * as opening. Measured: closed 0.006-0.04, open while talking 0.2-0.69.
         */
        @WithDefault("0.12")
        double minRise();

        /** The mouth has returned when the ratio falls back below baseline + this fraction of minRise. */
        @WithDefault("0.5")
        double returnFraction();
    }

    interface Turn {
        /**
         * |yaw| in degrees the head must cross toward the requested side. The footage turns at most -31/+12 degrees
         * (not a deliberate turn); 20 is below a deliberate turn and above the +-12 of talking.
         */
        @WithDefault("20")
        double minYaw();

        /**
         * True when the frames arrive mirrored (the selfie preview image) rather than as the camera delivers them.
         * In unmirrored frames a turn to the person's own left gives negative yaw (face-engine README, webcam-a f0530).
         */
        @WithDefault("false")
        boolean framesMirrored();
    }

    interface Nod {
        /** Pitch drop below the step's starting pitch (degrees; pitch is negative looking down, measured). */
        @WithDefault("12")
        double minDrop();

        /** The head has come back when pitch is within this fraction of the drop from the starting pitch. */
        @WithDefault("0.5")
        double returnFraction();
    }

    interface Frames {
        /** Fewer frames with a face in a step fail the step with NO_FACE. */
        @WithDefault("3")
        int minFaceFrames();

        /**
         * A step's best frames by quality (exactly one face), held until the step ends: each gets anti-spoofing
         * (about 8 ms; the step's score is their mean), the best one the embedding for identity continuity.
         */
        @WithDefault("3")
        int bestPerStep();

        /**
         * Memory for the decoded images of held best frames, across all sessions of the instance: a held frame keeps
         * its image until its step is scored (no second decode and detection, about 9 ms per frame); beyond the budget
         * it keeps only its JPEG. A 320x240 page frame takes 225 KiB, so 64M holds the best frames of about 95 steps
         * in progress at once. 0 = never keep images.
         */
        @WithDefault("64M")
        MemorySize heldImageBudget();

        /** Probability live below which the best frames of a step count as a presentation attack. */
        @WithDefault("0.5")
        double antiSpoofThreshold();

        /**
         * Cosine similarity between the embeddings of different steps of a session below which the face changed.
         * The webcam person in two recordings scores 0.91, the 80 impostor pairs of the verify set at most 0.22
         * (face-engine-cli verify); 0.40 is the face engine's match threshold.
         */
        @WithDefault("0.4")
        double continuityThreshold();

        /** Share of a step's face frames failing on light (TOO_DARK, TOO_BRIGHT) that fails the step with that reason. */
        @WithDefault("0.5")
        double lightFailShare();

        /**
         * On steps that do not read the head pose (BLINK, OPEN_MOUTH) the face detector (about 2.3 ms of a frame's
         * 5 ms) runs on every N-th frame of a batch; the frames in between follow the face of the detected frame before
         * them (landmarks in its box, the box moved as they moved; face-engine README "Tracking"). A second face or a
         * face gone is therefore seen on the next detected frame, at most N-1 frames later. 1 = detect every frame.
         */
        @WithDefault("3")
        int detectEvery();

        /**
         * On turn and nod steps, the head pose (fr_pose, about 6 ms, and the detector it needs) is measured about this
         * often at most: frames captured closer together than this (a 25 fps camera: 40 ms) are measured every
         * {@code pose-interval / gap}-th frame (at most every 4th) and followed in between, without a pose. The page's
         * 8 frames/s (125 ms) has every 2nd frame measured. A turn is held and a nod takes most of a second: 250 ms
         * still gives several measurements of each (whole-stack load run 2026-12-04: 1,118 of 1,118 sessions with
         * turns and nods certified, as at 160 ms; liveness 73 instead of 82 % of a core). PT0S = every frame.
         */
        @WithDefault("PT0.25S")
        Duration poseInterval();

        /**
         * JPEG frames whose shorter side is at least this are decoded at half scale (about 1 ms less per 640x480 frame;
         * the models' inputs keep their detail: face-engine {@code HalfScaleDecodeTests}); 0 = always full scale.
         */
        @WithDefault("480")
        int halfScaleDecodeMinSide();

        /** Frames with more than one face tolerated per step. */
        @WithDefault("0")
        int multiFaceFramesTolerated();

        /** Allowed clock difference between the capture device and the session deadline. */
        @WithDefault("PT5S")
        Duration clockSkew();
    }

    interface Session {
        /** Time limit of one step when the batches do not say (the gateway's challenge default). */
        @WithDefault("PT10S")
        Duration stepTimeLimit();

        /** Longest a session can last; frames before deadline - this are outside the session window. */
        @WithDefault("PT5M")
        Duration maxDuration();

        /** Open sessions past their deadline plus this are failed (timeout, or interrupted). */
        @WithDefault("PT10S")
        Duration grace();

        /** Sessions kept in the in-memory working set; the persisted record is the truth. */
        @WithDefault("500")
        int cachedSessions();

        /** How often overdue sessions are looked for (a Quarkus scheduler interval). */
        @WithDefault("5s")
        String sweepEvery();

        /** Frame hashes kept for replay detection. */
        @WithDefault("P30D")
        Duration frameHashRetention();
    }
}
