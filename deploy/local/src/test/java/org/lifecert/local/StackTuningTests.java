package org.lifecert.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class StackTuningTests {

    @Test
    void everyServiceRunsC1AndTheGatewayAHalfYoungHeapBeforeConfiguredOptions() {
        System.setProperty("lifecert.local.jvm-options.capture-gateway", "-XX:StartFlightRecording=filename={logs}/{service}.jfr");
        try {
            assertThat(StackTuning.jvmOptions("capture-gateway", Path.of("/logs")))
                    .containsExactly("-XX:TieredStopAtLevel=1", "-XX:NewRatio=1",
                            "-XX:StartFlightRecording=filename=/logs/capture-gateway.jfr");
        } finally {
            System.clearProperty("lifecert.local.jvm-options.capture-gateway");
        }
        assertThat(StackTuning.jvmOptions("appeal-service", Path.of("/logs"))).containsExactly("-XX:TieredStopAtLevel=1");
    }

    @Test
    void everyServiceGetsTheRelayPollAndTheWorkersTheirThreadsUnderConfiguredKeys() {
        assertThat(StackTuning.config("appeal-service"))
                .containsExactly(entry("lifecert.messaging.relay.poll-interval-ms", "50"));
        System.setProperty("lifecert.local.config.liveness-service.lifecert.messaging.relay.poll-interval-ms", "20");
        try {
            assertThat(StackTuning.config("liveness-service"))
                    .containsEntry("lifecert.messaging.relay.poll-interval-ms", "20")
                    .containsEntry("lifecert.liveness.concurrency", "3");
        } finally {
            System.clearProperty("lifecert.local.config.liveness-service.lifecert.messaging.relay.poll-interval-ms");
        }
        assertThat(StackTuning.config("enrollment-service")).as("off the recipients' path: a slower relay")
                .containsExactly(entry("lifecert.messaging.relay.poll-interval-ms", "500"));
    }
}
