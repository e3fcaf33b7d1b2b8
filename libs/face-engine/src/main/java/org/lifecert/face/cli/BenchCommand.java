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
 * {@code bench}: per-stage latency single-threaded after warm-up (median, p90 in ms; CPU time of the analysing
 * thread), the whole per-frame analysis with all signals, without anti-spoofing, and with the embedding (CPU time),
 * and with all signals in wall-clock time; then frames/second with one analysing thread per core on one shared
 * engine; optionally memory over a long run ({@code --soak-frames}).
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
        Json json = new Json().put("command", "bench").put("images", images.size()).put("frames", frames)
                .put("loadAverage1mAtStart", loadAverage());
        try (FaceEngine engine = FaceEngine.load(FaceEngineConfig.defaults())) {
            AnalysisOptions plain = AnalysisOptions.defaults();
            for (int i = 0; i < warmup; i++) {
                engine.analyze(images.get(i % images.size()), plain.withEmbedding(true));
            }
            // Stages in CPU time of this thread (robust when other processes share the cores); whole frames also
            // in wall-clock time.
            StageTimings cpuPlain = StageTimings.cpuTime();
            StageTimings cpuEmbedding = StageTimings.cpuTime();
            StageTimings cpuTracking = StageTimings.cpuTime();
            StageTimings wallPlain = new StageTimings();
            int faceless = 0;
            for (int i = 0; i < frames; i++) {
                byte[] img = images.get(i % images.size());
                ImageAnalysis a = engine.analyze(img, plain.withTimings(cpuPlain));
                engine.analyze(img, plain.withEmbedding(true).withTimings(cpuEmbedding));
                engine.analyze(img, plain.withAntiSpoof(false).withTimings(cpuTracking));
                engine.analyze(img, plain.withTimings(wallPlain));
                if (a.isRejected()) {
                    faceless++;
                }
            }
            json.put("framesWithoutFace", faceless);
            for (StageTimings.Stage s : StageTimings.Stage.values()) {
                if (s == StageTimings.Stage.TOTAL) {
                    continue;
                }
                StageTimings source = s == StageTimings.Stage.EMBEDDING ? cpuEmbedding : cpuPlain;
                String name = s.name().toLowerCase().replace("_", "");
                json.put(name + "CpuMedianMs", percentile(source.samples(s), 50));
                json.put(name + "CpuP90Ms", percentile(source.samples(s), 90));
            }
            StageTimings.Stage total = StageTimings.Stage.TOTAL;
            json.put("frameCpuMedianMs", percentile(cpuPlain.samples(total), 50))
                    .put("frameCpuP90Ms", percentile(cpuPlain.samples(total), 90))
                    .put("frameWithoutAntiSpoofCpuMedianMs", percentile(cpuTracking.samples(total), 50))
                    .put("frameWithoutAntiSpoofCpuP90Ms", percentile(cpuTracking.samples(total), 90))
                    .put("frameWithEmbeddingCpuMedianMs", percentile(cpuEmbedding.samples(total), 50))
                    .put("frameWithEmbeddingCpuP90Ms", percentile(cpuEmbedding.samples(total), 90))
                    .put("frameWallMedianMs", percentile(wallPlain.samples(total), 50))
                    .put("frameWallP90Ms", percentile(wallPlain.samples(total), 90));
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

    private static double loadAverage() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
        } catch (Exception e) {
            return Double.NaN;
        }
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
