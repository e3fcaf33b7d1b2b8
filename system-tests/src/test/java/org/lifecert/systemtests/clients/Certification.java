package org.lifecert.systemtests.clients;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.lifecert.systemtests.stack.Api;

/** appeal-service: certification state, appeals, counter certification. */
public final class Certification {

    public static final String SERVICE = "appeal-service";

    private Certification() {
    }

    /** GET /internal/v1/persons/{id}/certification (the cross-service contract). */
    public static Api.Response status(UUID personId) {
        return Api.of(SERVICE).get("/internal/v1/persons/" + personId + "/certification");
    }

    /** Waits until the person's state is {@code state}; fails naming the last answer seen. */
    public static JsonNode awaitState(UUID personId, String state, Duration timeout) {
        AtomicReference<Api.Response> last = new AtomicReference<>();
        try {
            Awaitility.await().atMost(timeout).pollInterval(Duration.ofMillis(500)).ignoreExceptions().until(() -> {
                Api.Response r = status(personId);
                last.set(r);
                return r.status() == 200 && state.equals(r.json().path("state").asText());
            });
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("person " + personId + " did not reach " + state + " within " + timeout
                    + "; last answer: " + last.get(), e);
        }
        return last.get().json();
    }

    /** The bureau view with channel, attempts and history (GET /api/v1/persons/{id}/certification). */
    public static JsonNode bureauView(String staff, UUID personId) {
        return Api.of(SERVICE).as(staff).get("/api/v1/persons/" + personId + "/certification").expect(200).json();
    }

    public static Api.Response counterCertify(String clerk, UUID personId, String note) {
        return Api.of(SERVICE).as(clerk).post("/api/v1/persons/" + personId + "/counter-certification",
                Map.of("channel", "COUNTER", "note", note));
    }

    /** The reviewer's queue entry for the person's appeal. */
    public static JsonNode appealInQueue(String reviewer, UUID personId) {
        AtomicReference<JsonNode> found = new AtomicReference<>();
        Awaitility.await("appeal of " + personId + " in the reviewer queue").atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(500)).until(() -> {
                    for (JsonNode item : Api.of(SERVICE).as(reviewer).get("/api/v1/appeals").expect(200).json()) {
                        if (item.path("personId").asText().equals(personId.toString())) {
                            found.set(item);
                            return true;
                        }
                    }
                    return false;
                });
        return found.get();
    }

    public static JsonNode appealDetail(String reviewer, UUID appealId) {
        return Api.of(SERVICE).as(reviewer).get("/api/v1/appeals/" + appealId).expect(200).json();
    }

    /** The staff member's bureau's period policy as the console reads it (GET /console/api/period-policy). */
    public static JsonNode periodPolicy(String staff) {
        return Api.of(SERVICE).as(staff).get("/console/api/period-policy").expect(200).json();
    }

    /** Stores a period policy for the admin's bureau (PUT /console/api/period-policy). */
    public static Api.Response setPeriodPolicy(String admin, Map<String, Object> policy) {
        return Api.of(SERVICE).as(admin).put("/console/api/period-policy", policy);
    }

    public static Api.Response decideAppeal(String reviewer, UUID appealId, boolean approved, String reason,
            List<UUID> viewedEvidence) {
        return Api.of(SERVICE).as(reviewer).post("/api/v1/appeals/" + appealId + "/decision",
                Map.of("approved", approved, "reason", reason, "viewedEvidence", viewedEvidence));
    }
}
