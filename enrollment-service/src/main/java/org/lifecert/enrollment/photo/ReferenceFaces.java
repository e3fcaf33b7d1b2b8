package org.lifecert.enrollment.photo;

import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.file.Path;
import java.util.List;
import org.lifecert.enrollment.config.EnrollmentConfig;
import org.lifecert.face.FaceEngine;
import org.lifecert.face.FaceEngineConfig;
import org.lifecert.face.TemplateResult;

/** The face engine, loaded on first use (six ONNX sessions) and shared: it is thread-safe. */
@ApplicationScoped
public class ReferenceFaces {

    private final EnrollmentConfig config;
    private volatile FaceEngine engine;

    public ReferenceFaces(EnrollmentConfig config) {
        this.config = config;
    }

    FaceEngine engine() {
        FaceEngine e = engine;
        if (e == null) {
            synchronized (this) {
                if (engine == null) {
                    FaceEngineConfig.Builder b = FaceEngineConfig.defaults().toBuilder()
                            .maxImageBytes(config.photos().maxBytes());
                    config.photos().modelDirectory().ifPresent(dir -> b.modelDirectory(Path.of(dir)));
                    engine = FaceEngine.load(b.build());
                }
                e = engine;
            }
        }
        return e;
    }

    /** Quality gate and embeddings of every image, in order. */
    public TemplateResult template(List<byte[]> images) {
        return engine().template(images);
    }

    /**
     * True when the largest face of the photo looks like a presentation attack (a photo of a photo or of a
     * screen): the enrollment gate does not check this itself.
     */
    public boolean spoofSuspected(byte[] image) {
        FaceEngine e = engine();
        var analysis = e.analyze(image, org.lifecert.face.AnalysisOptions.defaults());
        return analysis.largestFace().map(f -> e.qualityGate().spoofSuspected(f)).orElse(false);
    }

    public double similarity(float[] a, float[] b) {
        return engine().similarity(a, b);
    }

    public double matchThreshold() {
        return engine().config().matchThreshold();
    }

    void close(@Observes ShutdownEvent event) {
        FaceEngine e = engine;
        if (e != null) {
            e.close();
        }
    }
}
