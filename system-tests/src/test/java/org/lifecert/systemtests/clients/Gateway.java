package org.lifecert.systemtests.clients;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.lifecert.systemtests.frames.ActionFrames;
import org.lifecert.systemtests.stack.Api;
import org.lifecert.systemtests.stack.SystemStack;

/**
 * capture-gateway as the recipient's page uses it: captcha, login with ID number, session with a
 * challenge, frame batches per step, the result.
 *
 * <p>The captcha answer: the gateway offers no HTTP test hook (its own tests call
 * {@code Captchas.answerOf} in-process), so this reads the answer of the issued captcha from the
 * gateway's database ({@code captcha} table) of the test stack, the way a person reads the image.
 */
public final class Gateway {

    public static final String SERVICE = "capture-gateway";
    public static final String TOKEN_HEADER = "X-Session-Token";

    private Gateway() {
    }

    public record Login(String token, JsonNode body) {
        public UUID personId() {
            return UUID.fromString(body.path("person").path("personId").asText());
        }
    }

    public record Session(UUID sessionId, UUID personId, String nonce, Instant deadline, List<String> actions, JsonNode body) {
    }

    /** Captcha + login; the raw answer so refusals (NOT_COLLECTED, appeal messages) can be asserted. */
    public static Api.Response tryLogin(String idNumber) {
        JsonNode captcha = Api.of(SERVICE).post("/api/v1/captcha", "{}").expect(200).json();
        String captchaId = captcha.path("captchaId").asText();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("idNumber", idNumber);
        body.put("captchaId", captchaId);
        body.put("captchaAnswer", captchaAnswer(captchaId));
        return Api.of(SERVICE).header("X-Forwarded-For", addressOf(idNumber)).post("/api/v1/login", body);
    }

    /**
     * Each recipient logs in from an address of their own (the gateway trusts X-Forwarded-For from
     * its ingress and limits failures per address): all tests run from 127.0.0.1 and would otherwise
     * share one per-address budget.
     */
    static String addressOf(String idNumber) {
        int h = idNumber.hashCode();
        return "10." + ((h >>> 16) & 0xff) + "." + ((h >>> 8) & 0xff) + "." + (1 + (h & 0x7f));
    }

    /** Logs in once the gateway's enrolment projection knows the person (it follows lifecert.enrollment.v1). */
    public static Login login(String idNumber) {
        AtomicReference<Api.Response> last = new AtomicReference<>();
        try {
            // at most 4 tries: a 5th failure (NOT_COLLECTED while the projection lags) would lock the ID number
            Awaitility.await().atMost(Duration.ofSeconds(13)).pollDelay(Duration.ZERO).pollInterval(Duration.ofSeconds(4)).until(() -> {
                Api.Response r = tryLogin(idNumber);
                last.set(r);
                return r.status() == 200;
            });
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("recipient login did not succeed in 4 tries over 12 s; last answer: " + last.get(), e);
        }
        return new Login(last.get().json().path("token").asText(), last.get().json());
    }

    public static Api.Response tryStart(Login login, UUID forPerson) {
        return Api.of(SERVICE).header(TOKEN_HEADER, login.token()).post("/api/v1/sessions",
                forPerson == null ? "{}" : Map.of("personId", forPerson.toString()));
    }

    public static Session start(Login login, UUID forPerson) {
        JsonNode s = tryStart(login, forPerson).expect(200).json();
        List<String> actions = new ArrayList<>();
        for (JsonNode step : s.path("steps")) {
            actions.add(step.path("action").asText());
        }
        return new Session(UUID.fromString(s.path("sessionId").asText()), UUID.fromString(s.path("personId").asText()),
                s.path("nonce").asText(), Instant.parse(s.path("deadline").asText()), actions, s);
    }

    /**
     * Uploads the frames of every step as the page does, in batches of at most {@code perBatch}: the
     * capture time of each frame is the step's start plus the frame's offset (steps follow each other
     * 300 ms apart), and a batch goes out only once its last frame's capture time has passed, so no
     * frame claims to come from the future. The last batch of the session closes it.
     */
    public static List<Api.Response> uploadAll(Login login, Session session, List<List<ActionFrames.Frame>> framesPerStep,
            int perBatch) {
        List<Api.Response> answers = new ArrayList<>();
        Instant stepStart = Instant.now();
        int sequence = 0;
        for (int step = 0; step < framesPerStep.size(); step++) {
            List<ActionFrames.Frame> frames = framesPerStep.get(step);
            Instant last = stepStart;
            for (int from = 0, to; from < frames.size(); from = to) {
                // at most perBatch frames and 500 KB of JPEG (the gateway takes 640 KB base64-encoded)
                to = from;
                long bytes = 0;
                while (to < frames.size() && to - from < perBatch && (to == from || bytes + frames.get(to).jpeg().length < 480_000)) {
                    bytes += frames.get(to).jpeg().length;
                    to++;
                }
                List<Map<String, Object>> batch = new ArrayList<>();
                for (int i = from; i < to; i++) {
                    last = stepStart.plusMillis(frames.get(i).offsetMillis());
                    batch.add(Map.of("sequence", sequence++, "capturedAt", last.toString(),
                            "jpegBase64", Base64.getEncoder().encodeToString(frames.get(i).jpeg())));
                }
                sleepUntil(last);
                boolean lastOfStep = to == frames.size();
                boolean lastOfSession = lastOfStep && step == framesPerStep.size() - 1;
                answers.add(uploadBatch(login, session, UUID.randomUUID(), step, lastOfStep, lastOfSession, batch));
            }
            stepStart = last.plusMillis(300);
        }
        return answers;
    }

    /** Sleeps until {@code t} (a few ms past it), as a recipient waits for the moment to act; at once if it passed. */
    public static void sleepUntil(Instant t) {
        long wait = Duration.between(Instant.now(), t).toMillis();
        if (wait > 0) {
            try {
                Thread.sleep(wait + 5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    public static Api.Response uploadBatch(Login login, Session session, UUID batchId, int step, boolean lastOfStep,
            boolean lastOfSession, List<Map<String, Object>> frames) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("batchId", batchId.toString());
        body.put("stepIndex", step);
        body.put("nonce", session.nonce());
        body.put("lastBatchOfStep", lastOfStep);
        body.put("lastBatchOfSession", lastOfSession);
        body.put("frames", frames);
        return Api.of(SERVICE).header(TOKEN_HEADER, login.token()).post("/api/v1/sessions/" + session.sessionId() + "/batches",
                body);
    }

    /** The page's result once decided (outcome not PENDING). */
    public static JsonNode awaitResult(Login login, Session session, Duration timeout) {
        AtomicReference<Api.Response> last = new AtomicReference<>();
        try {
            Awaitility.await().atMost(timeout).pollInterval(Duration.ofMillis(500)).ignoreExceptions().until(() -> {
                Api.Response r = Api.of(SERVICE).header(TOKEN_HEADER, login.token())
                        .get("/api/v1/sessions/" + session.sessionId() + "/result");
                last.set(r);
                return r.status() == 200 && !"PENDING".equals(r.json().path("outcome").asText());
            });
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("session " + session.sessionId() + " not decided within " + timeout + "; last: "
                    + last.get(), e);
        }
        return last.get().json();
    }

    /**
     * The page's way to the result: the session's server-sent events ({@code /events}), read until the decided
     * outcome arrives; the gateway pushes it as soon as it folds the verdict (no polling interval in the measurement).
     */
    public static JsonNode awaitResultStream(Login login, Session session, Duration timeout) {
        java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                        SystemStack.get().url(SERVICE) + "/api/v1/sessions/" + session.sessionId() + "/events"))
                .header(TOKEN_HEADER, login.token()).header("Accept", "text/event-stream").timeout(timeout).GET().build();
        Instant until = Instant.now().plus(timeout);
        String last = null;
        while (Instant.now().isBefore(until)) {
            java.net.http.HttpResponse<java.util.stream.Stream<String>> response;
            try {
                response = STREAMS.send(request, java.net.http.HttpResponse.BodyHandlers.ofLines());
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            if (response.statusCode() != 200) {
                throw new AssertionError("result stream of " + session.sessionId() + " answered " + response.statusCode());
            }
            try (java.util.stream.Stream<String> lines = response.body()) {
                java.util.Iterator<String> it = lines.iterator();
                while (it.hasNext()) {
                    String line = it.next();
                    if (!line.startsWith("data:")) {
                        continue;
                    }
                    last = line.substring(5).trim();
                    JsonNode view = Api.JSON.readTree(last);
                    if (!"PENDING".equals(view.path("outcome").asText())) {
                        return view;
                    }
                }
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            // the stream ended while pending (its time limit): the page reconnects
        }
        throw new AssertionError("session " + session.sessionId() + " not decided within " + timeout + "; last: " + last);
    }

    private static final java.net.http.HttpClient STREAMS = java.net.http.HttpClient.newBuilder()
            .version(java.net.http.HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

    public static Api.Response evidence(String reviewer, UUID sessionId) {
        return Api.of(SERVICE).as(reviewer).get("/api/v1/sessions/" + sessionId + "/evidence");
    }

    /** The answer of an issued captcha, read from the test stack's gateway database (no HTTP hook exists). */
    public static String captchaAnswer(String captchaId) {
        SystemStack stack = SystemStack.get();
        String url = "jdbc:postgresql://127.0.0.1:" + stack.settings().postgresPort() + "/gateway";
        try (Connection c = DriverManager.getConnection(url, "postgres", "postgres");
                PreparedStatement ps = c.prepareStatement("select answer from captcha where captcha_id = ?::uuid")) {
            ps.setString(1, captchaId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new AssertionError("captcha " + captchaId + " not in the gateway database");
                }
                return rs.getString(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the captcha answer from " + url + ": " + e.getMessage(), e);
        }
    }
}
