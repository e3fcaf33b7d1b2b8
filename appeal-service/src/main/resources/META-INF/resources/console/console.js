// Reviewer console: uses the appeal API of this service. Signed in through the OIDC provider
// (code flow, session cookie; quarkus-oidc application-type=hybrid), so no token is handled here.
'use strict';

const api = (path, options = {}) => fetch(path, {
  credentials: 'same-origin',
  ...options,
  headers: { 'Accept': 'application/json', 'X-Requested-With': 'JavaScript', ...(options.headers || {}) },
}).then(async (response) => {
  if (response.status === 499 || response.status === 401) {
    window.location.reload(); // session expired: the page itself redirects to the sign-in
    throw new Error('登录已过期，请重新登录');
  }
  const body = response.headers.get('content-type')?.includes('json') ? await response.json() : null;
  if (!response.ok) {
    throw new Error((body && body.message) || ('请求失败（' + response.status + '）'));
  }
  return body;
});

const $ = (id) => document.getElementById(id);
const text = (value) => (value === null || value === undefined ? '—' : String(value));
const time = (iso) => (iso ? new Date(iso).toLocaleString('zh-CN', { hour12: false }) : '—');
const cell = (row, value) => { const td = document.createElement('td'); td.textContent = value; row.appendChild(td); return td; };
let current = null;

function say(message, error = false) {
  $('message').textContent = message;
  $('message').className = error ? 'error' : '';
}

async function loadQueue() {
  try {
    const items = await api('/api/v1/appeals');
    const body = $('queue').querySelector('tbody');
    body.replaceChildren();
    $('queue-empty').hidden = items.length > 0;
    for (const item of items) {
      const row = document.createElement('tr');
      if (item.overdue) row.className = 'overdue';
      cell(row, text(item.surname));
      cell(row, text(item.idNumberMasked));
      cell(row, text(item.period));
      cell(row, time(item.openedAt));
      const due = cell(row, text(item.dueDate));
      if (item.overdue) {
        const flag = document.createElement('span');
        flag.className = 'overdue-flag';
        flag.textContent = '（已逾期）';
        due.appendChild(flag);
      }
      const open = document.createElement('button');
      open.type = 'button';
      open.textContent = '审核';
      open.setAttribute('aria-label', '审核 ' + text(item.surname) + ' ' + text(item.idNumberMasked));
      open.addEventListener('click', () => openAppeal(item.appealId));
      cell(row, '').appendChild(open);
      body.appendChild(row);
    }
    say('共 ' + items.length + ' 件待审核申诉');
  } catch (e) {
    say(e.message, true);
  }
}

async function openAppeal(appealId) {
  try {
    const d = await api('/api/v1/appeals/' + encodeURIComponent(appealId));
    current = d;
    const person = $('person');
    person.replaceChildren();
    for (const [label, value] of [['姓氏', d.surname], ['身份证号', d.idNumberMasked], ['认证期', d.period],
      ['申诉提起', time(d.openedAt)], ['截止日期', d.dueDate + (d.overdue ? '（已逾期）' : '')], ['当前状态', d.message || d.state]]) {
      const dt = document.createElement('dt'); dt.textContent = label;
      const dd = document.createElement('dd'); dd.textContent = text(value);
      person.append(dt, dd);
    }
    showReference($('reference-photos'), d);
    const body = $('attempts').querySelector('tbody');
    body.replaceChildren();
    for (const a of d.attempts) {
      const row = document.createElement('tr');
      cell(row, time(a.startedAt));
      cell(row, a.passed ? '通过' : (a.role === 'REFUSED_DURING_APPEAL' ? '申诉期间（未计入）' : '未通过'));
      cell(row, a.matchScore === null ? '—' : a.matchScore.toFixed(3) + ' / ' + a.matchThreshold.toFixed(3));
      cell(row, a.livenessDecision === null ? '—' : (a.livenessDecision === 'PASS' ? '通过' : '未通过')
        + '，防伪 ' + (a.antiSpoofScore ?? 0).toFixed(2) + '，一致性 ' + (a.identityContinuity ?? 0).toFixed(2));
      cell(row, (a.reasons || []).concat(a.failedSteps || []).join('、') || '—');
      const frames = cell(row, '正在加载照片…');
      frames.className = 'frames';
      frames.setAttribute('aria-busy', 'true');
      body.appendChild(row);
      showFrames(frames, a, time(a.startedAt));
    }
    $('reason').value = '';
    $('detail').hidden = false;
    $('detail-title').focus();
    say('已打开申诉，请查看证据后填写审核意见');
  } catch (e) {
    say(e.message, true);
  }
}

const ACTIONS = { BLINK: '眨眼', OPEN_MOUTH: '张嘴', TURN_LEFT: '向左转头', TURN_RIGHT: '向右转头', NOD: '点头' };

// The best frames of one attempt, through this service's proxy to capture-gateway (a browser tab has
// no bearer token for the gateway itself), shown inline as data: URL images beside the scores.
async function showFrames(target, attempt, started) {
  try {
    const evidence = await api('/console/api/evidence/' + encodeURIComponent(attempt.sessionId));
    const frames = (evidence && evidence.frames) || [];
    target.replaceChildren();
    if (frames.length === 0) {
      target.textContent = '采集服务未保存本次认证的照片';
    }
    for (const f of frames) {
      const figure = document.createElement('figure');
      const img = document.createElement('img');
      const step = '第' + (f.stepIndex + 1) + '步 ' + (ACTIONS[f.action] || text(f.action));
      img.src = 'data:image/jpeg;base64,' + f.jpegBase64;
      img.alt = started + ' 认证的证据照片：' + step + '，拍摄于 ' + time(f.capturedAt);
      img.loading = 'lazy';
      const caption = document.createElement('figcaption');
      caption.textContent = step + ' ' + time(f.capturedAt);
      figure.append(img, caption);
      target.appendChild(figure);
    }
  } catch (e) {
    target.textContent = e.message;
    target.classList.add('error');
  } finally {
    target.removeAttribute('aria-busy');
  }
}

// The person's current reference photos, which enrollment-service owns, through this service's proxy
// (the images themselves; X-Photo-Count says how many), shown once above the attempts' frames. How many
// were shown goes into the decision's audit.
async function showReference(target, appeal) {
  appeal.referencePhotosShown = 0;
  target.classList.remove('error');
  target.textContent = '正在加载参考照片…';
  target.setAttribute('aria-busy', 'true');
  try {
    const base = '/console/api/reference-photos/' + encodeURIComponent(appeal.personId) + '?index=';
    const photos = [await referencePhoto(base + 0)];
    for (let i = 1; i < photos[0].count; i++) photos.push(await referencePhoto(base + i));
    target.replaceChildren();
    photos.forEach((p, i) => {
      const figure = document.createElement('figure');
      const img = document.createElement('img');
      img.src = URL.createObjectURL(p.blob);
      img.alt = text(appeal.surname) + ' 的参考照片（第' + (i + 1) + '张，共' + photos.length + '张）';
      const caption = document.createElement('figcaption');
      caption.textContent = '参考照片 ' + (i + 1) + '/' + photos.length;
      figure.append(img, caption);
      target.appendChild(figure);
    });
    appeal.referencePhotosShown = photos.length;
  } catch (e) {
    target.textContent = e.message;
    target.classList.add('error');
  } finally {
    target.removeAttribute('aria-busy');
  }
}

async function referencePhoto(path) {
  const response = await fetch(path, {
    credentials: 'same-origin',
    headers: { 'Accept': 'image/jpeg, image/png, application/json', 'X-Requested-With': 'JavaScript' },
  });
  if (response.status === 499 || response.status === 401) {
    window.location.reload();
    throw new Error('登录已过期，请重新登录');
  }
  if (!response.ok) {
    const body = response.headers.get('content-type')?.includes('json') ? await response.json() : null;
    throw new Error((body && body.message) || ('参考照片加载失败（' + response.status + '）'));
  }
  return { blob: await response.blob(), count: Number(response.headers.get('X-Photo-Count') || '1') };
}

async function decide(approved) {
  const reason = $('reason').value.trim();
  if (!reason) {
    say('请填写审核意见', true);
    $('reason').focus();
    return;
  }
  try {
    const d = await api('/api/v1/appeals/' + encodeURIComponent(current.appealId) + '/decision', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ approved, reason, viewedEvidence: current.attempts.map((a) => a.sessionId),
        referencePhotosShown: current.referencePhotosShown || 0 }),
    });
    $('detail').hidden = true;
    say(approved ? '已通过：' + text(d.surname) + ' 本期认证成功' : '已驳回：' + text(d.surname) + ' 需到当地社保大厅办理');
    await loadQueue();
    $('refresh').focus();
  } catch (e) {
    say(e.message, true);
  }
}

$('decision').addEventListener('submit', (event) => {
  event.preventDefault();
  decide(event.submitter ? event.submitter.value === 'true' : true);
});
$('refresh').addEventListener('click', loadQueue);
loadQueue();
