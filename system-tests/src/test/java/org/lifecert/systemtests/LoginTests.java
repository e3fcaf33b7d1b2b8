package org.lifecert.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.lifecert.systemtests.clients.Gateway;
import org.lifecert.systemtests.clients.TestPerson;
import org.lifecert.systemtests.stack.Api;
import org.lifecert.systemtests.stack.Require;
import org.lifecert.systemtests.stack.StackExtension;

/** The recipient's first step at the gateway (seed 4.2 (2) and 4.3 (4)), before anything is enrolled. */
@ExtendWith(StackExtension.class)
@Order(2)
class LoginTests {

    @Test
    void recipientNotCollectedIsToldToGoToTheBureau() {
        Require.services("capture-gateway");
        Api.Response answer = Gateway.tryLogin(TestPerson.random().idNumber());
        assertThat(answer.status()).as(answer.toString()).isEqualTo(404);
        assertThat(answer.json().path("message").asText()).isEqualTo("您当前信息未采集，请联系当地社保局进行采集");
        assertThat(answer.text()).as("no stack trace in a problem answer").doesNotContain("Exception");
    }

    @Test
    void wrongCaptchaIsRefusedWithoutLoggingIn() {
        Require.services("capture-gateway");
        String captchaId = Api.of(Gateway.SERVICE).post("/api/v1/captcha", "{}").expect(200).json().path("captchaId").asText();
        Api.Response answer = Api.of(Gateway.SERVICE).header("X-Forwarded-For", "10.99.0.1").post("/api/v1/login",
                java.util.Map.of("idNumber", TestPerson.random().idNumber(), "captchaId", captchaId, "captchaAnswer", "!!!!"));
        assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
        assertThat(answer.json().path("code").asText()).isEqualTo("CAPTCHA_WRONG");
    }
}
