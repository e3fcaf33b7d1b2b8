package org.lifecert.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.lifecert.gateway.GatewayFixtures.TestPerson;
import org.lifecert.gateway.login.Captchas;
import org.lifecert.gateway.person.PersonDirectory;
import org.lifecert.platform.pii.IdNumbers;
import org.lifecert.testing.LifeCertTestResource;

@QuarkusTest
@QuarkusTestResource(value = LifeCertTestResource.class, initArgs = @ResourceArg(name = "database", value = "gateway"))
@QuarkusTestResource(GatewayTestResource.class)
class LoginTests {

    @Inject
    Captchas captchas;
    @Inject
    IdNumbers idNumbers;
    @Inject
    PersonDirectory directory;
    @ConfigProperty(name = "quarkus.rest-client.appeal.url")
    String appeal;

    @Test
    void captchaIsAServerDrawnPngThatAnswersOnce() {
        TestPerson person = GatewayFixtures.enroll("bureau-a", idNumbers, directory);
        GatewayFixtures.state(appeal, person.personId(), "DUE");
        String address = GatewayFixtures.randomAddress();
        String image = given().post("/api/v1/captcha").then().statusCode(200)
                .header("Cache-Control", containsString("no-store")).extract().path("image");
        assertThat(image).startsWith("data:image/png;base64,");
        UUID captchaId = UUID.fromString(given().post("/api/v1/captcha").then().extract().path("captchaId"));
        String answer = captchas.answerOf(captchaId);

        GatewayFixtures.loginWith(person.idNumber(), captchaId, "WRONG", address).then().statusCode(400)
                .body("code", equalTo("CAPTCHA_WRONG")).body("message", equalTo("验证码不正确，请重新输入"));
        GatewayFixtures.loginWith(person.idNumber(), captchaId, answer, address).then().statusCode(400)
                .body("code", equalTo("CAPTCHA_EXPIRED"));
    }

    @Test
    void loginGivesASignedTokenTheStateAndTheMaskedName() {
        TestPerson person = GatewayFixtures.enroll("bureau-a", idNumbers, directory);
        GatewayFixtures.state(appeal, person.personId(), "DUE");
        GatewayFixtures.login(person.idNumber(), captchas, GatewayFixtures.randomAddress()).then().statusCode(200)
                .body("token", notNullValue())
                .body("person.name", equalTo("王**"))
                .body("person.idNumberMasked", startsWith("110"))
                .body("certification.state", equalTo("DUE"))
                .body("certification.allowed", equalTo(true));
    }

    @Test
    void idNumberFailingTheGb11643CheckIsRefused() {
        String good = GatewayFixtures.newIdNumber();
        String bad = good.substring(0, 17) + (good.charAt(17) == '1' ? '2' : '1');
        GatewayFixtures.login(bad, captchas, GatewayFixtures.randomAddress()).then().statusCode(400)
                .body("code", equalTo("ID_NUMBER_INVALID")).body("message", equalTo("请输入正确的身份证号"));
    }

    @Test
    void unknownIdNumberIsToldItWasNotCollected() {
        GatewayFixtures.login(GatewayFixtures.newIdNumber(), captchas, GatewayFixtures.randomAddress()).then()
                .statusCode(404).body("message", equalTo("您当前信息未采集，请联系当地社保局进行采集"));
    }

    @Test
    void repeatedFailuresLockTheIdNumberWithTheTimeToComeBack() {
        TestPerson person = GatewayFixtures.enroll("bureau-a", idNumbers, directory);
        GatewayFixtures.state(appeal, person.personId(), "DUE");
        for (int i = 0; i < 5; i++) {
            UUID captchaId = UUID.fromString(given().post("/api/v1/captcha").then().extract().path("captchaId"));
            // a fresh address each time: only the per-ID limit is reached
            GatewayFixtures.loginWith(person.idNumber(), captchaId, "NOPE", GatewayFixtures.randomAddress())
                    .then().statusCode(400);
        }
        GatewayFixtures.login(person.idNumber(), captchas, GatewayFixtures.randomAddress()).then().statusCode(429)
                .body("code", equalTo("LOGIN_LOCKED"))
                .body("message", containsString("登录失败次数过多，已暂时锁定，请于"))
                .body("message", containsString("后再试"));
    }

    @Test
    void repeatedFailuresLockTheClientAddress() {
        String address = GatewayFixtures.randomAddress();
        for (int i = 0; i < 20; i++) {
            GatewayFixtures.login(GatewayFixtures.newIdNumber(), captchas, address).then().statusCode(404);
        }
        TestPerson person = GatewayFixtures.enroll("bureau-a", idNumbers, directory);
        GatewayFixtures.state(appeal, person.personId(), "DUE");
        GatewayFixtures.login(person.idNumber(), captchas, address).then().statusCode(429)
                .body("code", equalTo("LOGIN_LOCKED"));
        GatewayFixtures.login(person.idNumber(), captchas, GatewayFixtures.randomAddress()).then().statusCode(200);
    }

    @Test
    void forgedOrMissingSessionTokenIsRefused() {
        TestPerson person = GatewayFixtures.enroll("bureau-a", idNumbers, directory);
        GatewayFixtures.state(appeal, person.personId(), "DUE");
        String token = GatewayFixtures.token(person, captchas);
        String forged = token.substring(0, token.indexOf('.') + 1) + "AAAA" + token.substring(token.indexOf('.') + 5);
        GatewayFixtures.startSession(forged, null).then().statusCode(401).body("message", equalTo("登录已失效，请重新登录"));
        given().contentType("application/json").body("{}").post("/api/v1/sessions").then().statusCode(401);
    }

    @Test
    void certifiedPersonLogsInButIsToldWithTheNextPeriod() {
        TestPerson person = GatewayFixtures.enroll("bureau-a", idNumbers, directory);
        GatewayFixtures.state(appeal, person.personId(), "CERTIFIED", LocalDate.of(2027, 1, 1));
        GatewayFixtures.login(person.idNumber(), captchas, GatewayFixtures.randomAddress()).then().statusCode(200)
                .body("certification.allowed", equalTo(false))
                .body("certification.message", equalTo("您本期已认证成功，下次认证期：2027年1月1日起"));
    }
}
