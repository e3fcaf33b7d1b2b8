/*
 * Live framing hints computed in the browser before anything is uploaded: no face, several faces,
 * move closer, face the camera. Runs the services' own detector (fr_detect) and 68-point landmark
 * model (fr_landmark) with onnxruntime-web (WebAssembly, one thread), both served by the gateway
 * from vendor/ (packed at build time; nothing is fetched from elsewhere). Pre- and post-processing
 * are ported from libs/face-engine's FaceEngine#detect and OutputDecoding: letterbox into 320x240
 * on grey 127, RGB planes (v - 127) / 128, scores >= 0.65, best 750, greedy NMS at IoU 0.4, boxes
 * lying mostly (> 60 %) inside a larger one dropped; landmarks on the square box (side = box
 * height) as 64x64 grey / 256.
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

  var ready = null;

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
    var options = { executionProviders: ['wasm'], graphOptimizationLevel: 'all' };
    ready = ort.InferenceSession.create(new URL('models/fr_detect.onnx', base).href, options).then(function (detector) {
      return ort.InferenceSession.create(new URL('models/fr_landmark.onnx', base).href, options).then(function (landmarks) {
        return { detector: detector, landmarks: landmarks };
      });
    });
    ready.catch(function () {});
    return ready;
  }

  var detectCanvas = document.createElement('canvas');
  detectCanvas.width = DW; detectCanvas.height = DH;
  var lmCanvas = document.createElement('canvas');
  lmCanvas.width = LM; lmCanvas.height = LM;

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
    var vw = video.videoWidth, vh = video.videoHeight;
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

  /** fr_landmark on the square box; returns how far the head is turned (0 = facing the camera). */
  function turn(models, video, face) {
    var side = face.y2 - face.y1, bx = (face.x1 + face.x2) / 2 - side / 2, by = (face.y1 + face.y2) / 2 - side / 2;
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
    return models.landmarks.run(feeds).then(function (out) {
      var lm = out[models.landmarks.outputNames[0]].data;
      // 68-point layout: 36 and 45 the outer eye corners, 30 the nose tip
      var left = lm[36 * 2], right = lm[45 * 2], nose = lm[30 * 2];
      var half = Math.abs(right - left) / 2;
      return half <= 0 ? 1 : (nose - (left + right) / 2) / half;
    });
  }

  /**
   * One look at the current video frame: {kind: NO_FACE | SEVERAL_FACES | MOVE_CLOSER | FACE_CAMERA | OK,
   * faces, share (face height / frame height), turn}.
   */
  function check(video) {
    return load().then(function (models) {
      if (!video.videoWidth) { return { kind: 'NO_FACE', faces: 0 }; }
      return detect(models, video).then(function (faces) {
        if (faces.length === 0) { return { kind: 'NO_FACE', faces: 0 }; }
        var main = faces[0], mainHeight = main.y2 - main.y1;
        var counted = faces.filter(function (f) { return (f.y2 - f.y1) >= mainHeight * OTHER_FACE_SHARE; }).length;
        var share = mainHeight / video.videoHeight;
        if (counted > 1) { return { kind: 'SEVERAL_FACES', faces: counted, share: share }; }
        if (share < MIN_FACE_SHARE) { return { kind: 'MOVE_CLOSER', faces: 1, share: share }; }
        return turn(models, video, main).then(function (t) {
          return { kind: Math.abs(t) > MAX_TURN ? 'FACE_CAMERA' : 'OK', faces: 1, share: share, turn: t };
        });
      });
    });
  }

  window.LifeCertFraming = { load: load, check: check };
})();
