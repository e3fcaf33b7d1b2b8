package org.lifecert.gateway;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;

/** A random session-token signing key per test JVM and the appeal-service stub. */
public class GatewayTestResource implements QuarkusTestResourceLifecycleManager {

    private AppealStub stub;

    @Override
    public Map<String, String> start() {
        try {
            stub = new AppealStub();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Map.of("lifecert.gateway.token.signing-key", Base64.getEncoder().encodeToString(key),
                "quarkus.rest-client.appeal.url", stub.url(),
                "lifecert.gateway.housekeeping-every", "1s");
    }

    @Override
    public void stop() {
        if (stub != null) {
            stub.stop();
        }
    }
}
