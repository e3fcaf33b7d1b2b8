package org.lifecert.liveness;

import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.runtime.configuration.MemorySizeConverter;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.util.Map;
import org.lifecert.liveness.config.LivenessConfig;

/** The service's configuration with its coded defaults, outside Quarkus, for the unit tests. */
public final class LivenessTestConfig {

    private LivenessTestConfig() {
    }

    /** The coded defaults plus {@code overrides}. */
    public static LivenessConfig of(Map<String, String> overrides) {
        return new SmallRyeConfigBuilder().withMapping(LivenessConfig.class)
                .withConverter(MemorySize.class, 100, new MemorySizeConverter()) // Quarkus registers it in the service
                .withDefaultValues(overrides).build().getConfigMapping(LivenessConfig.class);
    }
}
