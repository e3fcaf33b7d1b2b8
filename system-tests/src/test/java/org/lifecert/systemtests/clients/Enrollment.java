package org.lifecert.systemtests.clients;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.lifecert.systemtests.stack.Api;

/** enrollment-service as a bureau's clerk and reviewer use it (counter enrolment, collection review). */
public final class Enrollment {

    public static final String SERVICE = "enrollment-service";

    private Enrollment() {
    }

    /** POST /api/v1/persons as {@code clerk}; the new person's id. */
    public static UUID enrol(String clerk, TestPerson person) {
        Api.Response r = Api.of(SERVICE).as(clerk).post("/api/v1/persons", person.form()).expect(201);
        return UUID.fromString(r.json().path("id").asText(r.json().path("personId").asText()));
    }

    /** POST /api/v1/persons/{id}/reference-photos (multipart field photo); the template view. */
    public static Api.Response uploadReferencePhotos(String clerk, UUID personId, List<byte[]> photos, String contentType) {
        return Api.of(SERVICE).as(clerk).postMultipart("/api/v1/persons/" + personId + "/reference-photos", "photo", photos,
                "reference-", contentType);
    }

    /** The person's collection waiting for review, as the reviewer's queue lists it. */
    public static JsonNode pendingCollectionOf(String reviewer, UUID personId) {
        JsonNode[] found = new JsonNode[1];
        Awaitility.await("pending collection of " + personId).atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    JsonNode list = Api.of(SERVICE).as(reviewer).get("/api/v1/collections?status=PENDING&size=500").expect(200).json();
                    for (JsonNode c : list) {
                        if (c.path("personId").asText().equals(personId.toString())) {
                            found[0] = c;
                            return true;
                        }
                    }
                    return false;
                });
        return found[0];
    }

    public static Api.Response review(String reviewer, UUID collectionId, boolean approved, String reason) {
        return Api.of(SERVICE).as(reviewer).post("/api/v1/collections/" + collectionId + "/review",
                reason == null ? Map.of("approved", approved) : Map.of("approved", approved, "reason", reason));
    }

    /**
     * A recipient already on the bureau's books (collected in an earlier period): imported from the
     * bureau roster (CSV, the seed form's column names), which submits no new collection, then given
     * reference photos at the counter. appeal-service then has them DUE for the current period —
     * the "next period" of a person certified before, without moving any clock.
     */
    public static UUID importExisting(TestPerson person, List<byte[]> photos, String contentType) {
        return importExisting("clerk", person, photos, contentType);
    }

    /** {@link #importExisting(TestPerson, List, String)} by the clerk of another bureau. */
    public static UUID importExisting(String clerkUser, TestPerson person, List<byte[]> photos, String contentType) {
        String csv = "中文姓,中文名,中国身份证号,性别,出生日期,待遇类型,养老金发放地,手机号码,电子邮箱\n"
                + String.join(",", person.surname(), person.givenName(), person.idNumber(), person.sex(),
                        person.birthDate().toString(), "养老退休", "抚顺市", person.phone(), person.email()) + "\n";
        Api clerk = Api.of(SERVICE).as(clerkUser);
        JsonNode started = clerk.postBytes("/api/v1/roster-imports?charset=UTF-8&fileName=system-test.csv",
                "text/csv", csv.getBytes(java.nio.charset.StandardCharsets.UTF_8)).expect(202).json();
        String importId = started.path("importId").asText(started.path("id").asText());
        Awaitility.await("roster import " + importId).atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300))
                .until(() -> !"RUNNING".equals(clerk.get("/api/v1/roster-imports/" + importId).expect(200).json()
                        .path("status").asText()));
        JsonNode person1 = clerk.post("/api/v1/persons/lookup", Map.of("idNumber", person.idNumber())).expect(200).json();
        UUID id = UUID.fromString(person1.path("id").asText());
        uploadFirstAccepted(clerkUser, id, photos, contentType);
        // The photos submit a collection (enrollment-service: a person without one gets one); approving it
        // would certify the current period. The reviewer declines it instead: appeal-service counts a person
        // with a registered reference template as collected, and with no collection pending and nothing
        // certified the person is DUE now. This relies on that fold rule (collected = template registered
        // or collection approved); see README, Gaps.
        String reviewer = clerkUser.equals("clerk-other") ? null : "reviewer";
        if (reviewer != null) {
            JsonNode collection = pendingCollectionOf(reviewer, id);
            review(reviewer, UUID.fromString(collection.path("collectionId").asText()), false,
                    "本期请本人自助认证（系统测试）").expect(200);
        }
        return id;
    }

    /**
     * Uploads the candidate photos one at a time until enrollment-service's quality gate accepts
     * one (a clerk retakes a photo the gate refuses, e.g. 请正对摄像头); fails if none is accepted.
     */
    public static void uploadFirstAccepted(String clerk, UUID personId, List<byte[]> candidates, String contentType) {
        List<String> refusals = new java.util.ArrayList<>();
        for (byte[] photo : candidates) {
            Api.Response r = uploadReferencePhotos(clerk, personId, List.of(photo), contentType);
            if (r.status() == 201) {
                return;
            }
            refusals.add(r.toString());
        }
        throw new AssertionError("no reference photo accepted: " + refusals);
    }

    /** Enrol, upload the photos, approve the collection: a person ready to certify next period. */
    public static UUID enrolApproved(TestPerson person, List<byte[]> photos, String contentType) {
        UUID id = enrol("clerk", person);
        uploadReferencePhotos("clerk", id, photos, contentType).expect(201);
        JsonNode collection = pendingCollectionOf("reviewer", id);
        review("reviewer", UUID.fromString(collection.path("collectionId").asText()), true, null).expect(200);
        return id;
    }
}
