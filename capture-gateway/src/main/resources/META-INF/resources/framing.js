/*
 * Live framing hints computed in the browser before anything is uploaded: no face, several faces,
 * move closer, face the camera. Runs the services' own detector (fr_detect) and 68-point landmark
 * model (fr_landmark) with onnxruntime-web (WebAssembly, one thread), both served by the gateway
 * from vendor/ (packed at build time; nothing is fetched from elsewhere). Pre- and post-processing
 * are ported from libs/face-engine's FaceEngine#detect and OutputDecoding: letterbox into 320x240
 * on grey 127, RGB planes (v - 127) / 128, scores >= 0.65, best 750, greedy NMS at IoU 0.4, boxes
 * lying mostly (> 60 %) inside a larger one dropped; landmarks on the square box (side = box
 * height) as 64x64 grey / 256.
 *
 * During the challenge, observe() reads the frame the page has just grabbed for upload (so whatever the page
 * notices is in what the services receive): the same 68 points give the mouth ratio liveness-service reads
 * (FaceGeometry#mouthOpening) and an eye aspect ratio, and on turn and nod steps fr_pose gives yaw and pitch in
 * degrees exactly as FaceEngine#pose computes them (square box widened by 25 % on each side, 224x224 RGB,
 * ImageNet mean and deviation, 66 bins of 3 degrees from -99). fr_pose (5.8 MB) is loaded only when a challenge
 * asks for a turn or a nod.
 */
(function () {
  'use strict';

  var DW = 320, DH = 240, LM = 64;
  var SCORE = 0.65, TOP_K = 750, IOU = 0.4, NESTED = 0.6;
  /* The uploads are 320x240 and the services refuse faces under 64 px: ask for at least 30 % of the height. */
  var MIN_FACE_SHARE = 0.3;
  /* A second face counts when it is at least a third as tall as the largest (a poster far behind does not). */
  var OTHER_FACE_SHARE = 1 / 3;
  /* Nose tip off the eyes' midpoint, in half eye-corner distances: about 0.45 at a 30 degree turn. */
  var MAX_TURN = 0.45;

  var PS = 224, POSE_MARGIN = 0.25;
  var POSE_MEAN = [0.485 * 255, 0.456 * 255, 0.406 * 255], POSE_STD = [0.229 * 255, 0.224 * 255, 0.225 * 255];

  var ready = null, poseReady = null;

  function load() {
    if (ready) { return ready; }
    if (!window.ort || !window.WebAssembly) {
      ready = Promise.reject(new Error('onnxruntime-web or WebAssembly unavailable'));
      ready.catch(function () {});
      return ready;
    }
    var base = new URL('vendor/', document.baseURI);
    ort.env.wasm.numThreads = 1;
    ort.env.wasm.wasmPaths = { mjs: new URL('ort/ort-wasm-simd-threaded.js', base).href,
      wasm: new URL('ort/ort-wasm-simd-threaded.wasm', base).href };
    ready = model('fr_detect.onnx').then(function (detector) {
      return model('fr_landmark.onnx').then(function (landmarks) {
        return { detector: detector, landmarks: landmarks };
      });
    });
    ready.catch(function () {});
    return ready;
  }

  /** One of the services' models, served by the gateway from vendor/models/. */
  function model(file) {
    return ort.InferenceSession.create(new URL('vendor/models/' + file, document.baseURI).href,
      { executionProviders: ['wasm'], graphOptimizationLevel: 'all' });
  }

  function loadPose() {
    if (poseReady) { return poseReady; }
    poseReady = load().then(function () {
      return model('fr_pose.onnx');
    });
    poseReady.catch(function () {});
    return poseReady;
  }

  var detectCanvas = document.createElement('canvas');
  detectCanvas.width = DW; detectCanvas.height = DH;
  var lmCanvas = document.createElement('canvas');
  lmCanvas.width = LM; lmCanvas.height = LM;
  var poseCanvas = document.createElement('canvas');
  poseCanvas.width = PS; poseCanvas.height = PS;

  function widthOf(source) { return source.videoWidth || source.width; }
  function heightOf(source) { return source.videoHeight || source.height; }

  function iou(a, b) {
    var ix = Math.max(0, Math.min(a.x2, b.x2) - Math.max(a.x1, b.x1));
    var iy = Math.max(0, Math.min(a.y2, b.y2) - Math.max(a.y1, b.y1));
    var inter = ix * iy, union = area(a) + area(b) - inter;
    return union <= 0 ? 0 : inter / union;
  }
  function area(c) { return Math.max(0, c.x2 - c.x1) * Math.max(0, c.y2 - c.y1); }

  /** OutputDecoding.selectDetections + dropNested, in 320x240 canvas pixels. */
  function select(scores, boxes) {
    var kept = [], n = scores.length / 2, i, j;
    for (i = 0; i < n; i++) {
      var s = scores[i * 2 + 1];
      if (s >= SCORE) {
        var c = { x1: boxes[i * 4] * DW, y1: boxes[i * 4 + 1] * DH, x2: boxes[i * 4 + 2] * DW, y2: boxes[i * 4 + 3] * DH, score: s };
        if (c.x2 > c.x1 && c.y2 > c.y1) { kept.push(c); }
      }
    }
    kept.sort(function (a, b) { return b.score - a.score; });
    kept = kept.slice(0, TOP_K);
    var result = [], suppressed = [];
    for (i = 0; i < kept.length; i++) {
      if (suppressed[i]) { continue; }
      result.push(kept[i]);
      for (j = i + 1; j < kept.length; j++) {
        if (!suppressed[j] && iou(kept[i], kept[j]) > IOU) { suppressed[j] = true; }
      }
    }
    result.sort(function (a, b) { return area(b) - area(a); });
    var faces = [];
    result.forEach(function (c) {
      var nested = faces.some(function (big) {
        var ix = Math.max(0, Math.min(c.x2, big.x2) - Math.max(c.x1, big.x1));
        var iy = Math.max(0, Math.min(c.y2, big.y2) - Math.max(c.y1, big.y1));
        return area(c) > 0 && ix * iy / area(c) > NESTED;
      });
      if (!nested) { faces.push(c); }
    });
    return faces;
  }

  function detect(models, video) {
    var vw = widthOf(video), vh = heightOf(video);
    var s = Math.min(DW / vw, DH / vh);
    var rw = Math.max(1, Math.min(DW, Math.round(vw * s))), rh = Math.max(1, Math.min(DH, Math.round(vh * s)));
    var ox = Math.floor((DW - rw) / 2), oy = Math.floor((DH - rh) / 2);
    var ctx = detectCanvas.getContext('2d', { willReadFrequently: true });
    ctx.fillStyle = 'rgb(127,127,127)';
    ctx.fillRect(0, 0, DW, DH);
    ctx.drawImage(video, ox, oy, rw, rh);
    var px = ctx.getImageData(0, 0, DW, DH).data, plane = DW * DH, input = new Float32Array(3 * plane);
    for (var i = 0; i < plane; i++) {
      input[i] = (px[i * 4] - 127) / 128;
      input[plane + i] = (px[i * 4 + 1] - 127) / 128;
      input[2 * plane + i] = (px[i * 4 + 2] - 127) / 128;
    }
    var feeds = {};
    feeds[models.detector.inputNames[0]] = new ort.Tensor('float32', input, [1, 3, DH, DW]);
    return models.detector.run(feeds).then(function (out) {
      var scores = null, boxes = null;
      models.detector.outputNames.forEach(function (name) {
        var tensor = out[name];
        if (tensor.dims[tensor.dims.length - 1] === 2) { scores = tensor.data; } else { boxes = tensor.data; }
      });
      return select(scores, boxes).map(function (c) {
        return { x1: (c.x1 - ox) / s, y1: (c.y1 - oy) / s, x2: (c.x2 - ox) / s, y2: (c.y2 - oy) / s, score: c.score };
      });
    });
  }

  /** FaceGeometry#squareBox: side = the box height, same centre. */
  function squareBox(face) {
    var side = face.y2 - face.y1;
    return { side: side, x: (face.x1 + face.x2) / 2 - side / 2, y: (face.y1 + face.y2) / 2 - side / 2 };
  }

  /** fr_landmark on the square box: 136 values, x and y of the 68 points normalised to the box. */
  function points(models, video, face) {
    var sq = squareBox(face), side = sq.side, bx = sq.x, by = sq.y;
    var ctx = lmCanvas.getContext('2d', { willReadFrequently: true });
    ctx.fillStyle = 'rgb(127,127,127)';
    ctx.fillRect(0, 0, LM, LM);
    ctx.drawImage(video, bx, by, side, side, 0, 0, LM, LM);
    var px = ctx.getImageData(0, 0, LM, LM).data, input = new Float32Array(LM * LM);
    for (var i = 0; i < LM * LM; i++) {
      input[i] = (0.299 * px[i * 4] + 0.587 * px[i * 4 + 1] + 0.114 * px[i * 4 + 2]) / 256;
    }
    var feeds = {};
    feeds[models.landmarks.inputNames[0]] = new ort.Tensor('float32', input, [1, 1, LM, LM]);
    return models.landmarks.run(feeds).then(function (out) { return out[models.landmarks.outputNames[0]].data; });
  }

  /** How far the head is turned (0 = facing the camera): 68-point layout, 36 and 45 the outer eye corners, 30 the nose tip. */
  function turn(lm) {
    var left = lm[36 * 2], right = lm[45 * 2], nose = lm[30 * 2];
    var half = Math.abs(right - left) / 2;
    return half <= 0 ? 1 : (nose - (left + right) / 2) / half;
  }

  function dist(lm, a, b) { return Math.hypot(lm[a * 2] - lm[b * 2], lm[a * 2 + 1] - lm[b * 2 + 1]); }

  /** FaceGeometry#mouthOpening: mean inner-lip gap (61/67, 62/66, 63/65) over the inner-lip width (60-64). */
  function mouthOpening(lm) {
    var width = dist(lm, 60, 64);
    return width <= 0 ? 0 : (dist(lm, 61, 67) + dist(lm, 62, 66) + dist(lm, 63, 65)) / 3 / width;
  }

  /** Eye aspect ratio of the eye whose six points start at 36 or 42 (about 0.26 open, 0.18-0.19 shut). */
  function eyeRatio(lm, first) {
    var across = dist(lm, first, first + 3);
    return across <= 0 ? 0 : (dist(lm, first + 1, first + 5) + dist(lm, first + 2, first + 4)) / (2 * across);
  }

  function softmaxAngle(bins) {
    var max = -Infinity, i, sum = 0, expected = 0;
    for (i = 0; i < bins.length; i++) { max = Math.max(max, bins[i]); }
    for (i = 0; i < bins.length; i++) { sum += Math.exp(bins[i] - max); }
    for (i = 0; i < bins.length; i++) { expected += Math.exp(bins[i] - max) / sum * i; }
    return expected * 3 - 99;
  }

  /** FaceEngine#pose: yaw (negative = turned toward the image's right, the person's left) and pitch (positive = chin up). */
  function headPose(pose, video, face) {
    var sq = squareBox(face), side = sq.side, bx = sq.x, by = sq.y;
    var ctx = poseCanvas.getContext('2d', { willReadFrequently: true });
    ctx.fillStyle = 'rgb(127,127,127)';
    ctx.fillRect(0, 0, PS, PS);
    ctx.drawImage(video, bx - side * POSE_MARGIN, by - side * POSE_MARGIN, side * (1 + 2 * POSE_MARGIN),
      side * (1 + 2 * POSE_MARGIN), 0, 0, PS, PS);
    var px = ctx.getImageData(0, 0, PS, PS).data, plane = PS * PS, input = new Float32Array(3 * plane);
    for (var i = 0; i < plane; i++) {
      input[i] = (px[i * 4] - POSE_MEAN[0]) / POSE_STD[0];
      input[plane + i] = (px[i * 4 + 1] - POSE_MEAN[1]) / POSE_STD[1];
      input[2 * plane + i] = (px[i * 4 + 2] - POSE_MEAN[2]) / POSE_STD[2];
    }
    var feeds = {};
    feeds[pose.inputNames[0]] = new ort.Tensor('float32', input, [1, 3, PS, PS]);
    return pose.run(feeds).then(function (out) {
      return { yaw: softmaxAngle(out[pose.outputNames[0]].data), pitch: softmaxAngle(out[pose.outputNames[1]].data) };
    });
  }

  /**
   * One look at a grabbed frame during an action: {faces, ear, mouth, yaw, pitch} of the largest face (yaw and pitch
   * only when withPose; NaN otherwise), or {faces: 0}.
   */
  function observe(frame, withPose) {
    return load().then(function (models) {
      return detect(models, frame).then(function (faces) {
        if (faces.length === 0) { return { faces: 0 }; }
        var main = faces[0];
        return points(models, frame, main).then(function (lm) {
          var o = { faces: faces.length, ear: (eyeRatio(lm, 36) + eyeRatio(lm, 42)) / 2, mouth: mouthOpening(lm), yaw: NaN, pitch: NaN };
          if (!withPose) { return o; }
          return loadPose().then(function (pose) { return headPose(pose, frame, main); }).then(function (hp) {
            o.yaw = hp.yaw; o.pitch = hp.pitch;
            return o;
          });
        });
      });
    });
  }

  /**
   * One look at the current video frame: {kind: NO_FACE | SEVERAL_FACES | MOVE_CLOSER | FACE_CAMERA | OK,
   * faces, share (face height / frame height), turn}.
   */
  function check(video) {
    return load().then(function (models) {
      if (!widthOf(video)) { return { kind: 'NO_FACE', faces: 0 }; }
      return detect(models, video).then(function (faces) {
        if (faces.length === 0) { return { kind: 'NO_FACE', faces: 0 }; }
        var main = faces[0], mainHeight = main.y2 - main.y1;
        var counted = faces.filter(function (f) { return (f.y2 - f.y1) >= mainHeight * OTHER_FACE_SHARE; }).length;
        var share = mainHeight / heightOf(video);
        if (counted > 1) { return { kind: 'SEVERAL_FACES', faces: counted, share: share }; }
        if (share < MIN_FACE_SHARE) { return { kind: 'MOVE_CLOSER', faces: 1, share: share }; }
        return points(models, video, main).then(turn).then(function (t) {
          return { kind: Math.abs(t) > MAX_TURN ? 'FACE_CAMERA' : 'OK', faces: 1, share: share, turn: t };
        });
      });
    });
  }

  window.LifeCertFraming = { load: load, loadPose: loadPose, check: check, observe: observe };
})();
