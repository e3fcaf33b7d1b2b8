package org.lifecert.liveness;

import org.lifecert.testing.frames.LoadFrames;

import org.lifecert.testing.frames.LoadRun;

import org.lifecert.testing.frames.SessionScript;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lifecert.events.Action;
import org.lifecert.events.Topics;
import org.lifecert.testing.LifeCertTestResource;

/**
 * Load run, not a test (its name keeps it out of {@code verify}); run by hand:
 * {@code ./mvnw -B -o -pl liveness-service verify -Dtest=LivenessLoadRun -Dsurefire.failIfNoSpecifiedTests=false
 * -Dload.sessions=30 -Dload.rates=1,0} (offered sessions/s; 0 = as fast as possible). Sessions of 3 steps x 10 frames of 640x480 JPEG
 * (webcam-a stills scaled up): BLINK (open x4, closed x2, open x4), OPEN_MOUTH (closed x4, open x2, closed x4),
 * TURN_LEFT (frontal x4, turned x3, frontal x3). Figures land in target/load-run.txt.
 */
@QuarkusTest
@QuarkusTestResource(value = LifeCertTestResource.class, initArgs = @ResourceArg(name = "database", value = "liveness"))
class LivenessLoadRun {

    @Test
    void measure() throws Exception {
        byte[] open = LoadFrames.vga(FaceFrames.still(FaceFrames.EYES_OPEN));
        byte[] closed = LoadFrames.vga(FaceFrames.still(FaceFrames.EYES_CLOSED));
        byte[] frontal = LoadFrames.vga(FaceFrames.still(FaceFrames.FRONTAL));
        byte[] mouth = LoadFrames.vga(FaceFrames.still(FaceFrames.MOUTH_OPEN));
        byte[] turned = LoadFrames.vga(FaceFrames.still(FaceFrames.TURNED_LEFT));
        int sessions = Integer.getInteger("load.sessions", 20);
        String rates = System.getProperty("load.rates", "1,0");
        java.util.function.Function<Integer, List<org.lifecert.events.Envelope<org.lifecert.events.FrameBatchCaptured>>> script =
                i -> new SessionScript()
                        .step(Action.BLINK, open, open, open, open, closed, closed, open, open, open, open)
                        .step(Action.OPEN_MOUTH, frontal, frontal, frontal, frontal, mouth, mouth, frontal, frontal, frontal, frontal)
                        .step(Action.TURN_LEFT, frontal, frontal, frontal, frontal, turned, turned, turned, frontal, frontal, frontal)
                        .batches();
        // warm-up: the verdict topic exists, the models and the JIT are warm
        LoadRun.run("liveness warm-up", 3, 0, Topics.LIVENESS_VERDICTS, script);
        for (String rate : rates.split(",")) {
            LoadRun.run("liveness", sessions, Double.parseDouble(rate.trim()), Topics.LIVENESS_VERDICTS, script);
        }
    }
}
