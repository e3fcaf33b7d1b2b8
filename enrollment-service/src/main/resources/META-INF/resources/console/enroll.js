// Counter enrolment: the person form (seed fields and messages, checked as the clerk types), the
// counter webcam for the reference photo, the quality gate's answer, search, edit, deactivation.
// APIs: /api/v1/persons (POST, PUT, lookup, search, deactivation), /api/v1/persons/{id}/reference-photos,
// /api/v1/reference/nationalities and /consulates (the 国籍 and 使领馆 lists).
'use strict';
(function () {
  const { $, api, say, t } = LC;
  const form = $('person');
  const HAN = /^[\p{Script=Han}·]{1,20}$/u;
  const MOBILE = /^1[3-9][0-9]{9}$/;
  const INTL_PHONE = /^\+?[0-9][0-9 -]{5,19}$/;
  const PASSPORT = /^[A-Za-z0-9]{5,20}$/;
  const EMAIL = /^[^@\s]{1,64}@[^@\s]+\.[^@\s]+$/;
  // The seed's 输入校验提示 (word for word) and, for fields the seed marks "-", the server's messages.
  const M = {
    surname: '请输入正确的中文姓', givenName: '请输入正确的中文名', idNumber: '请输入正确的身份证号',
    consulate: '请选择使领馆', sex: '请选择性别', sexMismatch: '性别与身份证号不符', birthDate: '请选择出生日期',
    birthRange: '请选择正确的出生日期', birthMismatch: '出生日期与身份证号不符', benefitType: '请选择待遇类型',
    pensionPlace: '请选择养老金发放地', phone: '请输入正确的手机号码', email: '请输入正确的电子邮箱',
    nationality: '请选择国籍', passport: '请输入正确的护照号码',
  };
  const msg = (key) => t(M[key], 'm.' + key);
  let editing = null;        // PersonView being edited, or null for a new person
  let lastIdNumber = null;   // the full ID number the clerk typed in the search (views only carry the masked one)
  let photo = null;          // Blob waiting to go through the quality gate
  let stream = null;
  let hintTimer = null;
  const touched = new Set();

  // ---------- validation as the clerk types
  const value = (id) => $(id).value.trim();
  const sexValue = () => (form.querySelector('input[name="sex"]:checked') || {}).value || '';
  const abroad = () => $('abroad').checked;

  function check(field) {
    const today = new Date().toISOString().slice(0, 10);
    const id = LC.parseIdNumber(value('idNumber'));
    switch (field) {
      case 'surname': return HAN.test(value('surname')) ? '' : msg('surname');
      case 'givenName': return HAN.test(value('givenName')) ? '' : msg('givenName');
      case 'idNumber': return id.ok ? '' : msg('idNumber');
      case 'sex': return !sexValue() ? msg('sex') : (id.ok && id.sex !== sexValue() ? msg('sexMismatch') : '');
      case 'birthDate': {
        const b = value('birthDate');
        if (!b) return msg('birthDate');
        if (b <= '1900-01-01' || b >= today) return msg('birthRange');
        return id.ok && id.birthDate !== b ? msg('birthMismatch') : '';
      }
      case 'benefitType': return value('benefitType') ? '' : msg('benefitType');
      case 'pensionPlace': return value('pensionPlace') ? '' : msg('pensionPlace');
      case 'phone': return (abroad() ? INTL_PHONE : MOBILE).test(value('phone')) ? '' : msg('phone');
      case 'email': return !value('email') || EMAIL.test(value('email')) ? '' : msg('email');
      case 'nationality': return !abroad() || value('nationality') ? '' : msg('nationality');
      case 'passportNumber': return !abroad() || PASSPORT.test(value('passportNumber')) ? '' : msg('passport');
      case 'consulate': return !abroad() || value('consulate') ? '' : msg('consulate');
      default: return '';
    }
  }
  const FIELDS = ['surname', 'givenName', 'idNumber', 'sex', 'birthDate', 'benefitType', 'pensionPlace', 'phone', 'email',
    'nationality', 'passportNumber', 'consulate'];
  const inputOf = (f) => (f === 'sex' ? $('sex-m') : $(f));
  function show(field) {
    const m = check(field);
    LC.markField(inputOf(field), touched.has(field) ? m : '');
    if (field === 'sex') $('sex-f').setAttribute('aria-invalid', touched.has('sex') && m ? 'true' : 'false');
    return m;
  }

  function deriveFromId() {
    const id = LC.parseIdNumber(value('idNumber'));
    const out = $('idNumber-derived');
    if (!id.ok) { out.textContent = ''; return; }
    // Birth date and sex come from the ID number (GB 11643); the clerk may still see and correct them.
    $('birthDate').value = id.birthDate;
    (id.sex === '男' ? $('sex-m') : $('sex-f')).checked = true;
    out.textContent = t('由身份证号得出：出生日期 ', 'derived.1') + id.birthDate + t('，性别 ', 'derived.2') + (LC.lang() === 'en' ? (id.sex === '男' ? 'male' : 'female') : id.sex);
    ['sex', 'birthDate'].forEach((f) => { touched.add(f); show(f); });
  }

  for (const f of FIELDS) {
    const els = f === 'sex' ? [$('sex-m'), $('sex-f')] : [$(f)];
    for (const el of els) {
      el.addEventListener('input', () => {
        if (f === 'idNumber') { deriveFromId(); if (value('idNumber').length >= 18) touched.add(f); }
        show(f);
      });
      el.addEventListener('change', () => { touched.add(f); show(f); });
      el.addEventListener('blur', () => { if (el.value !== '' || f !== 'email') touched.add(f); show(f); });
    }
  }
  $('abroad').addEventListener('change', () => {
    $('abroad-fields').hidden = !abroad();
    ['phone', 'nationality', 'passportNumber', 'consulate'].forEach(show);
  });

  function formBody() {
    return {
      idNumber: value('idNumber').toUpperCase(), surname: value('surname'), givenName: value('givenName'),
      sex: sexValue(), birthDate: value('birthDate'), benefitType: value('benefitType'),
      pensionPlace: value('pensionPlace'), phone: value('phone'), email: value('email') || null,
      abroad: abroad() ? { nationality: value('nationality'), passportNumber: value('passportNumber'), consulate: value('consulate') } : null,
    };
  }

  // ---------- save: the person first, then the photo through the quality gate
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    let first = null;
    for (const f of FIELDS) { touched.add(f); if (show(f) && !first) first = inputOf(f); }
    if (first) { say(t('请按提示改正标红的项目', 'form.fix'), 'error'); first.focus(); return; }
    $('save').disabled = true;
    try {
      if (!editing || editing.dirty !== false) {
        say(t('正在保存…', 'form.saving'), 'info');
        const saved = editing && editing.id
          ? await api('/api/v1/persons/' + editing.id, { method: 'PUT', body: formBody() })
          : await api('/api/v1/persons', { method: 'POST', body: formBody() });
        lastIdNumber = value('idNumber').toUpperCase();
        setEditing(saved);
      }
      if (photo) {
        await uploadPhoto();
      } else {
        say(t('已保存。', 'form.saved') + ' ' + (editing.template ? '' : t('还没有参考照片：请拍照后再点“保存”。', 'form.nophoto')), 'ok');
      }
    } catch (err) {
      const shown = LC.fieldErrors(err.problem, form);
      say(err.message + (shown.length ? '' : ''), 'error');
    } finally {
      $('save').disabled = false;
    }
  });

  async function uploadPhoto() {
    const data = new FormData();
    data.append('photo', photo, 'reference.jpg');
    say(t('正在检测照片质量…', 'photo.checking'), 'info', 'photo-state');
    const started = performance.now();
    try {
      const template = await api('/api/v1/persons/' + editing.id + '/reference-photos', { method: 'POST', body: data });
      const ms = Math.round(performance.now() - started);
      editing.template = template;
      photo = null;
      say(t('照片合格，已登记参考照片', 'photo.ok') + '（' + t('质量', 'photo.quality') + ' ' + template.quality.toFixed(2) + '，' + ms + ' ms）', 'ok', 'photo-state');
      say(t('已保存，人员信息和参考照片均已登记。', 'form.done'), 'ok');
    } catch (err) {
      // The quality gate's reason, in Chinese, from the problem's message (e.g. 检测到多张人脸).
      say(t('照片不合格：', 'photo.bad') + err.message + t('。请重新拍摄。', 'photo.again'), 'error', 'photo-state');
      say(t('人员信息已保存，参考照片未通过，请重新拍摄后再点“保存”。', 'form.photoPending'), 'error');
      $('retake').disabled = false;
      $('retake').focus();
    }
  }

  function setEditing(view) {
    editing = Object.assign(editing && editing.id === view.id ? editing : {}, view);
    $('form-title').textContent = t('修改人员信息', 'form.h2edit');
    $('editing').hidden = false;
    $('editing').textContent = view.surname + view.givenName + ' · ' + view.idNumberMasked + ' · ' + statusLabel(view.status);
    const link = $('to-counter');
    link.hidden = false;
    link.href = LC.pageUrl('counter') + '?person=' + encodeURIComponent(view.id);
  }

  function fill(view, idNumber) {
    clearForm(false);
    $('surname').value = view.surname || ''; $('givenName').value = view.givenName || '';
    $('idNumber').value = idNumber || '';
    $('birthDate').value = view.birthDate || '';
    if (view.sex) (view.sex === 'MALE' ? $('sex-m') : $('sex-f')).checked = true;
    $('benefitType').value = view.benefitType || '';
    ensureOption($('pensionPlace'), view.pensionPlace);
    $('phone').value = view.phone || ''; $('email').value = view.email || '';
    $('abroad').checked = !!view.abroad; $('abroad-fields').hidden = !view.abroad;
    if (view.abroad) {
      ensureOption($('nationality'), view.abroad.nationality);
      $('passportNumber').value = view.abroad.passportNumber || '';
      ensureOption($('consulate'), view.abroad.consulate);
    }
    editing = null;
    setEditing(view);
    if (!idNumber) {
      $('idNumber-derived').textContent = t('修改时请重新输入完整的身份证号（', 'form.reenter') + view.idNumberMasked + '）';
      $('idNumber').focus();
    } else {
      deriveFromId(); $('surname').focus();
    }
    api('/api/v1/persons/' + view.id + '/reference-photos/template').then((tpl) => {
      editing.template = tpl;
      say(t('已有参考照片', 'photo.has') + '（' + LC.time(tpl.createdAt) + '）' + t('；如需更换，请重新拍照。', 'photo.replace'), 'info', 'photo-state');
    }).catch(() => say(t('还没有参考照片', 'photo.none'), 'info', 'photo-state'));
  }
  function ensureOption(select, v) {
    if (!v) { select.value = ''; return; }
    if (![...select.options].some((o) => o.value === v)) select.add(new Option(v, v));
    select.value = v;
  }

  function clearForm(resetEditing = true) {
    form.reset();
    touched.clear();
    FIELDS.forEach((f) => LC.markField(inputOf(f), ''));
    $('abroad-fields').hidden = true;
    $('idNumber-derived').textContent = '';
    if (resetEditing) {
      editing = null; photo = null;
      $('form-title').textContent = t('新增人员', 'form.h2new');
      $('editing').hidden = true; $('to-counter').hidden = true;
      $('preview').hidden = true;
      say('', 'info'); say('', 'info', 'photo-state');
      $('surname').focus();
    }
  }
  $('reset').addEventListener('click', () => clearForm(true));

  // ---------- counter webcam with live framing / brightness hints
  const video = $('video'), canvas = $('canvas'), hint = $('hint'), oval = $('oval');
  function setHint(text, good) { hint.textContent = text; hint.className = 'hint ' + (good ? 'good' : 'bad'); oval.classList.toggle('good', !!good); }

  $('camera-on').addEventListener('click', startCamera);
  async function startCamera() {
    if (!navigator.mediaDevices || !navigator.mediaDevices.getUserMedia) { setHint(t('没有可用的摄像头', 'cam.none'), false); return; }
    try {
      stream = await navigator.mediaDevices.getUserMedia({ video: { width: { ideal: 1280 }, height: { ideal: 960 } }, audio: false });
    } catch (err) {
      // Seed 4.3 (9): 没有可用的摄像头 (no camera attached or USB not plugged in).
      setHint(err && err.name === 'NotAllowedError' ? t('摄像头未获允许，请在浏览器中允许使用摄像头', 'cam.denied') : t('没有可用的摄像头', 'cam.none'), false);
      return;
    }
    video.srcObject = stream; video.hidden = false; $('preview').hidden = true;
    $('shoot').disabled = false; $('retake').disabled = true;
    $('shoot').focus();
    clearInterval(hintTimer);
    hintTimer = setInterval(liveHints, 400);
  }

  const detector = ('FaceDetector' in window) ? new window.FaceDetector({ fastMode: true, maxDetectedFaces: 3 }) : null;
  async function liveHints() {
    if (!stream || video.readyState < 2) return;
    const w = 160, h = 120, small = document.createElement('canvas');
    small.width = w; small.height = h;
    const g = small.getContext('2d');
    g.drawImage(video, 0, 0, w, h);
    const px = g.getImageData(0, 0, w, h).data;
    // Brightness of the centre (where the face should be) and of the whole frame: backlight shows as a bright frame with a dark centre.
    let all = 0, centre = 0, n = 0, nc = 0;
    for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) {
      const i = (y * w + x) * 4, l = 0.299 * px[i] + 0.587 * px[i + 1] + 0.114 * px[i + 2];
      all += l; n++;
      if (x > w * 0.3 && x < w * 0.7 && y > h * 0.12 && y < h * 0.82) { centre += l; nc++; }
    }
    all /= n; centre /= nc;
    if (centre < 60) return setHint(t('光线太暗，请打开灯或面向光源', 'cam.dark'), false);
    if (centre > 210) return setHint(t('光线太强，请避开直射光', 'cam.bright'), false);
    if (all - centre > 40) return setHint(t('背光，请不要背对窗户或灯', 'cam.backlit'), false);
    if (detector) {
      try {
        const faces = await detector.detect(video);
        if (faces.length === 0) return setHint(t('未检测到人脸，请将脸部正对摄像头，置于取景框内', 'cam.noface'), false);
        if (faces.length > 1) return setHint(t('画面中有多张人脸，请只保留一人', 'cam.many'), false);
        const b = faces[0].boundingBox, vw = video.videoWidth, vh = video.videoHeight;
        const cx = (b.x + b.width / 2) / vw, size = b.width / vw;
        if (Math.abs(cx - 0.5) > 0.12) return setHint(t('请将脸部移到取景框中间', 'cam.centre'), false);
        if (size < 0.2) return setHint(t('请靠近一些', 'cam.closer'), false);
        if (size > 0.6) return setHint(t('请离远一些', 'cam.farther'), false);
      } catch (e) { /* detector unavailable for this source: brightness hints only */ }
    }
    setHint(detector ? t('位置和光线合适，可以拍照', 'cam.good') : t('光线合适。请将脸部正对摄像头，置于取景框内，然后拍照', 'cam.goodNoDetector'), true);
  }

  $('shoot').addEventListener('click', () => {
    if (!stream) return;
    canvas.width = video.videoWidth || 640; canvas.height = video.videoHeight || 480;
    canvas.getContext('2d').drawImage(video, 0, 0, canvas.width, canvas.height);
    canvas.toBlob((blob) => { usePhoto(blob); }, 'image/jpeg', 0.92);
  });
  $('retake').addEventListener('click', () => { photo = null; $('photo-file').value = ''; startCamera(); say('', 'info', 'photo-state'); });
  $('photo-file').addEventListener('change', () => { const f = $('photo-file').files[0]; if (f) usePhoto(f); });

  function usePhoto(blob) {
    photo = blob;
    const img = $('preview');
    img.src = URL.createObjectURL(blob); img.hidden = false; video.hidden = true;
    clearInterval(hintTimer);
    if (stream) { stream.getTracks().forEach((tr) => tr.stop()); stream = null; }
    $('shoot').disabled = true; $('retake').disabled = false;
    setHint(t('已拍照', 'cam.taken'), true);
    if (editing && editing.id) {
      uploadPhoto(); // the person exists: the quality gate answers right away
    } else {
      say(t('照片已拍好，点击“保存”登记人员信息和照片', 'photo.pending'), 'info', 'photo-state');
      $('save').focus();
    }
  }

  // ---------- search by ID number (in a POST body, never in a URL) or by the start of the name
  $('search').addEventListener('submit', async (e) => {
    e.preventDefault();
    const q = value('q');
    const body = $('results').querySelector('tbody');
    body.replaceChildren();
    try {
      let items;
      if (/^[0-9]{17}[0-9Xx]$/.test(q)) {
        if (!LC.parseIdNumber(q).ok) { say(msg('idNumber'), 'error', 'search-status'); return; }
        items = [await api('/api/v1/persons/lookup', { method: 'POST', body: { idNumber: q.toUpperCase() } })];
        lastIdNumber = q.toUpperCase();
      } else {
        items = (await api('/api/v1/persons?size=20&name=' + encodeURIComponent(q))).items;
        lastIdNumber = null;
      }
      $('results').hidden = items.length === 0;
      say(items.length ? t('找到 ', 'search.found') + items.length + t(' 人', 'search.people') : t('没有找到此人', 'search.none'), items.length ? 'ok' : 'error', 'search-status');
      for (const p of items) {
        const actions = document.createElement('span');
        actions.append(
          LC.button(t('修改', 'act.edit'), () => fill(p, lastIdNumber)), ' ',
          LC.button(t('停发', 'act.deactivate'), () => openDeactivation(p)), ' ');
        const a = document.createElement('a');
        a.href = LC.pageUrl('counter') + '?person=' + encodeURIComponent(p.id); a.className = 'button secondary';
        a.textContent = t('认证状态', 'act.state');
        actions.append(a);
        if (p.status !== 'ACTIVE') actions.querySelectorAll('button').forEach((b) => { b.disabled = true; });
        body.appendChild(LC.row([p.surname + p.givenName, p.idNumberMasked, p.birthDate, p.pensionPlace, statusLabel(p.status) + (p.deactivationReason ? '（' + p.deactivationReason + '）' : ''), actions]));
      }
    } catch (err) {
      $('results').hidden = true;
      say(err.status === 404 ? t('没有找到此人', 'search.none') : err.message, 'error', 'search-status');
    }
  });
  function statusLabel(s) {
    return ({ ACTIVE: t('正常', 'st.active'), DECEASED: t('已停发（死亡）', 'st.deceased'), TRANSFERRED_OUT: t('已停发（转出）', 'st.out') })[s] || s;
  }

  // ---------- deactivation with a reason
  let deactivating = null;
  function openDeactivation(p) {
    deactivating = p;
    $('deactivate').hidden = false;
    $('deact-who').textContent = p.surname + p.givenName + ' · ' + p.idNumberMasked;
    say('', 'info', 'deact-status-msg');
    $('deact-status').focus();
  }
  $('deact-cancel').addEventListener('click', () => { $('deactivate').hidden = true; deactivating = null; });
  $('deactivate').addEventListener('submit', async (e) => {
    e.preventDefault();
    const reason = $('deact-reason').value.trim();
    if (!reason) { LC.markField($('deact-reason'), t('请填写停发说明', 'deact.need')); $('deact-reason').focus(); return; }
    LC.markField($('deact-reason'), '');
    try {
      const v = await api('/api/v1/persons/' + deactivating.id + '/deactivation', { method: 'POST', body: { status: $('deact-status').value, reason } });
      say(t('已停发：', 'deact.done') + v.surname + v.givenName + '（' + statusLabel(v.status) + '）', 'ok', 'deact-status-msg');
    } catch (err) {
      say(err.message, 'error', 'deact-status-msg');
    }
  });

  // ---------- 国籍 and 使领馆: the server's lists (the only values it accepts), consulates grouped by country
  async function loadLists() {
    try {
      const [countries, missions] = await Promise.all([api('/api/v1/reference/nationalities'), api('/api/v1/reference/consulates')]);
      const byName = (a, b) => a.name.localeCompare(b.name, 'zh-CN');
      const nationality = $('nationality');
      const chosenNationality = nationality.value;
      [...countries].sort(byName).forEach((c) => { if (c.name !== chosenNationality) nationality.add(new Option(c.name, c.name)); });
      const countryName = new Map(countries.map((c) => [c.code, c.name]));
      const groups = new Map();
      for (const m of missions) {
        if (!groups.has(m.country)) groups.set(m.country, []);
        groups.get(m.country).push(m);
      }
      const consulate = $('consulate');
      const chosenConsulate = consulate.value;
      [...groups.keys()].map((code) => ({ code, name: countryName.get(code) || code })).sort(byName).forEach((c) => {
        const group = document.createElement('optgroup');
        group.label = c.name;
        groups.get(c.code).forEach((m) => { if (m.name !== chosenConsulate) group.appendChild(new Option(m.name, m.name)); });
        consulate.appendChild(group);
      });
    } catch (err) {
      say(t('国籍和使领馆列表加载失败，请刷新页面', 'lists.failed') + '（' + err.message + '）', 'error');
    }
  }
  loadLists();

  document.addEventListener('DOMContentLoaded', () => $('q').focus());
})();
