package org.lifecert.gateway;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;

/** A random session-token signing key per test JVM, the appeal-service and enrollment-service stubs. */
public class GatewayTestResource implements QuarkusTestResourceLifecycleManager {

    private AppealStub stub;
    private EnrollmentStub enrollment;

    @Override
    public Map<String, String> start() {
        try {
            stub = new AppealStub();
            enrollment = new EnrollmentStub();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Map.of("lifecert.gateway.token.signing-key", Base64.getEncoder().encodeToString(key),
                "quarkus.rest-client.appeal.url", stub.url(),
                "quarkus.rest-client.enrollment.url", enrollment.url(),
                "lifecert.gateway.housekeeping-every", "1s");
    }

    @Override
    public void stop() {
        if (stub != null) {
            stub.stop();
        }
        if (enrollment != null) {
            enrollment.stop();
        }
    }
}
