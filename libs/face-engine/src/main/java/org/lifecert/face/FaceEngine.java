package org.lifecert.face;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfDouble;
import org.opencv.core.Scalar;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The face pipeline: decode, detect (fr_detect), 68 landmarks (fr_landmark), eye state (fr_eye), head pose (fr_pose),
 * passive anti-spoofing (fr_liveness) and, on request, the embedding (fr_feature, aligned with a 5-point similarity
 * transform). Pre- and post-processing follow the package's lib/fr_*.js except where issue 3 found them wrong.
 *
 * <p>Thread-safe: the six ONNX sessions are created once and shared; input buffers are per thread.
 */
public final class FaceEngine implements AutoCloseable {
    /** Embeddings from different model versions are not comparable; templates carry this string. */
    public static final String MODEL_VERSION = "faceplugin-0.0.1/fr_feature";

    static final int DETECT_WIDTH = 320;
    static final int DETECT_HEIGHT = 240;
    static final int DETECT_PRIORS = 4420;
    static final int LANDMARK_SIZE = 64;
    static final int EYE_SIZE = 24;
    static final int POSE_SIZE = 224;
    static final int LIVENESS_SIZE = 128;
    static final int FEATURE_SIZE = 112;
    /** Images are analysed at most this large (longer side): bigger photos add decode time, not accuracy. */
    static final int WORKING_MAX_SIDE = 1280;
    /**
     * fr_liveness: index of the "live" class of its 3-way softmax, fed BGR pixels 0-255 (as lib/fr_liveness.js reports
     * score_arr[0]). Measured: BGR + class 0 gives webcam frames 0.998, the live sample 0.63, the print/screen attacks
     * 0.0002 and 0.045; the RGB order the JS canvas would give scores both attacks above the live sample.
     */
    static final int LIVE_CLASS = 0;
    /**
     * fr_eye: index of the "open" class. Measured on blinks checked by eye in webcam-a.mp4 (frames 641-643 and
     * 775-777 at 25 fps): output 0 is 1.00 on every closed-eye frame, so output 1 is "open" (FACTS.md had it reversed).
     */
    static final int EYE_OPEN_CLASS = 1;

    /** fr_pose input: ImageNet mean and standard deviation, in 0-255 pixel units (lib/fr_pose.js). */
    private static final float[] POSE_MEAN = {0.485f * 255, 0.456f * 255, 0.406f * 255};
    private static final float[] POSE_SCALE = {0.229f * 255, 0.224f * 255, 0.225f * 255};
    /** fr_detect and fr_feature input: (v - 127) / 128. */
    private static final float[] CENTRE_127 = {127, 127, 127};
    private static final float[] SCALE_128 = {128, 128, 128};
    /** fr_liveness input: raw 0-255 pixels. */
    private static final float[] ZERO = {0, 0, 0};
    private static final float[] ONE = {1, 1, 1};

    private final FaceEngineConfig config;
    private final QualityGate qualityGate;
    private final ImageDecoder decoder;
    private final OnnxModel detect;
    private final OnnxModel landmark;
    private final OnnxModel eye;
    private final OnnxModel pose;
    private final OnnxModel liveness;
    private final OnnxModel feature;
    private final ThreadLocal<Workspace> workspaces;
    /**
     * The thread that created the ONNX sessions, the only one (besides ONNX Runtime's own pool threads) on which
     * denormal floats are flushed to zero: every fr_feature run happens here. Measured with the engine used from
     * other threads (liveness consumers): 64 ms per embedding instead of 10.
     */
    private final ExecutorService featureThread;

    /** Per-thread input buffers, reused across frames (direct, so ONNX Runtime reads them without a copy). */
    private final class Workspace {
        final FloatBuffer detectIn = direct(detect.inputSize());
        final FloatBuffer landmarkIn = direct(landmark.inputSize());
        final FloatBuffer eyeIn = direct(eye.inputSize());
        final FloatBuffer poseIn = direct(pose.inputSize());
        final FloatBuffer livenessIn = direct(liveness.inputSize());
        final FloatBuffer featureIn = direct(feature.inputSize());
        final ModelInput input = new ModelInput(POSE_SIZE * POSE_SIZE * 3);
    }

    private static FloatBuffer direct(int floats) {
        return ByteBuffer.allocateDirect(floats * 4).order(ByteOrder.nativeOrder()).asFloatBuffer();
    }

    private FaceEngine(FaceEngineConfig config, List<OnnxModel> models, ExecutorService featureThread) {
        this.featureThread = featureThread;
        this.config = config;
        this.qualityGate = new QualityGate(config);
        this.decoder = new ImageDecoder(config);
        this.detect = models.get(0);
        this.landmark = models.get(1);
        this.eye = models.get(2);
        this.pose = models.get(3);
        this.liveness = models.get(4);
        this.feature = models.get(5);
        this.workspaces = ThreadLocal.withInitial(Workspace::new);
    }

    /**
     * Loads the six models (checked against their sha256) and creates their sessions.
     *
     * @throws ModelUnavailableException naming the missing or corrupt file and the command that restores it
     */
    public static FaceEngine load(FaceEngineConfig config) {
        ExecutorService featureThread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "face-engine-feature");
            t.setDaemon(true);
            return t;
        });
        try {
            // loaded on the feature thread: ONNX Runtime flushes denormals (DAZ/FTZ) only on the thread that
            // initialises the process's first session, and fr_feature is about 6x slower without it
            return featureThread.submit(() -> loadModels(config, featureThread)).get();
        } catch (ExecutionException e) {
            featureThread.shutdown();
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException("face engine load failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            featureThread.shutdown();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while loading the face engine", e);
        }
    }

    private static FaceEngine loadModels(FaceEngineConfig config, ExecutorService featureThread) {
        NativeLibraries.load();
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        List<OnnxModel> models = new ArrayList<>();
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(config.intraOpThreads());
            options.setInterOpNumThreads(1);
            options.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            // fr_feature is 6x slower when denormal floats are not flushed (FACTS.md).
            options.addConfigEntry("session.set_denormal_as_zero", "1");
            models.add(OnnxModel.load("fr_detect.onnx", new long[]{1, 3, DETECT_HEIGHT, DETECT_WIDTH},
                    List.of("scores", "boxes"), config, env, options));
            models.add(OnnxModel.load("fr_landmark.onnx", new long[]{1, 1, LANDMARK_SIZE, LANDMARK_SIZE},
                    List.of(), config, env, options));
            models.add(OnnxModel.load("fr_eye.onnx", new long[]{1, 1, EYE_SIZE, EYE_SIZE}, List.of(), config, env, options));
            models.add(OnnxModel.load("fr_pose.onnx", new long[]{1, 3, POSE_SIZE, POSE_SIZE},
                    List.of("output", "617", "618"), config, env, options));
            models.add(OnnxModel.load("fr_liveness.onnx", new long[]{1, 3, LIVENESS_SIZE, LIVENESS_SIZE},
                    List.of(), config, env, options));
            models.add(OnnxModel.load("fr_feature.onnx", new long[]{1, 3, FEATURE_SIZE, FEATURE_SIZE},
                    List.of(), config, env, options));
            return new FaceEngine(config, models, featureThread);
        } catch (OrtException e) {
            models.forEach(OnnxModel::close);
            throw new ModelUnavailableException("ONNX Runtime session options failed: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            models.forEach(OnnxModel::close);
            throw e;
        }
    }

    public FaceEngineConfig config() {
        return config;
    }

    public QualityGate qualityGate() {
        return qualityGate;
    }

    /**
     * Analyses one encoded image (JPEG or PNG). Never throws for bad input: unreadable, oversized or faceless
     * images come back as a {@link Rejection}.
     */
    public ImageAnalysis analyze(byte[] encodedImage, AnalysisOptions options) {
        try (RetainedAnalysis retained = analyzeRetained(encodedImage, options)) {
            return retained.analysis();
        }
    }

    /**
     * Like {@link #analyze}, but keeps the decoded image and each face's detection and landmarks so that the costly
     * stages (anti-spoofing, embedding) can run afterwards on the frames the caller picks, without decoding and
     * detecting again. The caller must close it (it holds native image memory). Use it on one thread at a time.
     */
    public RetainedAnalysis analyzeRetained(byte[] encodedImage, AnalysisOptions options) {
        return analyzeRetained(encodedImage, options, null);
    }

    /**
     * Like {@link #analyzeRetained(byte[], AnalysisOptions)}, but follows the face of {@code track} (a previous frame
     * of the same camera) instead of running the detector, when the face is still there: see {@link FaceTrack}. A
     * null track, a lost track, an image of another size or options that read the head pose are detected as usual
     * (fr_pose reads the crop's framing: webcam-a f0530 followed from f0131 reads yaw -2.2 instead of -30.7);
     * {@link RetainedAnalysis#tracked()} says which it was.
     */
    public RetainedAnalysis analyzeRetained(byte[] encodedImage, AnalysisOptions options, FaceTrack track) {
        StageTimings timings = options.timings();
        long start = tick(timings);
        ImageDecoder.Decoded decoded = decoder.decode(encodedImage);
        record(timings, StageTimings.Stage.DECODE, start);
        if (decoded.rejection() != null) {
            return RetainedAnalysis.rejected(ImageAnalysis.rejected(decoded.rejection(), 0, 0));
        }
        Mat image = decoded.image();
        Mat work = image;
        boolean keep = false;
        try {
            double resize = 1;
            int longer = Math.max(image.cols(), image.rows());
            if (longer > WORKING_MAX_SIDE) {
                resize = (double) WORKING_MAX_SIDE / longer;
                work = new Mat();
                Imgproc.resize(image, work, new Size(Math.max(1, Math.round(image.cols() * resize)),
                        Math.max(1, Math.round(image.rows() * resize))), 0, 0, Imgproc.INTER_AREA);
            }
            double workScale = resize * decoded.scale();
            RetainedAnalysis result = analyzeDecoded(work, workScale, decoded.width(), decoded.height(), options, track);
            record(timings, StageTimings.Stage.TOTAL, start);
            keep = result.holdsImage();
            return result;
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime failed on a decoded image: " + e.getMessage(), e);
        } catch (org.opencv.core.CvException e) {
            // A decodable but pathological image (e.g. 1x40000 pixels) must not escape as an exception.
            return RetainedAnalysis.rejected(ImageAnalysis.rejected(
                    Rejection.of(ReasonCode.IMAGE_UNREADABLE, "analysis failed: " + e.getMessage()),
                    decoded.width(), decoded.height()));
        } finally {
            if (work != image) {
                image.release();
                if (!keep) {
                    work.release();
                }
            } else if (!keep) {
                image.release();
            }
        }
    }

    private RetainedAnalysis analyzeDecoded(Mat work, double workScale, int width, int height, AnalysisOptions options,
                                            FaceTrack track) throws OrtException {
        StageTimings timings = options.timings();
        Workspace ws = workspaces.get();
        // never with the pose: fr_pose reads the crop's framing, which a tracked box does not reproduce on a turned head
        if (track != null && !options.pose() && track.workWidth == work.cols() && track.workHeight == work.rows()) {
            RetainedAnalysis.Face followed = follow(work, workScale, track, options, ws);
            if (followed != null) {
                return new RetainedAnalysis(this, work, ImageAnalysis.of(List.of(followed.observation()), width, height),
                        List.of(followed), timings, true);
            }
        }
        long t = tick(timings);
        List<OutputDecoding.Candidate> candidates = detect(work, 1, ws);
        if (candidates.isEmpty() && config.padWhenNoFace()) {
            candidates = detect(work, 2, ws);
        }
        record(timings, StageTimings.Stage.DETECT, t);
        if (candidates.isEmpty()) {
            return RetainedAnalysis.rejected(ImageAnalysis.rejected(
                    Rejection.of(ReasonCode.NO_FACE, "detector found no face"), width, height));
        }
        candidates.sort((a, b) -> Double.compare(b.area(), a.area()));
        Scalar mean = Core.mean(work);
        double background = grey(mean);
        List<RetainedAnalysis.Face> faces = new ArrayList<>();
        for (int i = 0; i < Math.min(candidates.size(), config.maxFaces()); i++) {
            faces.add(analyzeFace(work, workScale, candidates.get(i), background, options, ws));
        }
        faces.sort(java.util.Comparator.comparingDouble((RetainedAnalysis.Face f) -> f.observation().box().area())
                .reversed());
        ImageAnalysis analysis = ImageAnalysis.of(faces.stream().map(RetainedAnalysis.Face::observation).toList(),
                width, height);
        return new RetainedAnalysis(this, work, analysis, faces, timings, false);
    }

    /**
     * The face of {@code track} in this frame without the detector: landmarks inside the track's box, the box moved
     * and scaled as they moved, then the usual analysis in the new box; null when the track is lost.
     */
    private RetainedAnalysis.Face follow(Mat work, double workScale, FaceTrack track, AnalysisOptions options,
                                         Workspace ws) throws OrtException {
        StageTimings timings = options.timings();
        long t = tick(timings);
        OutputDecoding.Candidate c;
        Mat faceGrey = new Mat();
        try {
            double[] probe = landmarks(work, squareBox(track.candidate), faceGrey, ws);
            c = track.follow(probe, config.trackMaxShift(), config.trackMaxScaleChange());
        } finally {
            faceGrey.release();
            record(timings, StageTimings.Stage.LANDMARKS, t);
        }
        if (c == null) {
            return null;
        }
        return analyzeFace(work, workScale, c, grey(Core.mean(work)), options, ws);
    }

    private static double[] squareBox(OutputDecoding.Candidate c) {
        return FaceGeometry.squareBox(c.x1(), c.y1(), c.x2(), c.y2());
    }

    /** fr_landmark in the square {@code box}: 68 points in working-image pixels; {@code faceGrey} gets the 64x64 crop. */
    private double[] landmarks(Mat work, double[] box, Mat faceGrey, Workspace ws) throws OrtException {
        Mat crop = new Mat();
        try {
            cropResize(work, box[0], box[1], box[2], box[3], LANDMARK_SIZE, LANDMARK_SIZE, crop);
            Imgproc.cvtColor(crop, faceGrey, Imgproc.COLOR_BGR2GRAY);
        } finally {
            crop.release();
        }
        ws.input.grey(faceGrey, ws.landmarkIn, 256f);
        float[] normalised = landmark.run(ws.landmarkIn)[0];
        return FaceGeometry.landmarksToImage(normalised, box[0], box[1], box[2], box[3]);
    }

    /** fr_pose on a face of a retained image (see {@link RetainedAnalysis#headPose}). */
    HeadPose headPose(Mat work, OutputDecoding.Candidate c, StageTimings timings) {
        long t = tick(timings);
        try {
            return pose(work, squareBox(c), workspaces.get());
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime failed on a decoded image: " + e.getMessage(), e);
        } finally {
            record(timings, StageTimings.Stage.POSE, t);
        }
    }

    private HeadPose pose(Mat work, double[] box, Workspace ws) throws OrtException {
        double margin = FaceGeometry.POSE_CROP_MARGIN;
        Mat poseCrop = new Mat();
        float[][] poseOut;
        try {
            cropResize(work, box[0] - box[2] * margin, box[1] - box[3] * margin, box[2] * (1 + 2 * margin),
                    box[3] * (1 + 2 * margin), POSE_SIZE, POSE_SIZE, poseCrop);
            ws.input.chw(poseCrop, ws.poseIn, true, POSE_MEAN, POSE_SCALE);
            poseOut = pose.run(ws.poseIn);
        } finally {
            poseCrop.release();
        }
        return new HeadPose(OutputDecoding.poseAngle(poseOut[0]), OutputDecoding.poseAngle(poseOut[1]),
                OutputDecoding.poseAngle(poseOut[2]));
    }

    /** fr_liveness on a face of a retained image (see {@link RetainedAnalysis#antiSpoofScore}). */
    double antiSpoof(Mat work, OutputDecoding.Candidate c, StageTimings timings) {
        long t = tick(timings);
        try {
            return antiSpoof(work, c, workspaces.get());
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime failed on a decoded image: " + e.getMessage(), e);
        } finally {
            record(timings, StageTimings.Stage.ANTI_SPOOF, t);
        }
    }

    /** fr_feature on a face of a retained image, aligned from its landmarks (working-image coordinates). */
    float[] embed(Mat work, double[] lm, StageTimings timings) {
        long t = tick(timings);
        try {
            return embed(work, lm, workspaces.get());
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime failed on a decoded image: " + e.getMessage(), e);
        } finally {
            record(timings, StageTimings.Stage.EMBEDDING, t);
        }
    }

    private static double grey(Scalar bgr) {
        return 0.114 * bgr.val[0] + 0.587 * bgr.val[1] + 0.299 * bgr.val[2];
    }

    /** Detects on the image letterboxed into 320x240 (aspect kept), shrunk by {@code pad} to leave room around tight crops. */
    List<OutputDecoding.Candidate> detect(Mat img, double pad, Workspace ws) throws OrtException {
        double s = Math.min(DETECT_WIDTH / (img.cols() * pad), DETECT_HEIGHT / (img.rows() * pad));
        int rw = (int) Math.max(1, Math.min(DETECT_WIDTH, Math.round(img.cols() * s)));
        int rh = (int) Math.max(1, Math.min(DETECT_HEIGHT, Math.round(img.rows() * s)));
        int ox = (DETECT_WIDTH - rw) / 2, oy = (DETECT_HEIGHT - rh) / 2;
        Mat resized = new Mat();
        Mat canvas = new Mat(DETECT_HEIGHT, DETECT_WIDTH, CvType.CV_8UC3, new Scalar(127, 127, 127));
        Mat target = canvas.submat(oy, oy + rh, ox, ox + rw);
        try {
            Imgproc.resize(img, resized, new Size(rw, rh), 0, 0, s < 1 ? Imgproc.INTER_AREA : Imgproc.INTER_LINEAR);
            resized.copyTo(target);
            ws.input.chw(canvas, ws.detectIn, true, CENTRE_127, SCALE_128);
        } finally {
            target.release();
            resized.release();
            canvas.release();
        }
        float[][] out = detect.run(ws.detectIn);
        List<OutputDecoding.Candidate> inCanvas = OutputDecoding.selectDetections(out[0], out[1], DETECT_PRIORS,
                config.detectionScoreThreshold(), config.detectionTopK(), config.nmsIouThreshold(),
                DETECT_WIDTH, DETECT_HEIGHT);
        List<OutputDecoding.Candidate> inImage = new ArrayList<>();
        for (OutputDecoding.Candidate c : OutputDecoding.dropNested(inCanvas, config.maxNestedFaceOverlap())) {
            inImage.add(new OutputDecoding.Candidate((c.x1() - ox) / s, (c.y1() - oy) / s, (c.x2() - ox) / s,
                    (c.y2() - oy) / s, c.score()));
        }
        return inImage;
    }

    private RetainedAnalysis.Face analyzeFace(Mat work, double workScale, OutputDecoding.Candidate c, double background,
                                        AnalysisOptions options, Workspace ws) throws OrtException {
        StageTimings timings = options.timings();
        double[] box = FaceGeometry.squareBox(c.x1(), c.y1(), c.x2(), c.y2());

        long t = tick(timings);
        Mat faceGrey = new Mat();
        double[] lm;
        double brightness, contrast, sharpness;
        try {
            lm = landmarks(work, box, faceGrey, ws);
            record(timings, StageTimings.Stage.LANDMARKS, t);

            t = tick(timings);
            MatOfDouble mean = new MatOfDouble(), std = new MatOfDouble();
            Core.meanStdDev(faceGrey, mean, std);
            brightness = mean.get(0, 0)[0];
            contrast = std.get(0, 0)[0];
            Mat lap = new Mat();
            Imgproc.Laplacian(faceGrey, lap, CvType.CV_64F);
            Core.meanStdDev(lap, mean, std);
            // Laplacian energy relative to the crop's own variance: dim or low-contrast faces are not "blurred".
            double lapVariance = std.get(0, 0)[0] * std.get(0, 0)[0];
            sharpness = lapVariance / Math.max(contrast * contrast, 1.0);
            lap.release();
            mean.release();
            std.release();
            record(timings, StageTimings.Stage.QUALITY, t);
        } finally {
            faceGrey.release();
        }

        t = tick(timings);
        double leftEye = eyeOpen(work, FaceGeometry.eyeCrop(lm, 36), ws);
        double rightEye = eyeOpen(work, FaceGeometry.eyeCrop(lm, 42), ws);
        record(timings, StageTimings.Stage.EYES, t);

        double yaw = Double.NaN, pitch = Double.NaN, roll = Double.NaN;
        if (options.pose()) {
            t = tick(timings);
            HeadPose hp = pose(work, box, ws);
            yaw = hp.yaw();
            pitch = hp.pitch();
            roll = hp.roll();
            record(timings, StageTimings.Stage.POSE, t);
        }

        double live = Double.NaN;
        if (options.antiSpoof()) {
            t = tick(timings);
            live = antiSpoof(work, c, ws);
            record(timings, StageTimings.Stage.ANTI_SPOOF, t);
        }

        float[] embedding = null;
        if (options.embedding()) {
            t = tick(timings);
            embedding = embed(work, lm, ws);
            record(timings, StageTimings.Stage.EMBEDDING, t);
        }

        double inv = 1 / workScale;
        List<FacePoint> points = new ArrayList<>(68);
        for (int i = 0; i < lm.length; i += 2) {
            points.add(new FacePoint(lm[i] * inv, lm[i + 1] * inv));
        }
        double imageCx = work.cols() / 2.0, imageCy = work.rows() / 2.0;
        double centreDistance = Math.hypot(box[0] + box[2] / 2 - imageCx, box[1] + box[3] / 2 - imageCy);
        double centring = Math.max(0, 1 - centreDistance / Math.hypot(imageCx, imageCy));
        double frontalness = options.pose()
                ? Math.max(0, Math.cos(Math.toRadians(yaw)) * Math.cos(Math.toRadians(pitch))) : Double.NaN;
        Quality quality = new Quality(brightness, contrast, sharpness, box[3] * inv, centring, frontalness, background);
        return new RetainedAnalysis.Face(new FaceObservation(new FaceBox(box[0] * inv, box[1] * inv, box[2] * inv,
                box[3] * inv), c.score(), points, leftEye, rightEye, FaceGeometry.mouthOpening(lm), yaw, pitch, roll, live,
                quality, embedding), c, lm);
    }

    private double eyeOpen(Mat work, double[] crop, Workspace ws) throws OrtException {
        Mat colour = new Mat(), grey = new Mat();
        try {
            cropResize(work, crop[0], crop[1], crop[2], crop[2], EYE_SIZE, EYE_SIZE, colour);
            Imgproc.cvtColor(colour, grey, Imgproc.COLOR_BGR2GRAY);
            // Mirrored crops separate open from closed better on both eyes (README, "Eye state"): with the
            // reference's unmirrored crops half of the open-eye frames of the image-left eye read as closed.
            Core.flip(grey, grey, 1);
            ws.input.grey(grey, ws.eyeIn, 255f);
            return OutputDecoding.softmax(eye.run(ws.eyeIn)[0])[EYE_OPEN_CLASS];
        } finally {
            colour.release();
            grey.release();
        }
    }

    private double antiSpoof(Mat work, OutputDecoding.Candidate c, Workspace ws) throws OrtException {
        // The reference crops around the detector box after squaring and clipping it to the image.
        double[] sq = FaceGeometry.squareBox(c.x1(), c.y1(), c.x2(), c.y2());
        double x1 = Math.max(0, sq[0]), y1 = Math.max(0, sq[1]);
        double x2 = Math.min(work.cols() - 1, sq[0] + sq[2]), y2 = Math.min(work.rows() - 1, sq[1] + sq[3]);
        double[] r = FaceGeometry.livenessCrop(x1, y1, Math.max(1, x2 - x1), Math.max(1, y2 - y1), work.cols(), work.rows());
        Mat crop = new Mat();
        try {
            cropResize(work, r[0], r[1], r[2], r[3], LIVENESS_SIZE, LIVENESS_SIZE, crop);
            ws.input.chw(crop, ws.livenessIn, false, ZERO, ONE);
            return OutputDecoding.softmax(liveness.run(ws.livenessIn)[0])[LIVE_CLASS];
        } finally {
            crop.release();
        }
    }

    private float[] embed(Mat work, double[] lm, Workspace ws) throws OrtException {
        double[] m = FaceGeometry.similarityTransform(FaceGeometry.fivePoints(lm), FaceGeometry.REFERENCE_FIVE_POINTS);
        Mat transform = new Mat(2, 3, CvType.CV_64F);
        Mat aligned = new Mat();
        try {
            transform.put(0, 0, m);
            Imgproc.warpAffine(work, aligned, transform, new Size(FEATURE_SIZE, FEATURE_SIZE), Imgproc.INTER_LINEAR,
                    Core.BORDER_CONSTANT, new Scalar(0, 0, 0));
            ws.input.chw(aligned, ws.featureIn, true, CENTRE_127, SCALE_128);
            return Embeddings.normalised(runFeature(ws.featureIn));
        } finally {
            transform.release();
            aligned.release();
        }
    }

    /** fr_feature on the feature thread (the caller waits; its input buffer is not touched meanwhile). */
    private float[] runFeature(FloatBuffer input) throws OrtException {
        try {
            return featureThread.submit(() -> feature.run(input)[0]).get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof OrtException ort) {
                throw ort;
            }
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException("fr_feature failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for fr_feature", e);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            throw new IllegalStateException("face engine closed", e);
        }
    }

    /**
     * Crops the rectangle (x, y, w, h) of {@code src} and resizes it to outW x outH. Inside the image: an ROI and an
     * area-averaging resize; reaching outside: an affine warp that replicates the border.
     */
    static void cropResize(Mat src, double x, double y, double w, double h, int outW, int outH, Mat dst) {
        int x0 = (int) Math.round(x), y0 = (int) Math.round(y);
        int x1 = (int) Math.round(x + w), y1 = (int) Math.round(y + h);
        if (x0 >= 0 && y0 >= 0 && x1 <= src.cols() && y1 <= src.rows() && x1 > x0 && y1 > y0) {
            Mat roi = src.submat(y0, y1, x0, x1);
            int interp = (x1 - x0) > outW ? Imgproc.INTER_AREA : Imgproc.INTER_LINEAR;
            Imgproc.resize(roi, dst, new Size(outW, outH), 0, 0, interp);
            roi.release();
            return;
        }
        double sx = outW / Math.max(w, 1e-6), sy = outH / Math.max(h, 1e-6);
        Mat m = new Mat(2, 3, CvType.CV_64F);
        m.put(0, 0, sx, 0, -x * sx, 0, sy, -y * sy);
        Imgproc.warpAffine(src, dst, m, new Size(outW, outH), Imgproc.INTER_LINEAR, Core.BORDER_REPLICATE);
        m.release();
    }

    private static long tick(StageTimings timings) {
        return timings == null ? 0 : timings.now();
    }

    private static void record(StageTimings timings, StageTimings.Stage stage, long from) {
        if (timings != null) {
            timings.record(stage, timings.now() - from);
        }
    }

    /**
     * Enrollment: every image must hold exactly one face that passes the {@link QualityGate}. The template is built
     * from the acceptable images; each other image is reported with its reason.
     */
    public TemplateResult template(List<byte[]> images) {
        List<float[]> embeddings = new ArrayList<>();
        Map<Integer, Rejection> rejections = new HashMap<>();
        AnalysisOptions withEmbedding = AnalysisOptions.defaults().withEmbedding(true);
        for (int i = 0; i < images.size(); i++) {
            ImageAnalysis analysis = analyze(images.get(i), withEmbedding);
            var rejection = qualityGate.assessSingleFace(analysis);
            if (rejection.isPresent()) {
                rejections.put(i, rejection.get());
            } else {
                embeddings.add(analysis.faces().get(0).embedding().orElseThrow());
            }
        }
        FaceTemplate template = embeddings.isEmpty() ? null : new FaceTemplate(embeddings, MODEL_VERSION);
        return new TemplateResult(java.util.Optional.ofNullable(template), rejections);
    }

    /**
     * Best cosine similarity of {@code embedding} against the template's embeddings.
     *
     * @throws IllegalArgumentException if the template comes from another model version or dimension
     */
    public double compare(FaceTemplate template, float[] embedding) {
        if (!MODEL_VERSION.equals(template.modelVersion())) {
            throw new IllegalArgumentException("template model " + template.modelVersion() + " is not " + MODEL_VERSION);
        }
        double best = -1;
        for (float[] e : template.embeddingsView()) {
            best = Math.max(best, Embeddings.cosine(e, embedding));
        }
        return best;
    }

    /** Cosine similarity of two embeddings (normalised here, so raw vectors work too). */
    public double similarity(float[] a, float[] b) {
        return Embeddings.cosine(a, b);
    }

    @Override
    public void close() {
        featureThread.shutdown();
        detect.close();
        landmark.close();
        eye.close();
        pose.close();
        liveness.close();
        feature.close();
    }
}
