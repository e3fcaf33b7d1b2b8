// Bureau settings (admin; others view only — the server refuses their changes too). Every call is for
// the caller's own bureau, taken from the token on the server:
//   period policy         /console/api/period-policy (GET, PUT)
//   reminder offsets      /console/api/notification/reminder-offsets  → notification-service
//   match threshold       /console/api/match-threshold               → face-match-service
//   holiday calendar      /console/api/calendar (GET, POST {year}/import as CSV, DELETE days/{day}, GET appeal-due)
//   quiet hours, webhook  /console/api/notification/{quiet-hours,webhook,webhook/rotate-secret}
'use strict';
(function () {
  const { $, api, say, t } = LC;
  const facts = (target, rows) => $(target).replaceChildren(...rows.flatMap(([k, v]) => {
    const dt = document.createElement('dt'); dt.textContent = k; const dd = document.createElement('dd'); dd.textContent = LC.text(v); return [dt, dd];
  }));
  const clearMarks = (form) => form.querySelectorAll('[aria-invalid]').forEach((i) => LC.markField(i, ''));

  // ---- period policy
  function showKind() {
    const rolling = $('p-kind-rolling').checked;
    $('p-fixed-fields').hidden = rolling; $('p-rolling-fields').hidden = !rolling;
  }
  function showPolicy(p) {
    const rows = p.kind === 'FIXED_YEARLY'
      ? [[t('方式', 'set.kind'), t('每年固定认证期', 'set.fixed')], [t('认证期', 'col.period'), p.windowStart + ' ~ ' + p.windowEnd],
         [t('本期', 'dash.current'), p.currentPeriod + '（' + p.currentStart + ' ~ ' + p.currentEnd + '）']]
      : [[t('方式', 'set.kind'), t('滚动认证期', 'set.rolling')], [t('上次认证后多少个月到期', 'set.months'), p.rollingMonths],
         [t('到期前多少天开放', 'set.openDays'), p.rollingOpenDays]];
    rows.push([t('来源', 'set.source'), p.source === 'console' ? t('本机构管理员设置', 'set.srcConsole') + '（' + p.updatedBy + '，' + LC.time(p.updatedAt) + '）'
      : t('部署配置（尚未在控制台修改）', 'set.srcConfig')]);
    facts('policy', rows);
    $('p-kind-fixed').checked = p.kind === 'FIXED_YEARLY'; $('p-kind-rolling').checked = p.kind === 'ROLLING';
    $('p-window-start').value = p.windowStart || '01-01'; $('p-window-end').value = p.windowEnd || '12-31';
    $('p-rolling-months').value = p.rollingMonths || 12; $('p-rolling-open-days').value = p.rollingOpenDays || 60;
    showKind();
  }
  async function loadPolicy() {
    try { showPolicy(await api('/console/api/period-policy')); } catch (err) { say(err.message, 'error', 'policy-status'); }
  }
  $('p-kind-fixed').addEventListener('change', showKind);
  $('p-kind-rolling').addEventListener('change', showKind);
  $('policy-form').addEventListener('submit', async (e) => {
    e.preventDefault();
    clearMarks($('policy-form'));
    const rolling = $('p-kind-rolling').checked;
    const body = rolling
      ? { kind: 'ROLLING', rollingMonths: Number($('p-rolling-months').value) || null, rollingOpenDays: Number($('p-rolling-open-days').value) || null }
      : { kind: $('p-kind-fixed').checked ? 'FIXED_YEARLY' : null, windowStart: $('p-window-start').value.trim(), windowEnd: $('p-window-end').value.trim() };
    try {
      showPolicy(await api('/console/api/period-policy', { method: 'PUT', body }));
      say(t('已保存认证期规则', 'set.pSaved'), 'ok', 'policy-status');
    } catch (err) {
      const shown = LC.fieldErrors(err.problem, $('policy-form'));
      const first = shown.length ? $('policy-form').querySelector('[name="' + shown[0] + '"]') : null;
      if (first) first.focus();
      say(err.message, 'error', 'policy-status');
    }
  });

  // ---- reminder offsets (notification-service)
  function showReminders(r) {
    $('r-days').value = (r.days || []).join(',');
    facts('r-facts', [[t('来源', 'set.source'), r.source === 'bureau' ? t('本机构管理员设置', 'set.srcConsole') : t('系统默认', 'set.srcDefault')]]);
  }
  async function loadReminders() {
    try { showReminders(await api('/console/api/notification/reminder-offsets')); } catch (err) { say(err.message, 'error', 'reminders-status'); }
  }
  $('reminders').addEventListener('submit', async (e) => {
    e.preventDefault();
    LC.markField($('r-days'), '');
    const parts = $('r-days').value.split(/[,，、\s]+/).filter((x) => x !== '');
    const days = parts.map((x) => (/^\d+$/.test(x) ? Number(x) : NaN));
    if (!days.length || days.some((d) => Number.isNaN(d))) {
      LC.markField($('r-days'), t('请输入用逗号分隔的天数，如 30,7,1', 'set.rBad')); $('r-days').focus(); return;
    }
    try {
      showReminders(await api('/console/api/notification/reminder-offsets', { method: 'PUT', body: { days } }));
      say(t('已保存提醒时间', 'set.rSaved'), 'ok', 'reminders-status');
    } catch (err) { LC.fieldErrors(err.problem, $('reminders')); $('r-days').focus(); say(err.message, 'error', 'reminders-status'); }
  });

  // ---- match threshold (face-match-service): the false-accept rate the chosen value implies
  let calibration = [];
  const pct = (far) => (far === null || far === undefined ? '—' : (100 * far).toPrecision(2) + '%');
  /** FAR at threshold x from the calibration table (log-linear between its points). */
  function farAt(x) {
    const pts = calibration.filter((p) => p.falseAcceptRate > 0).sort((a, b) => a.threshold - b.threshold);
    if (!pts.length || Number.isNaN(x)) return null;
    if (x <= pts[0].threshold) return pts[0].falseAcceptRate;
    if (x >= pts[pts.length - 1].threshold) return pts[pts.length - 1].falseAcceptRate;
    for (let i = 1; i < pts.length; i++) {
      const a = pts[i - 1], b = pts[i];
      if (x <= b.threshold) {
        const f = (x - a.threshold) / (b.threshold - a.threshold);
        return Math.pow(10, Math.log10(a.falseAcceptRate) + f * (Math.log10(b.falseAcceptRate) - Math.log10(a.falseAcceptRate)));
      }
    }
    return null;
  }
  function showThreshold(m) {
    calibration = m.calibration || [];
    $('t-value').value = m.threshold; $('t-value').min = m.min; $('t-value').max = m.max;
    $('t-far').textContent = pct(m.falseAcceptRate);
    $('t-bounds').textContent = t('可设范围：', 'set.tRange') + m.min + ' ~ ' + m.max + t('。阈值越高，他人越难冒认，但本人也更容易被拒。', 'set.tTrade');
    $('t-calibration').querySelector('tbody').replaceChildren(...calibration.map((c) => LC.row([{ text: c.threshold, num: true }, { text: pct(c.falseAcceptRate), num: true }])));
  }
  async function loadThreshold() {
    try { showThreshold(await api('/console/api/match-threshold')); } catch (err) { say(err.message, 'error', 'threshold-status'); }
  }
  $('t-value').addEventListener('input', () => { $('t-far').textContent = t('约 ', 'set.tAbout') + pct(farAt(Number($('t-value').value))); });
  $('threshold').addEventListener('submit', async (e) => {
    e.preventDefault();
    LC.markField($('t-value'), '');
    try {
      showThreshold(await api('/console/api/match-threshold', { method: 'PUT', body: { threshold: Number($('t-value').value) } }));
      say(t('已保存比对阈值', 'set.tSaved'), 'ok', 'threshold-status');
    } catch (err) { LC.fieldErrors(err.problem, $('threshold')); $('t-value').focus(); say(err.message, 'error', 'threshold-status'); }
  });

  // ---- holiday calendar
  const kindLabel = (k) => (k === 'HOLIDAY' ? t('放假', 'set.hHoliday') : t('调休上班', 'set.hWorkday'));
  async function loadCalendar() {
    const year = Number($('h-year').value) || new Date().getFullYear();
    try {
      const c = await api('/console/api/calendar?year=' + year);
      showBureauDays(c.bureauDays);
      $('h-national').querySelector('tbody').replaceChildren(...c.national.map((d) => LC.row([d.day, d.name, kindLabel(d.kind)])));
      $('h-national-summary').textContent = t('全国节假日（国务院办公厅通知）', 'set.hNational') + ' · ' + c.national.length;
      const due = await api('/console/api/calendar/appeal-due');
      $('h-due').textContent = t('按本机构日历，今天开启的申诉截止日为 ', 'set.hDue') + due.dueDate + t('（', 'paren') + due.workingDays + t('个工作日）', 'set.hDueDays');
    } catch (err) { say(err.message, 'error', 'h-status'); }
  }
  function showBureauDays(days) {
    const admin = isAdmin;
    $('h-bureau-days').querySelector('tbody').replaceChildren(...days.map((d) => {
      const del = document.createElement('button');
      del.type = 'button'; del.id = 'h-del-' + d.day; del.className = 'secondary'; del.disabled = !admin;
      del.textContent = t('删除', 'set.hDelete'); del.setAttribute('aria-label', t('删除', 'set.hDelete') + ' ' + d.day + ' ' + d.name);
      del.addEventListener('click', () => removeDay(d.day));
      return LC.row([d.day, d.name, kindLabel(d.kind), d.importedBy, del]);
    }));
  }
  async function removeDay(day) {
    if (!confirm(t('确定删除 ', 'set.hConfirm') + day + ' ?')) return;
    try { await api('/console/api/calendar/days/' + day, { method: 'DELETE' }); say(t('已删除 ', 'set.hDeleted') + day, 'ok', 'h-status'); await loadCalendar(); $('h-year').focus(); }
    catch (err) { say(err.message, 'error', 'h-status'); }
  }
  $('h-show').addEventListener('click', loadCalendar);
  $('h-form').addEventListener('submit', async (e) => {
    e.preventDefault();
    $('h-errors').replaceChildren();
    const file = $('h-file').files[0];
    const year = Number($('h-year').value);
    if (!file) { say(t('请选择CSV文件', 'set.hNoFile'), 'error', 'h-status'); $('h-file').focus(); return; }
    try {
      const text = await file.text();
      const r = await api('/console/api/calendar/' + year + '/import', { method: 'POST', body: text, headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
      say(t('已导入 ', 'set.hImported') + r.imported + t(' 个日期（', 'set.hImported2') + r.year + '）', 'ok', 'h-status');
      await loadCalendar();
    } catch (err) {
      say(err.message, 'error', 'h-status');
      $('h-errors').replaceChildren(...((err.problem && err.problem.errors) || []).map((x) => { const li = document.createElement('li'); li.textContent = x.message; return li; }));
    }
  });

  // ---- quiet hours
  async function loadQuiet() {
    try {
      const q = await api('/console/api/notification/quiet-hours');
      $('q-start').value = q.start; $('q-end').value = q.end; $('q-zone').value = q.zone;
    } catch (err) { say(err.message, 'error', 'quiet-status'); }
  }
  $('quiet').addEventListener('submit', async (e) => {
    e.preventDefault();
    try {
      const q = await api('/console/api/notification/quiet-hours', { method: 'PUT', body: { start: $('q-start').value, end: $('q-end').value, zone: $('q-zone').value.trim() } });
      say(t('已保存：', 'set.saved') + q.start + ' ~ ' + q.end + '（' + q.zone + '）', 'ok', 'quiet-status');
    } catch (err) { say(err.message, 'error', 'quiet-status'); }
  });

  // ---- webhook
  function showWebhook(w) {
    $('w-url').value = w.url || ''; $('w-enabled').checked = !!w.enabled;
    const rows = [[t('最近修改', 'set.updated'), LC.time(w.updatedAt)]];
    if (w.previousSecretValidUntil) rows.push([t('旧密钥有效至', 'set.prevUntil'), LC.time(w.previousSecretValidUntil)]);
    facts('w-facts', rows);
    if (w.secret) { $('secret').textContent = w.secret; $('secret-box').hidden = false; $('copy').focus(); }
  }
  async function loadWebhook() {
    try { showWebhook(await api('/console/api/notification/webhook')); }
    catch (err) { say(err.status === 404 ? t('尚未设置回调地址', 'set.noWebhook') : err.message, err.status === 404 ? 'info' : 'error', 'webhook-status'); }
  }
  $('webhook').addEventListener('submit', async (e) => {
    e.preventDefault();
    LC.markField($('w-url'), '');
    try {
      const w = await api('/console/api/notification/webhook', { method: 'PUT', body: { url: $('w-url').value.trim(), enabled: $('w-enabled').checked } });
      showWebhook(w);
      say(t('已保存回调地址', 'set.wSaved'), 'ok', 'webhook-status');
    } catch (err) { LC.fieldErrors(err.problem, $('webhook')); say(err.message, 'error', 'webhook-status'); }
  });
  $('rotate').addEventListener('click', async () => {
    if (!confirm(t('更换后旧密钥在过渡期内仍然有效。确定更换签名密钥吗？', 'set.confirm'))) return;
    try { showWebhook(await api('/console/api/notification/webhook/rotate-secret', { method: 'POST' })); say(t('已更换签名密钥', 'set.rotated'), 'ok', 'webhook-status'); }
    catch (err) { say(err.message, 'error', 'webhook-status'); }
  });
  $('copy').addEventListener('click', () => navigator.clipboard && navigator.clipboard.writeText($('secret').textContent));

  // Admin-only sections are loaded for admins only (the proxies answer 403 to others anyway).
  let isAdmin = false;
  document.addEventListener('lc:me', (e) => {
    isAdmin = (e.detail.roles || []).includes('admin');
    if (!isAdmin) {
      say(t('您不是机构管理员，只能查看，不能修改（服务端同样会拒绝）', 'set.notAdmin'), 'info');
      document.querySelectorAll('#policy-form button, #reminders button, #threshold button, #h-form button[type=submit], #quiet button, #webhook button')
        .forEach((b) => { b.disabled = true; });
      return;
    }
    loadReminders(); loadThreshold(); loadQuiet(); loadWebhook(); loadCalendar();
  });
  document.addEventListener('DOMContentLoaded', () => {
    $('h-year').value = new Date().getFullYear();
    loadPolicy(); loadCalendar();
  });
})();
