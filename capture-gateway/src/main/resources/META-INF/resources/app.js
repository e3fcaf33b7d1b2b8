/* LifeCert self-service certification page: plain JavaScript, no build step. zh-CN first, English switchable. */
(function () {
  'use strict';

  var T = {
    'zh-CN': {
      title: '社保待遇资格认证', loginTitle: '登录', idNumber: '身份证号', idHint: '请输入18位身份证号，最后一位可能是X',
      captcha: '验证码', captchaRefresh: '验证码图片，看不清可点击换一张', login: '登录', logout: '退出登录',
      guideTitle: '认证前请注意', start: '开始比对', back: '返回', captureTitle: '面部识别', resultTitle: '认证结果',
      retry: '再次认证', hello: '您好，{name}', forSelf: '为本人认证', forRelative: '为亲属认证：{name}（{rel}）',
      guideFor: '本次为 {name} 认证', noCamera: '没有可用的摄像头',
      noCameraAdvice: '可能是因为没有连接外部摄像头或者USB接口未插好，请连接摄像头或者重新插拔下摄像头。',
      cameraDenied: '您没有允许使用摄像头。请在浏览器地址栏旁的提示中点击“允许”，然后再点【开始比对】。',
      cameraBusy: '摄像头正被其他程序使用，请关闭其他使用摄像头的程序后再试。',
      tooDark: '光线不符，请调整光线（光线太暗，请打开灯或面向窗户）',
      tooBright: '光线不符，请调整光线（光线太亮，请避开强光）',
      lightOk: '光线合适，请保持脸部在取景框内', checking: '正在检查摄像头和光线……',
      NO_FACE: '未检测到人脸，请将脸部置于取景框内', SEVERAL_FACES: '画面中有多张人脸，请只让被认证人面对摄像头',
      MOVE_CLOSER: '请靠近一些，让脸部填满取景框', FACE_CAMERA: '请将脸部正对摄像头', FRAMING_OK: '脸部位置合适，请保持',
      FRAMING_LOADING: '正在检查脸部位置……',
      addRelative: '添加亲情账户', relIdNumber: '亲属身份证号', relSurname: '亲属的姓', relGivenName: '亲属的名',
      relRelationship: '与您的关系', relChoose: '请选择', relPhoto: '亲属身份凭证照片（JPG或PNG）', submit: '提交',
      relNeedAll: '请填写亲属的身份证号、姓名、关系并上传身份凭证照片', relAdded: '已添加亲情账户：{name}，请为亲属扫脸认证',
      step: '第 {n} 步 / 共 {total} 步', getReady: '请准备，即将开始', actionSeen: '很好，请保持',
      BLINK: '请眨眨眼', OPEN_MOUTH: '请张张嘴', TURN_LEFT: '请向左转头', TURN_RIGHT: '请向右转头', NOD: '请点点头',
      uploading: '正在上传……', waiting: '正在识别，请稍候……', networkError: '网络连接失败，请检查网络后重试',
      needCaptcha: '请输入验证码', needId: '请输入正确的身份证号', lang: 'English',
      noticeGlasses: '认证时，不要戴墨镜，不要让帽子、眼镜、头发等其他饰物遮住额头及眼睛。',
      noticeFace: '将脸部正对摄像头，置于取景框内。若光线不符，请根据文字提示调整光线。',
      noticeTime: '请根据语音提示及上方的示范在规定时间内做相应的动作，请及时按照系统要求做动作，以免超时。'
    },
    en: {
      title: 'Benefit eligibility certification', loginTitle: 'Log in', idNumber: 'ID number',
      idHint: '18 characters; the last one may be X', captcha: 'Verification code',
      captchaRefresh: 'Verification code image; activate for a new one', login: 'Log in', logout: 'Log out',
      guideTitle: 'Before you start', start: 'Start', back: 'Back', captureTitle: 'Face recognition',
      resultTitle: 'Result', retry: 'Try again', hello: 'Hello, {name}', forSelf: 'Certify myself',
      forRelative: 'Certify my relative: {name} ({rel})', guideFor: 'Certifying {name}',
      noCamera: '没有可用的摄像头 (no camera available)',
      noCameraAdvice: 'No external camera may be connected, or its USB plug is loose: connect the camera or plug it in again.',
      cameraDenied: 'The camera was not allowed. Choose "Allow" in the browser prompt, then press Start again.',
      cameraBusy: 'Another program is using the camera. Close it and try again.',
      tooDark: 'Light is not right: too dark, turn on a light or face a window',
      tooBright: 'Light is not right: too bright, avoid strong light', lightOk: 'Light is fine; keep your face in the oval',
      NO_FACE: 'No face found: put your face inside the oval',
      SEVERAL_FACES: 'Several faces: only the person being certified should face the camera',
      MOVE_CLOSER: 'Please move closer so that your face fills the oval', FACE_CAMERA: 'Please face the camera directly',
      FRAMING_OK: 'Your face is well placed; stay like this', FRAMING_LOADING: 'Checking where your face is…',
      addRelative: 'Add a family member', relIdNumber: "Family member's ID number", relSurname: 'Surname',
      relGivenName: 'Given name', relRelationship: 'Relationship to you', relChoose: 'Choose',
      relPhoto: "Photo of the family member's identity document (JPG or PNG)", submit: 'Submit',
      relNeedAll: 'Fill in the ID number, name and relationship and add the document photo',
      relAdded: 'Family member added: {name}. You can now certify for them.',
      checking: 'Checking the camera and the light…', step: 'Step {n} of {total}', getReady: 'Get ready',
      actionSeen: 'Well done, hold still',
      BLINK: 'Please blink', OPEN_MOUTH: 'Please open your mouth', TURN_LEFT: 'Please turn your head left',
      TURN_RIGHT: 'Please turn your head right', NOD: 'Please nod', uploading: 'Uploading…',
      waiting: 'Checking, please wait…', networkError: 'Network error, please check the connection and try again',
      needCaptcha: 'Please enter the verification code', needId: '请输入正确的身份证号 (enter a valid ID number)', lang: '中文',
      noticeGlasses: 'Do not wear sunglasses; do not let a hat, glasses, hair or other things cover your forehead or eyes.',
      noticeFace: 'Face the camera and keep your face inside the oval. If the light is not right, follow the hint.',
      noticeTime: 'Follow the voice prompt and the demonstration and do each action within the time shown.'
    }
  };
  var FPS = 8, FRAMES_PER_BATCH = 8, WIDTH = 320, HEIGHT = 240, QUALITY = 0.7;
  var lang = localStorage.getItem('lifecert.lang') || 'zh-CN';
  var state = { token: sessionStorage.getItem('lifecert.token'), login: null, target: null, stream: null, captchaId: null };

  function $(id) { return document.getElementById(id); }
  function t(key, vars) {
    var s = (T[lang] && T[lang][key]) || T['zh-CN'][key] || key;
    Object.keys(vars || {}).forEach(function (k) { s = s.replace('{' + k + '}', vars[k]); });
    return s;
  }
  function applyLang() {
    document.documentElement.lang = lang;
    document.querySelectorAll('[data-i18n]').forEach(function (el) { el.textContent = t(el.getAttribute('data-i18n')); });
    document.querySelectorAll('[data-i18n-aria]').forEach(function (el) {
      el.setAttribute('aria-label', t(el.getAttribute('data-i18n-aria')));
    });
    $('lang-btn').textContent = t('lang');
    document.title = t('title');
  }
  function show(view) {
    ['view-login', 'view-home', 'view-relative', 'view-guide', 'view-capture', 'view-result'].forEach(function (v) { $(v).hidden = v !== view; });
    var h = $(view).querySelector('h2');
    if (h) { h.focus(); }
  }
  function speak(text) {
    try {
      if (!window.speechSynthesis) { return; }
      window.speechSynthesis.cancel();
      var u = new SpeechSynthesisUtterance(text);
      u.lang = lang === 'en' ? 'en-US' : 'zh-CN';
      u.rate = 0.9;
      window.speechSynthesis.speak(u);
    } catch (e) { /* speech is a help, never a requirement */ }
  }
  function api(method, path, body) {
    var headers = { 'Accept': 'application/json' };
    if (body !== undefined) { headers['Content-Type'] = 'application/json'; }
    if (state.token) { headers['X-Session-Token'] = state.token; }
    return fetch(path, { method: method, headers: headers, body: body === undefined ? undefined : JSON.stringify(body) })
      .then(function (r) {
        return r.text().then(function (text) {
          var json = null;
          try { json = text ? JSON.parse(text) : null; } catch (e) { json = null; }
          if (!r.ok) {
            var err = new Error((json && json.message) || t('networkError'));
            err.status = r.status; err.problem = json;
            throw err;
          }
          return json;
        });
      }, function () { var err = new Error(t('networkError')); err.status = 0; throw err; });
  }

  /* ---------- 1. login ---------- */
  function loadCaptcha() {
    return api('POST', '/api/v1/captcha').then(function (c) {
      state.captchaId = c.captchaId;
      $('captcha-img').src = c.image;
      $('captcha-img').setAttribute('data-captcha-id', c.captchaId);
      $('captcha-input').value = '';
    }, function (e) { $('login-message').textContent = e.message; });
  }
  function onLogin(ev) {
    ev.preventDefault();
    var id = $('id-number').value.replace(/\s/g, '').toUpperCase();
    var answer = $('captcha-input').value.trim();
    if (!/^\d{17}[\dX]$/.test(id)) { $('login-message').textContent = t('needId'); $('id-number').focus(); return; }
    if (!answer) { $('login-message').textContent = t('needCaptcha'); $('captcha-input').focus(); return; }
    $('login-btn').disabled = true;
    $('login-message').textContent = '';
    api('POST', '/api/v1/login', { idNumber: id, captchaId: state.captchaId, captchaAnswer: answer }).then(function (res) {
      state.token = res.token; state.login = res;
      sessionStorage.setItem('lifecert.token', res.token);
      renderHome();
    }, function (e) {
      $('login-message').textContent = e.message;
      loadCaptcha();
    }).then(function () { $('login-btn').disabled = false; });
  }

  /* ---------- 2. whom to certify ---------- */
  function renderHome() {
    var res = state.login;
    $('home-h').textContent = t('hello', { name: res.person.name });
    $('state-message').textContent = [res.certification.message, state.added].filter(Boolean).join(' ');
    state.added = null;
    var whom = $('whom');
    whom.innerHTML = '';
    if (res.certification.allowed) {
      whom.appendChild(whomButton('self-btn', t('forSelf'), { personId: null, name: res.person.name }));
    }
    (res.relatives || []).forEach(function (r, i) {
      whom.appendChild(whomButton('relative-btn-' + i, t('forRelative', { name: r.name, rel: r.relationship || '' }),
        { personId: r.personId, name: r.name }));
    });
    show('view-home');
  }
  function whomButton(id, label, target) {
    var b = document.createElement('button');
    b.type = 'button'; b.id = id; b.className = 'whom-btn'; b.textContent = label;
    b.addEventListener('click', function () { state.target = target; openGuide(); });
    return b;
  }
  function openGuide() {
    if (window.LifeCertFraming) { LifeCertFraming.load(); } // fetch the detector while the notices are read
    $('guide-for').textContent = t('guideFor', { name: state.target.name });
    $('camera-error').hidden = true;
    show('view-guide');
  }

  /* ---------- 2b. 亲情服务: add a family member through enrollment-service ---------- */
  function openRelativeForm() {
    $('relative-form').reset();
    $('relative-message').textContent = '';
    show('view-relative');
  }
  function readPhoto(file) {
    return new Promise(function (resolve, reject) {
      var reader = new FileReader();
      reader.onload = function () { resolve(String(reader.result).split(',')[1]); };
      reader.onerror = function () { reject(reader.error); };
      reader.readAsDataURL(file);
    });
  }
  function onAddRelative(ev) {
    ev.preventDefault();
    var file = $('rel-photo').files && $('rel-photo').files[0];
    var request = { idNumber: $('rel-id-number').value.replace(/\s/g, '').toUpperCase(), surname: $('rel-surname').value.trim(),
      givenName: $('rel-given-name').value.trim(), relationship: $('rel-relationship').value };
    if (!request.idNumber || !request.surname || !request.givenName || !request.relationship || !file) {
      $('relative-message').textContent = t('relNeedAll');
      return;
    }
    $('relative-submit').disabled = true;
    readPhoto(file).then(function (base64) {
      request.documentPhotoBase64 = base64;
      return api('POST', '/api/v1/relatives', request);
    }).then(function (link) {
      state.added = t('relAdded', { name: link.name });
      return refreshRelatives(link.personId, 10);
    }, function (e) {
      var fields = (e.problem && e.problem.errors || []).map(function (f) { return f.message; }).filter(Boolean);
      $('relative-message').textContent = [e.message].concat(fields.filter(function (m) { return m !== e.message; })).join(' ');
    }).then(function () { $('relative-submit').disabled = false; });
  }
  /* the new link reaches the gateway through enrollment's event: ask again for a few seconds */
  function refreshRelatives(personId, tries) {
    return api('GET', '/api/v1/relatives').then(function (list) {
      var there = list.some(function (r) { return r.personId === personId; });
      if (!there && tries > 0) {
        return new Promise(function (r) { setTimeout(r, 1000); }).then(function () { return refreshRelatives(personId, tries - 1); });
      }
      state.login.relatives = list;
      renderHome();
    });
  }

  /* ---------- 3. camera check (seed 4.3 (9)) ---------- */
  function cameraProblem(kind) {
    var el = $('camera-error');
    el.hidden = false;
    el.innerHTML = '';
    var head = document.createElement('strong');
    var advice = document.createElement('span');
    if (kind === 'denied') { head.textContent = t('cameraDenied'); }
    else if (kind === 'busy') { head.textContent = t('cameraBusy'); }
    else { head.textContent = t('noCamera'); advice.textContent = ' ' + t('noCameraAdvice'); }
    el.appendChild(head); el.appendChild(advice);
    el.setAttribute('data-kind', kind);
    speak(head.textContent);
    show('view-guide');
    el.focus && el.setAttribute('tabindex', '-1');
  }
  function openCamera() {
    if (!navigator.mediaDevices || !navigator.mediaDevices.getUserMedia) { return Promise.reject({ name: 'NotFoundError' }); }
    var list = navigator.mediaDevices.enumerateDevices ? navigator.mediaDevices.enumerateDevices() : Promise.resolve(null);
    return list.then(function (devices) {
      if (devices && !devices.some(function (d) { return d.kind === 'videoinput'; })) {
        throw { name: 'NotFoundError' };
      }
      return navigator.mediaDevices.getUserMedia({ video: { width: { ideal: 640 }, height: { ideal: 480 }, facingMode: 'user' }, audio: false });
    });
  }
  function onStart() {
    $('start-btn').disabled = true;
    openCamera().then(function (stream) {
      state.stream = stream;
      var video = $('video');
      video.srcObject = stream;
      $('progress').textContent = t('checking');
      $('action-text').textContent = '';
      $('demo').setAttribute('class', 'demo');
      show('view-capture');
      return video.play().catch(function () { /* autoplay of muted video is allowed */ })
        .then(function () { return waitForLight(); })
        .then(function () { return api('POST', '/api/v1/sessions', state.target.personId ? { personId: state.target.personId } : {}); })
        .then(runChallenge);
    }, function (e) {
      var name = e && e.name;
      cameraProblem(name === 'NotAllowedError' || name === 'SecurityError' ? 'denied'
        : name === 'NotReadableError' ? 'busy' : 'none');
    }).catch(function (e) {
      stopCamera();
      showResult({ outcome: 'ERROR', message: e.message, retryAllowed: e.status !== 409 && e.status !== 403, reasons: [] });
    }).then(function () { $('start-btn').disabled = false; });
  }
  function stopCamera() {
    if (state.stream) { state.stream.getTracks().forEach(function (tr) { tr.stop(); }); state.stream = null; }
  }

  /* light: mean luma of a small copy of the frame; "光线不符，请调整光线" outside a comfortable band */
  var probe = document.createElement('canvas');
  probe.width = 64; probe.height = 48;
  function brightness() {
    var video = $('video');
    if (!video.videoWidth) { return -1; }
    var ctx = probe.getContext('2d', { willReadFrequently: true });
    ctx.drawImage(video, 0, 0, 64, 48);
    var d = ctx.getImageData(0, 0, 64, 48).data, sum = 0;
    for (var i = 0; i < d.length; i += 4) { sum += 0.299 * d[i] + 0.587 * d[i + 1] + 0.114 * d[i + 2]; }
    return sum / (d.length / 4);
  }
  function lightHint() {
    var b = brightness();
    var hint = $('light-hint');
    if (b < 0) { return false; }
    hint.setAttribute('data-luma', Math.round(b));
    if (b < 60) { hint.textContent = t('tooDark'); return false; }
    if (b > 205) { hint.textContent = t('tooBright'); return false; }
    hint.textContent = t('lightOk');
    return true;
  }
  /*
   * framing: the services' face detector in the browser (framing.js). Only before the challenge: during
   * the actions a turned head is what is asked for. If the detector cannot run here, light alone decides.
   */
  var framing = { kind: null, busy: false, unavailable: !window.LifeCertFraming };
  function framingHint() {
    var hint = $('framing-hint');
    if (framing.unavailable) { hint.textContent = ''; hint.setAttribute('data-framing', 'UNAVAILABLE'); return true; }
    if (!framing.busy) {
      framing.busy = true;
      LifeCertFraming.check($('video')).then(function (r) {
        framing.kind = r.kind;
        hint.setAttribute('data-faces', r.faces);
        if (r.share !== undefined) { hint.setAttribute('data-share', r.share.toFixed(2)); }
        if (r.turn !== undefined) { hint.setAttribute('data-turn', r.turn.toFixed(2)); }
      }, function () { framing.unavailable = true; }).then(function () { framing.busy = false; });
    }
    var kind = framing.kind;
    hint.setAttribute('data-framing', kind || 'LOADING');
    hint.textContent = t(kind === 'OK' ? 'FRAMING_OK' : kind || 'FRAMING_LOADING');
    return kind === 'OK';
  }
  function waitForLight() {
    framing.kind = null;
    return new Promise(function (resolve) {
      var good = 0, ticks = 0, spoken = null, started = Date.now();
      var timer = setInterval(function () {
        var light = lightHint(), placed = framingHint();
        // the detector's first load may take seconds on a slow device: count from when it answers
        if (framing.kind || framing.unavailable) { ticks++; }
        if (light && placed) { good++; } else {
          good = 0;
          var say = !light ? $('light-hint').textContent : $('framing-hint').textContent;
          if (ticks > 3 && say && say !== spoken && (framing.kind || !light)) { speak(say); spoken = say; }
        }
        // a second of good light and framing, or after 12 s (30 s at most) go on with the hint still showing
        if (good >= 4 || ticks >= 48 || Date.now() - started > 30000) { clearInterval(timer); resolve(); }
      }, 250);
    });
  }

  /* ---------- 4. the challenge: prompt, countdown, 8 frames/s, batches of 8 ---------- */
  var canvas = document.createElement('canvas');
  canvas.width = WIDTH; canvas.height = HEIGHT;
  function grab() {
    var ctx = canvas.getContext('2d');
    ctx.drawImage($('video'), 0, 0, WIDTH, HEIGHT);
    return canvas.toDataURL('image/jpeg', QUALITY).split(',')[1];
  }
  function uuid() {
    if (window.crypto && crypto.randomUUID) { return crypto.randomUUID(); }
    var b = crypto.getRandomValues(new Uint8Array(16));
    b[6] = (b[6] & 0x0f) | 0x40; b[8] = (b[8] & 0x3f) | 0x80;
    var h = Array.prototype.map.call(b, function (x) { return (x + 0x100).toString(16).slice(1); }).join('');
    return h.slice(0, 8) + '-' + h.slice(8, 12) + '-' + h.slice(12, 16) + '-' + h.slice(16, 20) + '-' + h.slice(20);
  }
  /*
   * ---------- the page notices the action in what it uploads and ends the step early ----------
   * Each grabbed frame the page has time for goes through framing.js observe(): the services' own models on the very
   * frame uploaded. Once the action is seen with a margin above liveness-service's thresholds (so that the service,
   * which decides, sees it too), the step ends TAIL_MS later instead of after its full time: an elderly person
   * waits about 2 s per action instead of 8, and uploads a third of the frames. The frames are the evidence either
   * way; without the detector (old device, no WebAssembly) or if the action is not seen, the step runs its full time.
   */
  var TAIL_MS = 500;
  var WATCH = {
    /* eye aspect ratio: open about 0.26, shut 0.18-0.19 (webcam-a 641-644); the service reads fr_eye on the same frames */
    eyesShut: 0.8, eyesOpen: 0.92,
    /* mouth ratio rise over the lowest before it: service 0.12, back below the lowest + 0.06 */
    mouthRise: 0.16, mouthBack: 0.06,
    /* fr_pose yaw degrees toward the asked side, after a first frame short of the service's 20 */
    turnStart: 20, turn: 24,
    /* fr_pose pitch drop below the highest pitch before it: service 12, back up by half the drop */
    nodDrop: 15
  };
  function needsPose(action) { return action === 'TURN_LEFT' || action === 'TURN_RIGHT' || action === 'NOD'; }
  /** A judge for one step: fed the observations of its frames in order, answers true once the action is seen. */
  function actionWatch(action) {
    var seen = 0, top = -Infinity, low = Infinity, phase = 0, deepest = 0, short = false;
    return function (o) {
      if (!o || o.faces !== 1) { return false; }
      seen++;
      switch (action) {
        case 'BLINK':
          if (phase === 0) {
            if (seen > 1 && o.ear <= WATCH.eyesShut * top) { phase = 1; } else { top = Math.max(top, o.ear); }
            return false;
          }
          return o.ear >= WATCH.eyesOpen * top;
        case 'OPEN_MOUTH':
          if (phase === 0) {
            low = Math.min(low, o.mouth);
            if (o.mouth - low >= WATCH.mouthRise) { phase = 1; }
            return false;
          }
          return o.mouth <= low + WATCH.mouthBack;
        case 'TURN_LEFT':
        case 'TURN_RIGHT':
          if (isNaN(o.yaw)) { return false; }
          var toward = action === 'TURN_LEFT' ? -o.yaw : o.yaw;
          if (!short) { short = toward < WATCH.turnStart; return false; }
          return toward >= WATCH.turn;
        case 'NOD':
          if (isNaN(o.pitch)) { return false; }
          if (phase === 0) { top = Math.max(top, o.pitch); }
          var drop = top - o.pitch;
          deepest = Math.max(deepest, drop);
          if (phase === 0) { if (drop >= WATCH.nodDrop) { phase = 1; } return false; }
          return drop <= deepest / 2;
        default:
          return false;
      }
    };
  }
  var watchCanvas = document.createElement('canvas');
  watchCanvas.width = WIDTH; watchCanvas.height = HEIGHT;

  function runChallenge(session) {
    var queue = Promise.resolve(), sequence = 0, failed = null, uploaded = 0, log = [];
    var watching = window.LifeCertFraming && !framing.unavailable;
    if (watching && session.steps.some(function (st) { return needsPose(st.action); })) { LifeCertFraming.loadPose(); }
    function send(step, frames, lastOfStep, lastOfSession) {
      var body = { batchId: uuid(), stepIndex: step, nonce: session.nonce, lastBatchOfStep: lastOfStep,
        lastBatchOfSession: lastOfSession, frames: frames };
      queue = queue.then(function () {
        if (failed) { return; }
        var attempt = function (n) {
          return api('POST', '/api/v1/sessions/' + session.sessionId + '/batches', body).then(function () {
            uploaded++;
            $('upload-status').textContent = t('uploading') + ' ' + uploaded;
          }, function (e) {
            // the same batch id again is safe: the gateway accepts a batch once
            if ((e.status === 0 || e.status >= 500) && n < 3) {
              return new Promise(function (r) { setTimeout(r, 800 * (n + 1)); }).then(function () { return attempt(n + 1); });
            }
            failed = e;
          });
        };
        return attempt(0);
      });
    }
    var steps = session.steps;
    function doStep(i) {
      if (i >= steps.length) { return Promise.resolve(); }
      var step = steps[i];
      $('progress').textContent = t('step', { n: i + 1, total: steps.length });
      $('progress').setAttribute('data-step', i);
      $('action-text').textContent = t(step.action);
      $('action-text').setAttribute('data-action', step.action);
      $('demo').setAttribute('class', 'demo ' + step.action);
      speak(t(step.action));
      return new Promise(function (resolve) {
        var started = Date.now(), end = started + step.timeLimitSeconds * 1000, batch = [];
        var judge = actionWatch(step.action), busy = false, seenAt = null, frames = 0;
        var counter = setInterval(function () {
          $('countdown').textContent = Math.max(0, Math.ceil((end - Date.now()) / 1000));
        }, 200);
        var shooter = setInterval(function () {
          lightHint();
          var last = Date.now() >= end;
          // the step's last batch must carry a frame: one more is grabbed when the batch before it was just sent full
          if (!last || batch.length === 0) {
            var frame = { sequence: sequence++, capturedAt: new Date().toISOString(), jpegBase64: grab() };
            batch.push(frame);
            frames++;
            if (watching && seenAt === null && !busy) {
              busy = true;
              // the service measures every frame the page checks in full: the step may end on what it saw here
              frame.observed = true;
              watchCanvas.getContext('2d').drawImage(canvas, 0, 0);
              LifeCertFraming.observe(watchCanvas, needsPose(step.action)).then(function (o) {
                if (seenAt === null && judge(o)) {
                  seenAt = Date.now() - started;
                  end = Math.min(end, Date.now() + TAIL_MS);
                  $('action-text').textContent = t('actionSeen');
                }
              }, function () { watching = false; }).then(function () { busy = false; });
            }
          }
          if (batch.length >= FRAMES_PER_BATCH || (last && batch.length > 0)) {
            send(i, batch, last, last && i === steps.length - 1);
            batch = [];
          }
          if (last) {
            clearInterval(shooter); clearInterval(counter);
            $('countdown').textContent = '';
            log.push({ action: step.action, seenAfterMs: seenAt, frames: frames, ms: Date.now() - started });
            $('progress').setAttribute('data-steps', JSON.stringify(log));
            resolve();
          }
        }, 1000 / FPS);
      }).then(function () { return doStep(i + 1); });
    }
    return doStep(0).then(function () { return queue; }).then(function () {
      stopCamera();
      $('demo').setAttribute('class', 'demo');
      if (failed) { throw failed; }
      return awaitResult(session.sessionId);
    });
  }

  /* ---------- 5. result: server-sent events read with fetch (the token travels in a header) ---------- */
  function awaitResult(sessionId) {
    showResult({ outcome: 'PENDING', message: t('waiting'), reasons: [], retryAllowed: false });
    var done = false;
    function poll() {
      if (done) { return; }
      api('GET', '/api/v1/sessions/' + sessionId + '/result').then(function (r) {
        if (r.outcome !== 'PENDING') { done = true; showResult(r); } else { setTimeout(poll, 3000); }
      }, function () { setTimeout(poll, 5000); });
    }
    if (!window.ReadableStream || !window.TextDecoder) { poll(); return; }
    fetch('/api/v1/sessions/' + sessionId + '/events', { headers: { 'Accept': 'text/event-stream', 'X-Session-Token': state.token } })
      .then(function (r) {
        if (!r.ok || !r.body) { throw new Error('no stream'); }
        var reader = r.body.getReader(), decoder = new TextDecoder(), buffer = '';
        function pump() {
          return reader.read().then(function (chunk) {
            if (chunk.done) { if (!done) { poll(); } return; }
            buffer += decoder.decode(chunk.value, { stream: true });
            var events = buffer.split(/\r?\n\r?\n/);
            buffer = events.pop();
            events.forEach(function (ev) {
              var data = ev.split(/\r?\n/).filter(function (l) { return l.indexOf('data:') === 0; })
                .map(function (l) { return l.slice(5).trim(); }).join('');
              if (!data) { return; }
              var view = JSON.parse(data);
              if (view.outcome !== 'PENDING') { done = true; showResult(view); }
            });
            return pump();
          });
        }
        return pump();
      }).catch(function () { poll(); });
  }
  function showResult(r) {
    var msg = $('result-message');
    msg.textContent = r.message;
    msg.setAttribute('data-outcome', r.outcome);
    msg.className = 'result' + (r.outcome === 'CERTIFIED' ? ' ok' : r.outcome === 'PENDING' ? '' : ' fail');
    var reasons = $('result-reasons');
    reasons.innerHTML = '';
    (r.reasons || []).forEach(function (code) {
      var li = document.createElement('li'); li.textContent = REASONS[code] || code; reasons.appendChild(li);
    });
    $('retry-btn').hidden = !r.retryAllowed;
    if (r.outcome !== 'PENDING') { speak(r.message); }
    if ($('view-result').hidden) { show('view-result'); }
  }
  var REASONS = {
    FACE_MISMATCH: '人脸与登记照片不一致', LIVENESS_ACTION_NOT_SEEN: '未检测到指定动作，请按提示做动作',
    SPOOF_SUSPECTED: '请本人面对摄像头认证，不要使用照片或屏幕', NO_FACE: '未检测到人脸，请将脸部置于取景框内',
    MULTIPLE_FACES: '画面中有多张人脸，请只让被认证人面对摄像头', POOR_LIGHT: '光线不符，请调整光线',
    TIMEOUT: '未在规定时间内完成动作', VERDICT_MISSING: '系统未能及时完成识别，请再次认证'
  };

  /* ---------- wiring ---------- */
  document.addEventListener('DOMContentLoaded', function () {
    applyLang();
    $('lang-btn').addEventListener('click', function () {
      lang = lang === 'en' ? 'zh-CN' : 'en';
      localStorage.setItem('lifecert.lang', lang);
      applyLang();
      if (state.login && !$('view-home').hidden) { renderHome(); }
    });
    $('login-form').addEventListener('submit', onLogin);
    $('captcha-btn').addEventListener('click', loadCaptcha);
    $('logout-btn').addEventListener('click', function () {
      state.token = null; state.login = null; sessionStorage.removeItem('lifecert.token'); loadCaptcha(); show('view-login');
    });
    $('start-btn').addEventListener('click', onStart);
    $('add-relative-btn').addEventListener('click', openRelativeForm);
    $('relative-form').addEventListener('submit', onAddRelative);
    $('relative-back').addEventListener('click', function () { renderHome(); });
    $('back-btn').addEventListener('click', function () { renderHome(); });
    $('home-btn').addEventListener('click', function () { if (state.login) { renderHome(); } else { show('view-login'); } });
    $('retry-btn').addEventListener('click', function () { openGuide(); });
    loadCaptcha();
  });
})();
