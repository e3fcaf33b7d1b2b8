package org.lifecert.face.cli;

import org.lifecert.face.AnalysisOptions;
import org.lifecert.face.FaceEngine;
import org.lifecert.face.FaceEngineConfig;
import org.lifecert.face.ImageAnalysis;
import org.lifecert.face.StageTimings;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code bench}: per-stage latency single-threaded after warm-up (median, p90 in ms), the whole per-frame analysis
 * without and with the embedding, then frames/second with one analysing thread per core on one shared engine.
 */
final class BenchCommand {
    private BenchCommand() {
    }

    static int run(CliArgs args) throws Exception {
        List<Path> files = LivenessCommand.images(Path.of(args.require("images")));
        int warmup = args.intValue("warmup", 30);
        int frames = args.intValue("frames", 300);
        int seconds = args.intValue("seconds", 10);
        int threads = args.intValue("threads", Runtime.getRuntime().availableProcessors());
        List<byte[]> images = new ArrayList<>();
        for (Path f : files) {
            images.add(Files.readAllBytes(f));
        }
        if (images.isEmpty()) {
            throw new IllegalArgumentException("no JPEG/PNG under " + args.require("images"));
        }
        Json json = new Json().put("command", "bench").put("images", images.size()).put("frames", frames);
        try (FaceEngine engine = FaceEngine.load(FaceEngineConfig.defaults())) {
            AnalysisOptions plain = AnalysisOptions.defaults();
            for (int i = 0; i < warmup; i++) {
                engine.analyze(images.get(i % images.size()), plain.withEmbedding(true));
            }
            StageTimings withoutEmbedding = new StageTimings();
            StageTimings withEmbedding = new StageTimings();
            StageTimings tracking = new StageTimings();
            int faceless = 0;
            java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
            List<Long> cpuNanos = new ArrayList<>();
            for (int i = 0; i < frames; i++) {
                byte[] img = images.get(i % images.size());
                long c0 = cpu.getCurrentThreadCpuTime();
                ImageAnalysis a = engine.analyze(img, plain.withTimings(withoutEmbedding));
                cpuNanos.add(cpu.getCurrentThreadCpuTime() - c0);
                engine.analyze(img, plain.withEmbedding(true).withTimings(withEmbedding));
                engine.analyze(img, plain.withAntiSpoof(false).withTimings(tracking));
                if (a.isRejected()) {
                    faceless++;
                }
            }
            json.put("framesWithoutFace", faceless);
            for (StageTimings.Stage s : StageTimings.Stage.values()) {
                StageTimings source = s == StageTimings.Stage.EMBEDDING ? withEmbedding : withoutEmbedding;
                if (s == StageTimings.Stage.TOTAL) {
                    json.put("frameMedianMs", percentile(withoutEmbedding.samples(s), 50));
                    json.put("frameP90Ms", percentile(withoutEmbedding.samples(s), 90));
                    // CPU time of the analysing thread: robust when other processes share the cores.
                    json.put("frameCpuMedianMs", percentile(cpuNanos, 50));
                    json.put("frameCpuP90Ms", percentile(cpuNanos, 90));
                    json.put("frameWithoutAntiSpoofMedianMs", percentile(tracking.samples(s), 50));
                    json.put("frameWithoutAntiSpoofP90Ms", percentile(tracking.samples(s), 90));
                    json.put("frameWithEmbeddingMedianMs", percentile(withEmbedding.samples(s), 50));
                    json.put("frameWithEmbeddingP90Ms", percentile(withEmbedding.samples(s), 90));
                } else {
                    String name = s.name().toLowerCase().replace("_", "");
                    json.put(name + "MedianMs", percentile(source.samples(s), 50));
                    json.put(name + "P90Ms", percentile(source.samples(s), 90));
                }
            }
            json.put("threads", threads);
            json.put("framesPerSecond", throughput(engine, images, threads, seconds, plain));
            json.put("framesPerSecondWithEmbedding", throughput(engine, images, threads, seconds, plain.withEmbedding(true)));
            int soak = args.intValue("soak-frames", 0);
            if (soak > 0) {
                soak(engine, images, soak, json);
            }
        }
        System.out.println(json);
        return 0;
    }

    private static double throughput(FaceEngine engine, List<byte[]> images, int threads, int seconds,
                                     AnalysisOptions options) throws InterruptedException {
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong done = new AtomicLong();
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            final int offset = t;
            Thread w = new Thread(() -> {
                int i = offset;
                while (!stop.get()) {
                    engine.analyze(images.get(i++ % images.size()), options);
                    done.incrementAndGet();
                }
            });
            workers.add(w);
        }
        long start = System.nanoTime();
        workers.forEach(Thread::start);
        Thread.sleep(seconds * 1000L);
        stop.set(true);
        for (Thread w : workers) {
            w.join();
        }
        return done.get() / ((System.nanoTime() - start) / 1e9);
    }

    /**
     * Memory over a long run: resident set (native + heap) and heap after GC, sampled after a warm-up tenth and at
     * the end. Flat figures mean no per-frame leak in OpenCV Mats, ONNX tensors or buffers.
     */
    private static void soak(FaceEngine engine, List<byte[]> images, int frames, Json json) throws Exception {
        AnalysisOptions options = AnalysisOptions.defaults().withEmbedding(true);
        int warm = Math.max(1, frames / 10);
        for (int i = 0; i < warm; i++) {
            engine.analyze(images.get(i % images.size()), options);
        }
        long rssStart = rssKb(), heapStart = heapAfterGc();
        List<Long> rssSamples = new ArrayList<>();
        for (int i = 0; i < frames; i++) {
            engine.analyze(images.get(i % images.size()), options);
            if ((i + 1) % Math.max(1, frames / 10) == 0) {
                rssSamples.add(rssKb() / 1024);
            }
        }
        json.put("soakFrames", frames)
                .put("soakRssStartMb", rssStart / 1024)
                .put("soakRssEndMb", rssKb() / 1024)
                .put("soakRssSamplesMb", rssSamples)
                .put("soakHeapStartMb", heapStart / (1024 * 1024))
                .put("soakHeapEndMb", heapAfterGc() / (1024 * 1024));
    }

    private static long rssKb() throws java.io.IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return -1;
    }

    private static long heapAfterGc() {
        System.gc();
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }

    static double percentile(List<Long> nanos, int p) {
        if (nanos.isEmpty()) {
            return Double.NaN;
        }
        List<Long> sorted = new ArrayList<>(nanos);
        sorted.sort(null);
        int idx = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, idx))) / 1e6;
    }
}
