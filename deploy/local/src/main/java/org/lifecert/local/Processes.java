package org.lifecert.local;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Stops a process and everything it started (kc.sh runs Java as a child). */
final class Processes {

    private Processes() {
    }

    static void stopTree(Process process, Duration grace) {
        List<ProcessHandle> children = process.descendants().toList();
        children.forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
            }
            for (ProcessHandle child : children) {
                child.onExit().get(grace.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (Exception e) {
            children.forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
    }
}
