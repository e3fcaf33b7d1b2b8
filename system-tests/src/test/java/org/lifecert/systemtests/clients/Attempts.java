package org.lifecert.systemtests.clients;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.lifecert.systemtests.frames.ActionFrames;
import org.lifecert.systemtests.frames.Footage;
import org.lifecert.systemtests.frames.Images;
import org.lifecert.systemtests.stack.Api;

/** One certification attempt through the gateway API, the way the page makes it. */
public final class Attempts {

    /** Frames per batch: what the page sends (the gateway allows up to 16). */
    public static final int FRAMES_PER_BATCH = 12;
    /** Session upload to decided result: both workers analyse every frame on 2 shared cores. */
    public static final Duration VERDICT_TIMEOUT = Duration.ofSeconds(120);

    private Attempts() {
    }

    public record Outcome(Gateway.Session session, JsonNode result, List<Api.Response> uploads) {
        public String outcome() {
            return result.path("outcome").asText();
        }

        public String reasons() {
            return result.path("reasons").toString();
        }
    }

    /** Reference photos of the webcam person: frames 10 and 22 of webcam-b (frontal, eyes open, mouth closed). */
    public static List<byte[]> webcamPersonReferencePhotos() {
        return List.of(Images.asJpeg(Footage.frame("webcam-b", 10)), Images.asJpeg(Footage.frame("webcam-b", 22)));
    }

    /** Starts a session and performs the challenged actions with the frames {@code frames} gives for it. */
    public static Outcome perform(Gateway.Login login, UUID forPerson,
            Function<List<String>, List<List<ActionFrames.Frame>>> frames) {
        Gateway.Session session = Gateway.start(login, forPerson);
        List<Api.Response> uploads = Gateway.uploadAll(login, session, frames.apply(session.actions()), FRAMES_PER_BATCH);
        for (Api.Response r : uploads) {
            r.expect(200);
        }
        return new Outcome(session, Gateway.awaitResult(login, session, VERDICT_TIMEOUT), uploads);
    }

    /**
     * The webcam person certifying, as a recipient does: a failed attempt may be retried once
     * (认证失败，可以再次认证). The retry is taken only when the first challenge included TURN_RIGHT —
     * the one action the recordings cannot perform (see {@link ActionFrames}) — and the attempt failed
     * on exactly that reason; any other failure is returned as it is. Returns every attempt made.
     */
    public static List<Outcome> certify(String idNumber, UUID forPerson, long seed) {
        List<Outcome> attempts = new java.util.ArrayList<>();
        Outcome first = performWithWebcamPerson(Gateway.login(idNumber), forPerson, seed);
        attempts.add(first);
        if (first.outcome().equals("FAILED") && first.session().actions().contains("TURN_RIGHT")
                && first.reasons().equals("[\"TURN_RIGHT_NOT_DETECTED\"]")) {
            System.out.printf("session %s: challenge %s drew TURN_RIGHT, which the recordings cannot perform; "
                    + "failed on it alone (%s); retrying once as the page offers%n", first.session().sessionId(),
                    first.session().actions(), first.reasons());
            attempts.add(performWithWebcamPerson(Gateway.login(idNumber), forPerson, seed + 1000));
        }
        return attempts;
    }

    /** The challenge performed with the webcam recording (see {@link ActionFrames}). */
    public static Outcome performWithWebcamPerson(Gateway.Login login, UUID forPerson, long seed) {
        return perform(login, forPerson, actions -> ActionFrames.forChallenge(actions, seed));
    }
}
