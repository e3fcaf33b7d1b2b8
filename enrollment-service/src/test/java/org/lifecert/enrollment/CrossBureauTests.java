package org.lifecert.enrollment;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.io.File;
import java.util.Base64;
import java.util.Map;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lifecert.enrollment.person.PersonForm;
import org.lifecert.testing.LifeCertTestResource;

/**
 * A member of bureau B can neither read nor change anything of bureau A, on every endpoint: the answer is
 * 404 (not 403), so B does not even learn that A's record exists, and A's record is left as it was.
 */
@QuarkusTest
@QuarkusTestResource(value = LifeCertTestResource.class, initArgs = @ResourceArg(name = "database", value = "enrollment"))
class CrossBureauTests {

    PersonForm form;
    String personId;
    String collectionId;
    String linkId;

    @BeforeEach
    void personOfBureauAWithCollectionAndRelative() throws Exception {
        form = PersonForms.valid();
        personId = Staff.enrolInA(form);
        collectionId = Staff.reviewerA().queryParam("personId", personId).get("/api/v1/collections").then().statusCode(200)
                .extract().jsonPath().<String>getList("findAll { it.personId == '" + personId + "' }.collectionId").get(0);
        String recipientId = Staff.enrolInA(PersonForms.valid());
        linkId = given().contentType("application/json").body(Map.of("relativePersonId", recipientId,
                "idNumber", form.idNumber(), "surname", form.surname(), "givenName", form.givenName(), "relationship", "子女",
                "documentPhotoBase64", Base64.getEncoder().encodeToString(
                        Files.readAllBytes(org.lifecert.testing.SharedData.face("liveness/live/T1.jpg")))))
                .post("/internal/v1/relatives").then().statusCode(201).extract().path("linkId");
    }

    @Test
    void readingAPersonOfAnotherBureauIsNotFound() {
        Staff.clerkB().get("/api/v1/persons/" + personId).then().statusCode(404).body("message", equalTo("未找到相关信息"));
        Staff.adminB().get("/api/v1/persons/" + personId).then().statusCode(404);
        Staff.reviewerB().get("/api/v1/persons/" + personId).then().statusCode(404);
    }

    @Test
    void updatingAPersonOfAnotherBureauIsNotFoundAndChangesNothing() {
        PersonForm changed = new PersonForm(form.idNumber(), "李", "四", form.sex(), form.birthDate(), form.benefitType(),
                form.pensionPlace(), form.phone(), null, null);
        Staff.clerkB().body(changed).put("/api/v1/persons/" + personId).then().statusCode(404);
        Staff.adminB().body(changed).put("/api/v1/persons/" + personId).then().statusCode(404);
        Staff.clerkA().get("/api/v1/persons/" + personId).then().body("surname", equalTo("张"));
    }

    @Test
    void deactivatingAPersonOfAnotherBureauIsNotFoundAndChangesNothing() {
        Staff.clerkB().body(Map.of("status", "DECEASED", "reason", "x")).post("/api/v1/persons/" + personId + "/deactivation")
                .then().statusCode(404);
        Staff.clerkA().get("/api/v1/persons/" + personId).then().body("status", equalTo("ACTIVE"));
    }

    @Test
    void lookingUpAnIdNumberOfAnotherBureauIsNotFound() {
        Staff.clerkB().body(Map.of("idNumber", form.idNumber())).post("/api/v1/persons/lookup").then().statusCode(404);
    }

    @Test
    void searchingNeverShowsAnotherBureausPeople() {
        Staff.clerkB().queryParam("name", "张三丰").queryParam("size", 200).get("/api/v1/persons").then().statusCode(200)
                .body("items.id", not(hasItem(personId)));
        Staff.adminB().queryParam("size", 200).get("/api/v1/persons").then().statusCode(200)
                .body("items.bureau", not(hasItem(Staff.BUREAU_A)));
    }

    @Test
    void auditTrailOfAnotherBureausPersonIsNotFound() {
        Staff.clerkB().get("/api/v1/persons/" + personId + "/audit").then().statusCode(404);
    }

    @Test
    void collectionsOfAnotherBureauAreNeitherListedNorReviewable() {
        Staff.reviewerB().queryParam("personId", personId).get("/api/v1/collections").then().statusCode(200)
                .body("collectionId", not(hasItem(collectionId)));
        Staff.reviewerB().body(Map.of("approved", true)).post("/api/v1/collections/" + collectionId + "/review")
                .then().statusCode(404);
        Staff.reviewerB().get("/api/v1/collections/" + collectionId + "/reference-photos").then().statusCode(404);
        Staff.reviewerA().queryParam("personId", personId).get("/api/v1/collections").then().body("collectionId", hasItem(collectionId));
    }

    @Test
    void relativesOfAnotherBureausPersonAreNeitherListedNorUnlinkable() {
        Staff.clerkB().get("/api/v1/persons/" + personId + "/relatives").then().statusCode(404);
        Staff.clerkB().post("/api/v1/persons/" + personId + "/relatives/" + linkId + "/unlink").then().statusCode(404);
        Staff.clerkA().get("/api/v1/persons/" + personId + "/relatives").then().body("[0].status", equalTo("PENDING"));
    }

    @Test
    void referencePhotosOfAnotherBureausPersonAreNeitherUploadedNorRead() {
        Staff.clerkB().contentType("multipart/form-data")
                .multiPart("photo", org.lifecert.testing.SharedData.face("verify/raj/1.png").toFile())
                .post("/api/v1/persons/" + personId + "/reference-photos").then().statusCode(404);
        Staff.clerkB().get("/api/v1/persons/" + personId + "/reference-photos/template").then().statusCode(404);
        Staff.reviewerB().get("/api/v1/persons/" + personId + "/reference-photos/current").then().statusCode(404)
                .body("code", equalTo("NOT_FOUND"));
        Staff.clerkA().get("/api/v1/persons/" + personId + "/reference-photos/template").then().statusCode(404)
                .body("detail", equalTo("template of person " + personId + " not found"));
    }

    @Test
    void rosterImportsOfAnotherBureauAreNotFound() {
        String importId = Staff.clerkA().contentType("text/csv")
                .body(org.lifecert.enrollment.roster.RosterFiles.HEADER + "\n").post("/api/v1/roster-imports")
                .then().statusCode(202).extract().path("importId");
        Staff.clerkB().get("/api/v1/roster-imports/" + importId).then().statusCode(404);
        Staff.clerkB().get("/api/v1/roster-imports/" + importId + "/errors").then().statusCode(404);
        Staff.clerkA().get("/api/v1/roster-imports/" + importId).then().statusCode(200);
    }
}
