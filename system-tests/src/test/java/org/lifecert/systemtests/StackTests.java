package org.lifecert.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

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
        assertThat(stack.notBuilt())
                .as("services without target/quarkus-app/quarkus-run.jar (run ./mvnw install -DskipTests first)")
                .isEmpty();
        for (String service : SystemStack.SERVICES) {
            Api.Response ready = Api.of(service).get("/q/health/ready");
            assertThat(ready.status()).as("%s readiness (log %s): %s", service, stack.logOf(service), ready).isEqualTo(200);
            assertThat(ready.json().path("status").asText()).as(service + " " + ready).isEqualTo("UP");
        }
        assertThat(stack.allUp()).as("LocalStack.start reported every part ready").isTrue();

        JsonNode clerk = Tokens.claims(Tokens.accessToken("clerk"));
        assertThat(clerk.path("bureau").asText()).isEqualTo("demo-bureau");
        assertThat(clerk.path("realm_access").path("roles").toString()).contains("clerk");
        assertThat(Tokens.claims(Tokens.accessToken("clerk-other")).path("bureau").asText()).isEqualTo("other-bureau");
    }
}
