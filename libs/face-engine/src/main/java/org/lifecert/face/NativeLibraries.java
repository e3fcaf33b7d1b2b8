package org.lifecert.face;

/** Loads OpenCV's native library once per JVM (org.openpnp ships it inside its jar). */
final class NativeLibraries {
    private static volatile boolean loaded;

    private NativeLibraries() {
    }

    static void load() {
        if (!loaded) {
            synchronized (NativeLibraries.class) {
                if (!loaded) {
                    nu.pattern.OpenCV.loadLocally();
                    loaded = true;
                }
            }
        }
    }
}
