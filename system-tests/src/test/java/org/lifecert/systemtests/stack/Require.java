package org.lifecert.systemtests.stack;

import static org.assertj.core.api.Assertions.fail;

/** Preconditions of a journey: the services it crosses must be built and ready, else it fails saying which. */
public final class Require {

    private Require() {
    }

    public static void services(String... names) {
        SystemStack stack = SystemStack.get();
        StringBuilder missing = new StringBuilder();
        for (String name : names) {
            if (!stack.built(name)) {
                missing.append("\n  ").append(name).append(": not built (no target/quarkus-app/quarkus-run.jar)");
                continue;
            }
            Api.Response ready;
            try {
                ready = Api.of(name).get("/q/health/ready");
            } catch (RuntimeException e) {
                missing.append("\n  ").append(name).append(": not answering (").append(e.getMessage()).append("), log ")
                        .append(stack.logOf(name));
                continue;
            }
            if (ready.status() != 200) {
                missing.append("\n  ").append(name).append(": not ready: ").append(ready).append(", log ")
                        .append(stack.logOf(name));
            }
        }
        if (!missing.isEmpty()) {
            fail("this journey needs services that are not available:" + missing);
        }
    }
}
