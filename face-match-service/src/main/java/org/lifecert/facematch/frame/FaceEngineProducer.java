package org.lifecert.facematch.frame;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.lifecert.face.FaceEngine;
import org.lifecert.face.FaceEngineConfig;

/** One FaceEngine per instance: its six ONNX sessions are thread-safe and shared by every consumer thread. */
@ApplicationScoped
public class FaceEngineProducer {

    @Produces
    @Singleton
    @DefaultBean
    FaceEngine faceEngine() {
        return FaceEngine.load(FaceEngineConfig.defaults());
    }

    void close(@Disposes FaceEngine engine) {
        engine.close();
    }
}
