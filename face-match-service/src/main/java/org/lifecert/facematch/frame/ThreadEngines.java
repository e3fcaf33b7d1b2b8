package org.lifecert.facematch.frame;

import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;
import org.lifecert.face.FaceEngine;
import org.lifecert.face.FaceEngineConfig;

/**
 * One FaceEngine per consumer thread, loaded on that thread. Why not the shared one: ONNX Runtime applies the
 * engine's {@code session.set_denormal_as_zero} only on the thread that creates the sessions (with one intra-op thread
 * there is no pool to carry it), and fr_feature is about 7x slower on any other thread — measured with
 * {@code FrameCostRun}: embedding 9 ms of CPU on the loading thread, 63 ms on another. Costs one set of model
 * sessions per consumer thread (memory), saves about 50 ms of CPU per embedded frame. An engine whose thread has
 * ended (consumers restarted) is closed when the next thread loads its own.
 */
@ApplicationScoped
public class ThreadEngines {

    private static final Logger LOG = Logger.getLogger(ThreadEngines.class);

    private final Map<Thread, FaceEngine> engines = new ConcurrentHashMap<>();
    private final FaceEngineConfig engineConfig;

    public ThreadEngines(org.lifecert.facematch.config.FaceMatchConfig config) {
        this.engineConfig = FaceEngineConfig.builder()
                .halfScaleDecodeMinSide(config.frames().halfScaleDecodeMinSide()).build();
    }

    /** The calling thread's engine, loaded on this thread the first time. */
    public FaceEngine current() {
        Thread thread = Thread.currentThread();
        FaceEngine engine = engines.get(thread);
        if (engine == null) {
            closeEnded();
            engine = FaceEngine.load(engineConfig);
            engines.put(thread, engine);
            LOG.debugf("face engine loaded on %s", thread.getName());
        }
        return engine;
    }

    private void closeEnded() {
        engines.entrySet().removeIf(e -> {
            if (!e.getKey().isAlive()) {
                e.getValue().close();
                return true;
            }
            return false;
        });
    }

    void close(@Observes ShutdownEvent event) {
        engines.values().forEach(FaceEngine::close);
        engines.clear();
    }
}
