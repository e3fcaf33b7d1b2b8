package org.lifecert.gateway;

import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lifecert.gateway.GatewayFixtures.TestPerson;
import org.lifecert.gateway.login.Captchas;
import org.lifecert.gateway.person.PersonDirectory;
import org.lifecert.platform.pii.IdNumbers;
import org.lifecert.testing.LifeCertTestResource;

/** Before any capture the gateway asks appeal-service (a real HTTP stub here) and answers with the seed's words. */
@QuarkusTest
@QuarkusTestResource(value = LifeCertTestResource.class, initArgs = @ResourceArg(name = "database", value = "gateway"))
@QuarkusTestResource(GatewayTestResource.class)
class CertificationStateTests {

    @Inject
    Captchas captchas;
    @Inject
    IdNumbers idNumbers;
    @Inject
    PersonDirectory directory;
    @ConfigProperty(name = "quarkus.rest-client.appeal.url")
    String appeal;

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "NOT_COLLECTED, 您当前信息未采集，请联系当地社保局进行采集",
            "CERTIFIED, 您本期已认证成功",
            "APPEAL_UNDER_REVIEW, 您的申诉正在审核中，请联系当地社保局",
            "APPEAL_REJECTED, 您的申诉审核未通过，请去当地社保大厅办理",
            "COLLECTION_UNDER_REVIEW, 您的信息正在审核中，请联系当地社保局"})
    void stateThatAllowsNoAttemptRefusesTheSessionWithTheSeedMessage(String state, String message) {
        TestPerson person = GatewayFixtures.enroll("bureau-a", idNumbers, directory);
        GatewayFixtures.state(appeal, person.personId(), "DUE");
        String token = GatewayFixtures.token(person, captchas);
        GatewayFixtures.state(appeal, person.personId(), state);
        GatewayFixtures.startSession(token, null).then().statusCode(409)
                .body("code", equalTo("STATE_" + state)).body("message", equalTo(message));
    }

    @Test
    void personUnknownToAppealServiceIsNotCollected() {
        TestPerson person = GatewayFixtures.enroll("bureau-a", idNumbers, directory);
        String token = GatewayFixtures.token(person, captchas);
        GatewayFixtures.startSession(token, null).then().statusCode(409)
                .body("message", equalTo("您当前信息未采集，请联系当地社保局进行采集"));
    }

    @Test
    void failedOnceMayTryAgain() {
        TestPerson person = GatewayFixtures.enroll("bureau-a", idNumbers, directory);
        GatewayFixtures.state(appeal, person.personId(), "FAILED_ONCE");
        String token = GatewayFixtures.token(person, captchas);
        GatewayFixtures.startSession(token, null).then().statusCode(200);
    }
}
