package org.lifecert.liveness.frame;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;
import org.lifecert.face.FaceTrack;

/**
 * Analyses the frames of one batch on several threads, so that a batch uses both cores when the instance is not
 * saturated (the last batch of a session is decided sooner); the ONNX sessions are shared and thread-safe, each
 * thread has its own input buffers. With one thread the frames are analysed on the caller's thread.
 */
public final class FramePool implements AutoCloseable {

    private final ExecutorService executor;

    public FramePool(int threads) {
        if (threads <= 1) {
            executor = null;
        } else {
            AtomicInteger n = new AtomicInteger();
            executor = Executors.newFixedThreadPool(threads, r -> {
                Thread t = new Thread(r, "liveness-frame-" + n.incrementAndGet());
                t.setDaemon(true);
                return t;
            });
        }
    }

    /** Starts the analysis of every item; {@link Pending#await} gives the results in the items' order. */
    public <T> Pending start(List<T> items, Function<T, AnalysedFrame> analysis) {
        return start(items, 1, (item, track) -> analysis.apply(item));
    }

    /**
     * Starts the analysis of every item, running the face detector only on every {@code detectEvery}-th item (0,
     * N, 2N...): each item in between starts once the detected item before it is done and follows that item's face
     * ({@code track} is empty after a frame without exactly one face, and for the detected items themselves).
     */
    public <T> Pending start(List<T> items, int detectEvery,
                             BiFunction<T, Optional<FaceTrack>, AnalysedFrame> analysis) {
        return start(items, detectEvery, item -> false, analysis);
    }

    /**
     * As {@link #start(List, int, BiFunction)}, and also detecting on every item {@code alwaysDetect} picks (the
     * frames the page observed: they get the full analysis, head pose included, wherever they fall).
     */
    public <T> Pending start(List<T> items, int detectEvery, Predicate<T> alwaysDetect,
                             BiFunction<T, Optional<FaceTrack>, AnalysedFrame> analysis) {
        int every = Math.max(1, detectEvery);
        List<CompletableFuture<AnalysedFrame>> futures = new ArrayList<>(items.size());
        CompletableFuture<AnalysedFrame> detected = null;
        for (int i = 0; i < items.size(); i++) {
            T item = items.get(i);
            CompletableFuture<AnalysedFrame> future;
            if (i % every == 0 || alwaysDetect.test(item)) {
                future = executor == null ? completed(() -> analysis.apply(item, Optional.empty()))
                        : CompletableFuture.supplyAsync(() -> analysis.apply(item, Optional.empty()), executor);
                detected = future;
            } else if (executor == null) {
                CompletableFuture<AnalysedFrame> from = detected;
                future = from.isCompletedExceptionally() ? from.thenApply(f -> f)
                        : completed(() -> analysis.apply(item, from.join().track()));
            } else {
                future = detected.thenApplyAsync(f -> analysis.apply(item, f.track()), executor);
            }
            futures.add(future);
        }
        return new Pending(futures);
    }

    private static CompletableFuture<AnalysedFrame> completed(java.util.function.Supplier<AnalysedFrame> analysis) {
        try {
            return CompletableFuture.completedFuture(analysis.get());
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** Analyses under way. */
    public static final class Pending {
        private final List<CompletableFuture<AnalysedFrame>> futures;

        private Pending(List<CompletableFuture<AnalysedFrame>> futures) {
            this.futures = futures;
        }

        /** The results in order; when one failed, every other result is closed and the failure rethrown. */
        public List<AnalysedFrame> await() {
            List<AnalysedFrame> results = new ArrayList<>(futures.size());
            RuntimeException failure = null;
            for (CompletableFuture<AnalysedFrame> future : futures) {
                try {
                    results.add(future.get());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    failure = failure != null ? failure : new IllegalStateException("interrupted", e);
                } catch (ExecutionException e) {
                    Throwable cause = e.getCause();
                    failure = failure != null ? failure : cause instanceof RuntimeException r ? r
                            : new IllegalStateException(cause);
                }
            }
            if (failure != null) {
                results.forEach(AnalysedFrame::close);
                throw failure;
            }
            return results;
        }

        /** Waits for every analysis and frees its result (the batch failed before {@link #await}). */
        public void discard() {
            for (CompletableFuture<AnalysedFrame> future : futures) {
                try {
                    future.join().close();
                } catch (RuntimeException ignored) {
                    // the batch is failing already; this frame's own failure adds nothing
                }
            }
        }
    }

    @Override
    public void close() {
        if (executor != null) {
            executor.shutdownNow();
        }
    }
}
