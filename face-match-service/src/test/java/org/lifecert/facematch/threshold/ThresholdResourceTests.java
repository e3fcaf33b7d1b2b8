package org.lifecert.facematch.threshold;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.lifecert.testing.LifeCertTestResource;
import org.lifecert.testing.TestTokens;

/**
 * The console's match-threshold contract (issue 10) over HTTP with real signed tokens and the real database. Each
 * test uses a bureau of its own, so the order of tests does not matter.
 */
@QuarkusTest
@QuarkusTestResource(value = LifeCertTestResource.class, initArgs = @ResourceArg(name = "database", value = "facematch"))
class ThresholdResourceTests {

    private static final String PATH = "/console/api/match-threshold";

    private static String admin(String bureau) {
        return TestTokens.bearer("admin-" + bureau, bureau, "admin");
    }

    @Test
    void adminReadsTheDefaultThresholdWithBoundsAndCalibration() {
        given().header("Authorization", admin("bureau-read")).when().get(PATH).then().statusCode(200)
                .body("bureau", equalTo("bureau-read"))
                .body("threshold", equalTo(0.40f))
                .body("falseAcceptRate", equalTo(0.001f))
                .body("min", equalTo(0.32f))
                .body("max", equalTo(0.60f))
                .body("calibration.size()", greaterThan(3))
                .body("calibration.threshold", hasItem(0.40f))
                .body("calibration[0].falseAcceptRate", notNullValue())
                .body("custom", equalTo(false))
                .body("updatedBy", nullValue());
    }

    @Test
    void adminSetsTheThresholdAndTheChangeIsAudited() {
        String bureau = "bureau-set";
        given().header("Authorization", admin(bureau)).contentType(ContentType.JSON).body("{\"threshold\":0.45}")
                .when().put(PATH).then().statusCode(200)
                .body("bureau", equalTo(bureau)).body("threshold", equalTo(0.45f))
                .body("falseAcceptRate", equalTo(0.001f)).body("custom", equalTo(true))
                .body("updatedBy", equalTo("admin-" + bureau));
        given().header("Authorization", admin(bureau)).when().get(PATH).then().statusCode(200)
                .body("threshold", equalTo(0.45f));
        given().header("Authorization", admin(bureau)).contentType(ContentType.JSON).body("{\"threshold\":0.5}")
                .when().put(PATH).then().statusCode(200).body("threshold", equalTo(0.5f));
        given().header("Authorization", admin(bureau)).when().get(PATH + "/history").then().statusCode(200)
                .body("size()", equalTo(2))
                .body("[0].from", equalTo(0.45f)).body("[0].to", equalTo(0.5f))
                .body("[1].from", equalTo(0.40f)).body("[1].to", equalTo(0.45f))
                .body("[1].actor", equalTo("admin-" + bureau));
    }

    @Test
    void thresholdOutsideTheBoundsIsRefusedInChinese() {
        String bureau = "bureau-bounds";
        given().header("Authorization", admin(bureau)).contentType(ContentType.JSON).body("{\"threshold\":0.9}")
                .when().put(PATH).then().statusCode(400)
                .body("code", equalTo("THRESHOLD_OUT_OF_RANGE"))
                .body("message", equalTo("比对阈值须在 0.32 至 0.6 之间，当前为 0.9"))
                .body("errors[0].field", equalTo("threshold"));
        given().header("Authorization", admin(bureau)).contentType(ContentType.JSON).body("{\"threshold\":0.2}")
                .when().put(PATH).then().statusCode(400).body("code", equalTo("THRESHOLD_OUT_OF_RANGE"));
        given().header("Authorization", admin(bureau)).contentType(ContentType.JSON).body("{\"threshold\":\"high\"}")
                .when().put(PATH).then().statusCode(400).body("code", equalTo("THRESHOLD_MISSING"))
                .body("message", equalTo("请填写比对阈值（0 到 1 之间的小数）"));
        given().header("Authorization", admin(bureau)).contentType(ContentType.JSON).body("not json")
                .when().put(PATH).then().statusCode(400).body("code", equalTo("THRESHOLD_MISSING"));
        // nothing was stored
        given().header("Authorization", admin(bureau)).when().get(PATH).then().statusCode(200)
                .body("threshold", equalTo(0.40f)).body("custom", equalTo(false));
    }

    @Test
    void reviewerMayReadButNotChangeAndClerkMayDoNeither() {
        String bureau = "bureau-roles";
        given().header("Authorization", TestTokens.bearer("reviewer-r", bureau, "reviewer")).when().get(PATH)
                .then().statusCode(200).body("bureau", equalTo(bureau));
        given().header("Authorization", TestTokens.bearer("reviewer-r", bureau, "reviewer"))
                .contentType(ContentType.JSON).body("{\"threshold\":0.45}").when().put(PATH).then().statusCode(403);
        given().header("Authorization", TestTokens.bearer("clerk-r", bureau, "clerk")).when().get(PATH)
                .then().statusCode(403);
        given().header("Authorization", TestTokens.bearer("clerk-r", bureau, "clerk"))
                .contentType(ContentType.JSON).body("{\"threshold\":0.45}").when().put(PATH).then().statusCode(403);
        given().when().get(PATH).then().statusCode(401);
        given().header("Authorization", admin(bureau)).when().get(PATH).then().statusCode(200)
                .body("threshold", equalTo(0.40f));
    }

    @Test
    void aBureausThresholdIsInvisibleAndUntouchableForAnotherBureau() {
        given().header("Authorization", admin("bureau-iso-1")).contentType(ContentType.JSON)
                .body("{\"threshold\":0.55}").when().put(PATH).then().statusCode(200);
        given().header("Authorization", admin("bureau-iso-2")).when().get(PATH).then().statusCode(200)
                .body("bureau", equalTo("bureau-iso-2")).body("threshold", equalTo(0.40f));
        given().header("Authorization", admin("bureau-iso-2")).contentType(ContentType.JSON)
                .body("{\"threshold\":0.35}").when().put(PATH).then().statusCode(200);
        given().header("Authorization", admin("bureau-iso-1")).when().get(PATH).then().statusCode(200)
                .body("threshold", equalTo(0.55f));
        given().header("Authorization", admin("bureau-iso-2")).when().get(PATH + "/history").then()
                .body("size()", equalTo(1)).body("[0].to", equalTo(0.35f));
    }

    @Test
    void openApiDocumentsTheContract() {
        given().when().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths.'/console/api/match-threshold'.get", notNullValue())
                .body("paths.'/console/api/match-threshold'.put", notNullValue());
    }
}
