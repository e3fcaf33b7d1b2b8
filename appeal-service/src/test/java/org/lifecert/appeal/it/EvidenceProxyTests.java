package org.lifecert.appeal.it;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.lifecert.testing.LifeCertTestResource;
import org.lifecert.testing.TestTokens;

/**
 * The reviewer console's evidence proxy ({@code /console/api/evidence/{sessionId}}) against a real HTTP
 * server standing in for capture-gateway: the reviewer's own token goes through, the gateway's JSON,
 * 403 and 404 come back unchanged, only reviewers reach it, and a gateway that is down gives 503 in
 * Chinese. The page script shows the frames through this proxy, not through a gateway link.
 */
@QuarkusTest
@QuarkusTestResource(value = LifeCertTestResource.class, initArgs = @ResourceArg(name = "database", value = "appeal"))
@QuarkusTestResource(StubServices.class)
@QuarkusTestResource(StubGateway.class)
@QuarkusTestResource(StubEnrollment.class)
class EvidenceProxyTests {

    static final String BUREAU = "bureau-ev-a";

    static String token(String user, String bureau, String role) {
        return TestTokens.bearer(user, bureau, role);
    }

    @Test
    void reviewerGetsTheGatewaysFramesWithTheirOwnTokenForwarded() {
        UUID session = UUID.randomUUID();
        StubGateway.keep(session, BUREAU);
        String reviewer = token("reviewer-ev", BUREAU, "reviewer"); // one token: the stand-in must have seen exactly this one
        int before = StubGateway.SEEN.size();
        given().header("Authorization", reviewer).get("/console/api/evidence/" + session).then().statusCode(200)
                .body("sessionId", equalTo(session.toString())).body("frames", hasSize(2))
                .body("frames[0].action", equalTo("BLINK")).body("frames[1].stepIndex", equalTo(1))
                .body("frames[0].jpegBase64", equalTo(StubGateway.jpegBase64()));
        List<StubServices.Seen> seen = StubGateway.SEEN.subList(before, StubGateway.SEEN.size());
        assertThat(seen).singleElement().satisfies(s -> {
            assertThat(s.method()).isEqualTo("GET");
            assertThat(s.path()).isEqualTo("/api/v1/sessions/" + session + "/evidence");
            assertThat(s.authorization()).isEqualTo(reviewer);
        });
    }

    @Test
    void anotherBureausSessionIsTheGateways404() {
        UUID session = UUID.randomUUID();
        StubGateway.keep(session, BUREAU);
        given().header("Authorization", token("reviewer-other", "bureau-ev-b", "reviewer")).get("/console/api/evidence/" + session)
                .then().statusCode(404).body("message", equalTo("未找到相关信息"));
        given().header("Authorization", token("reviewer-ev", BUREAU, "reviewer")).get("/console/api/evidence/" + UUID.randomUUID())
                .then().statusCode(404);
    }

    @Test
    void onlyReviewersReachTheProxyAndNothingIsForwardedForOthers() {
        UUID session = UUID.randomUUID();
        StubGateway.keep(session, BUREAU);
        int before = StubGateway.SEEN.size();
        for (String role : List.of("clerk", "admin")) {
            given().header("Authorization", token(role + "-ev", BUREAU, role)).get("/console/api/evidence/" + session)
                    .then().statusCode(403);
        }
        given().get("/console/api/evidence/" + session).then().statusCode(401);
        assertThat(StubGateway.SEEN).hasSize(before);
    }

    @Test
    void aGateway403ComesBackUnchanged() {
        UUID session = UUID.randomUUID();
        StubGateway.keep(session, BUREAU);
        // the gateway checks role and bureau again itself; when it refuses, its 403 and message reach the page as they are
        StubGateway.refuseNext();
        given().header("Authorization", token("reviewer-ev", BUREAU, "reviewer")).get("/console/api/evidence/" + session).then().statusCode(403)
                .body("message", equalTo("您没有权限进行此操作"));
    }

    @Test
    void aSessionIdThatIsNotAUuidIsRefusedWithAChineseMessage() {
        int before = StubGateway.SEEN.size();
        given().header("Authorization", token("reviewer-ev", BUREAU, "reviewer")).get("/console/api/evidence/not-a-session")
                .then().statusCode(400).body("message", equalTo("认证记录编号格式不正确"));
        assertThat(StubGateway.SEEN).hasSize(before);
    }

    @Test
    void gatewayDownGives503WithAChineseMessage() {
        UUID session = UUID.randomUUID();
        StubGateway.keep(session, BUREAU);
        String reviewer = token("reviewer-ev", BUREAU, "reviewer");
        StubGateway.down();
        try {
            given().header("Authorization", reviewer).get("/console/api/evidence/" + session).then().statusCode(503)
                    .body("code", equalTo("SERVICE_UNREACHABLE")).body("message", equalTo("采集服务暂时无法访问，无法显示证据照片，请稍后再试"));
        } finally {
            StubGateway.up();
        }
        given().header("Authorization", reviewer).get("/console/api/evidence/" + session).then().statusCode(200).body("frames", hasSize(2));
    }

    @Test
    void reviewerPageShowsTheFramesThroughTheProxyNotThroughAGatewayLink() {
        String script = given().get("/console/console.js").then().statusCode(200).extract().asString();
        assertThat(script).contains("api('/console/api/evidence/' + encodeURIComponent(attempt.sessionId))")
                .contains("'data:image/jpeg;base64,' + f.jpegBase64").contains("img.alt =")
                .doesNotContain("evidenceUrl").doesNotContain("查看照片");
        String page = given().get("/console/index.html").then().statusCode(200).extract().asString();
        assertThat(page).contains("<script src=\"console.js\"></script>").contains("证据照片").contains("参考照片");
        given().get("/q/openapi").then().statusCode(200).body(org.hamcrest.Matchers.containsString("/console/api/evidence/{sessionId}"));
    }
}
