package org.lifecert.face;

/** One engine for all tests of the JVM: loading the six sessions takes about half a second. */
final class SharedEngine {
    private static FaceEngine engine;

    private SharedEngine() {
    }

    static synchronized FaceEngine get() {
        if (engine == null) {
            engine = FaceEngine.load(FaceEngineConfig.defaults());
            Runtime.getRuntime().addShutdownHook(new Thread(engine::close));
        }
        return engine;
    }
}
