package org.lifecert.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class StackTuningTests {

    @Test
    void gatewayGetsAHalfYoungHeapBeforeConfiguredOptions() {
        System.setProperty("lifecert.local.jvm-options.capture-gateway", "-XX:StartFlightRecording=filename={logs}/{service}.jfr");
        try {
            assertThat(StackTuning.jvmOptions("capture-gateway", Path.of("/logs")))
                    .containsExactly("-XX:NewRatio=1", "-XX:StartFlightRecording=filename=/logs/capture-gateway.jfr");
        } finally {
            System.clearProperty("lifecert.local.jvm-options.capture-gateway");
        }
        assertThat(StackTuning.jvmOptions("appeal-service", Path.of("/logs"))).isEmpty();
    }
}
