package org.lifecert.appeal.it;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.lifecert.testing.LifeCertTestResource;
import org.lifecert.testing.TestTokens;

/**
 * The reviewer console's reference-photo proxy ({@code /console/api/reference-photos/{personId}}) against a real
 * HTTP server standing in for enrollment-service: the reviewer's own token goes through, the image comes back
 * byte for byte with its type and photo count, enrollment's 403/404 (another bureau, no photo) come back
 * unchanged, only reviewers reach it, and an enrollment-service that is down gives 503 in Chinese. The reviewer
 * page shows the photos through this proxy. Same test resources as {@link EvidenceProxyTests} (one Quarkus boot).
 */
@QuarkusTest
@QuarkusTestResource(value = LifeCertTestResource.class, initArgs = @ResourceArg(name = "database", value = "appeal"))
@QuarkusTestResource(StubServices.class)
@QuarkusTestResource(StubGateway.class)
@QuarkusTestResource(StubEnrollment.class)
class ReferencePhotoProxyTests {

    static final String BUREAU = "bureau-ref-a";

    static String token(String user, String bureau, String role) {
        return TestTokens.bearer(user, bureau, role);
    }

    @Test
    void reviewerGetsTheCurrentPhotoBytesWithTheirOwnTokenForwarded() {
        UUID person = UUID.randomUUID();
        byte[] first = StubEnrollment.jpeg(0x336699);
        byte[] second = StubEnrollment.jpeg(0x996633);
        StubEnrollment.person(person, BUREAU, first, second);
        String reviewer = token("reviewer-ref", BUREAU, "reviewer");
        int before = StubEnrollment.SEEN.size();
        ExtractableResponse<Response> zero = given().header("Authorization", reviewer).get("/console/api/reference-photos/" + person)
                .then().statusCode(200).extract();
        assertThat(zero.contentType()).isEqualTo("image/jpeg");
        assertThat(zero.header("X-Photo-Count")).isEqualTo("2");
        assertThat(zero.asByteArray()).isEqualTo(first);
        assertThat(given().header("Authorization", reviewer).get("/console/api/reference-photos/" + person + "?index=1")
                .then().statusCode(200).extract().asByteArray()).isEqualTo(second);

        List<StubServices.Seen> seen = StubEnrollment.SEEN.subList(before, StubEnrollment.SEEN.size());
        assertThat(seen).hasSize(2);
        assertThat(seen.get(0).method()).isEqualTo("GET");
        assertThat(seen.get(0).path()).isEqualTo("/api/v1/persons/" + person + "/reference-photos/current?index=0");
        assertThat(seen.get(1).path()).isEqualTo("/api/v1/persons/" + person + "/reference-photos/current?index=1");
        assertThat(seen).allSatisfy(s -> assertThat(s.authorization()).isEqualTo(reviewer));
    }

    @Test
    void anotherBureausPersonIsEnrollments404() {
        UUID person = UUID.randomUUID();
        StubEnrollment.person(person, BUREAU, StubEnrollment.jpeg(0x336699));
        given().header("Authorization", token("reviewer-other", "bureau-ref-b", "reviewer")).get("/console/api/reference-photos/" + person)
                .then().statusCode(404).body("code", equalTo("NOT_FOUND")).body("message", equalTo("未找到相关信息"));
    }

    @Test
    void aPersonWithoutPhotoIs404WithEnrollmentsMessage() {
        UUID person = UUID.randomUUID();
        StubEnrollment.person(person, BUREAU);
        given().header("Authorization", token("reviewer-ref", BUREAU, "reviewer")).get("/console/api/reference-photos/" + person)
                .then().statusCode(404).body("code", equalTo("NO_REFERENCE_PHOTO")).body("message", equalTo(StubEnrollment.NO_PHOTO));
    }

    @Test
    void onlyReviewersReachTheProxyAndNothingIsForwardedForOthers() {
        UUID person = UUID.randomUUID();
        StubEnrollment.person(person, BUREAU, StubEnrollment.jpeg(0x336699));
        int before = StubEnrollment.SEEN.size();
        for (String role : List.of("clerk", "admin")) {
            given().header("Authorization", token(role + "-ref", BUREAU, role)).get("/console/api/reference-photos/" + person)
                    .then().statusCode(403);
        }
        given().get("/console/api/reference-photos/" + person).then().statusCode(401);
        given().header("Authorization", token("reviewer-ref", BUREAU, "reviewer")).get("/console/api/reference-photos/not-a-person")
                .then().statusCode(400).body("message", equalTo("人员编号格式不正确"));
        assertThat(StubEnrollment.SEEN).hasSize(before);
    }

    @Test
    void enrollmentDownGives503WithAChineseMessage() {
        UUID person = UUID.randomUUID();
        StubEnrollment.person(person, BUREAU, StubEnrollment.jpeg(0x336699));
        String reviewer = token("reviewer-ref", BUREAU, "reviewer");
        StubEnrollment.down();
        try {
            given().header("Authorization", reviewer).get("/console/api/reference-photos/" + person).then().statusCode(503)
                    .body("code", equalTo("SERVICE_UNREACHABLE")).body("message", equalTo("人员信息服务暂时无法访问，无法显示参考照片，请稍后再试"));
        } finally {
            StubEnrollment.up();
        }
        given().header("Authorization", reviewer).get("/console/api/reference-photos/" + person).then().statusCode(200);
    }

    @Test
    void reviewerPageShowsTheReferencePhotosThroughTheProxyAndAuditsHowManyWereShown() {
        String script = given().get("/console/console.js").then().statusCode(200).extract().asString();
        assertThat(script).contains("'/console/api/reference-photos/' + encodeURIComponent(appeal.personId) + '?index='")
                .contains("response.headers.get('X-Photo-Count')").contains("URL.createObjectURL(p.blob)")
                .contains("referencePhotosShown: current.referencePhotosShown || 0");
        String page = given().get("/console/index.html").then().statusCode(200).extract().asString();
        assertThat(page).contains("id=\"reference-photos\"").contains("参考照片（人员信息采集时上传")
                .doesNotContain("人员信息服务目前不向审核员提供参考照片");
        given().get("/q/openapi").then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("/console/api/reference-photos/{personId}"));
    }
}
