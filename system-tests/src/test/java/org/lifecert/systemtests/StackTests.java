package org.lifecert.systemtests;

import org.assertj.core.api.SoftAssertions;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.lifecert.systemtests.stack.Api;
import org.lifecert.systemtests.stack.StackExtension;
import org.lifecert.systemtests.stack.SystemStack;
import org.lifecert.systemtests.stack.Tokens;

/** The harness itself: the real stack is up, every service ready, the provider issues bureau tokens. */
@ExtendWith(StackExtension.class)
@Order(1)
class StackTests {

    @Test
    void stackComesUpWithEveryServiceReady() {
        SystemStack stack = SystemStack.get();
        SoftAssertions soft = new SoftAssertions();
        for (String service : SystemStack.SERVICES) {
            if (!stack.built(service)) {
                soft.fail("%s is not built (no target/quarkus-app/quarkus-run.jar): ./mvnw install -DskipTests", service);
                continue;
            }
            Api.Response ready;
            try {
                ready = Api.of(service).get("/q/health/ready");
            } catch (RuntimeException e) {
                soft.fail("%s does not answer (log %s): %s", service, stack.logOf(service), e.getMessage());
                continue;
            }
            soft.assertThat(ready.status()).as("%s readiness (log %s): %s", service, stack.logOf(service), ready).isEqualTo(200);
            soft.assertThat(ready.json().path("status").asText()).as(service + " " + ready).isEqualTo("UP");
        }
        JsonNode clerk = Tokens.claims(Tokens.accessToken("clerk"));
        soft.assertThat(clerk.path("bureau").asText()).isEqualTo("demo-bureau");
        soft.assertThat(clerk.path("realm_access").path("roles").toString()).contains("clerk");
        soft.assertThat(Tokens.claims(Tokens.accessToken("clerk-other")).path("bureau").asText()).isEqualTo("other-bureau");
        soft.assertThat(stack.allUp()).as("the stack reported every part ready").isTrue();
        soft.assertAll();
    }
}
