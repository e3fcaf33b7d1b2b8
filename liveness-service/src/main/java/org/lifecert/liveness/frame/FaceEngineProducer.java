package org.lifecert.liveness.frame;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.lifecert.face.FaceEngine;
import org.lifecert.face.FaceEngineConfig;
import org.lifecert.liveness.config.LivenessConfig;

/** One FaceEngine per instance: its six ONNX sessions are thread-safe and shared by every consumer thread. */
@ApplicationScoped
public class FaceEngineProducer {

    @Produces
    @Singleton
    @DefaultBean
    FaceEngine faceEngine(LivenessConfig config) {
        return FaceEngine.load(FaceEngineConfig.builder()
                .halfScaleDecodeMinSide(config.frames().halfScaleDecodeMinSide()).build());
    }

    void close(@Disposes FaceEngine engine) {
        engine.close();
    }
}
