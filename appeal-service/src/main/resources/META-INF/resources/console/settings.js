// Bureau settings: period policy (read-only), quiet hours and webhook endpoint/secret (through
// /console/api/notification/*, which puts the caller's own bureau into notification-service's path).
'use strict';
(function () {
  const { $, api, say, t } = LC;

  async function loadPolicy() {
    try {
      const p = await api('/console/api/period-policy');
      const rows = p.kind === 'FIXED_YEARLY'
        ? [[t('方式', 'set.kind'), t('每年固定认证期', 'set.fixed')], [t('认证期', 'col.period'), p.windowStart + ' ~ ' + p.windowEnd],
           [t('本期', 'dash.current'), p.currentPeriod + '（' + p.currentStart + ' ~ ' + p.currentEnd + '）']]
        : [[t('方式', 'set.kind'), t('滚动认证期', 'set.rolling')], [t('上次认证后多少个月到期', 'set.months'), p.rollingMonths],
           [t('到期前多少天开放', 'set.openDays'), p.rollingOpenDays]];
      $('policy').replaceChildren(...rows.flatMap(([k, v]) => { const dt = document.createElement('dt'); dt.textContent = k; const dd = document.createElement('dd'); dd.textContent = LC.text(v); return [dt, dd]; }));
    } catch (err) { say(err.message, 'error'); }
  }

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

  function showWebhook(w) {
    $('w-url').value = w.url || ''; $('w-enabled').checked = !!w.enabled;
    const facts = [[t('最近修改', 'set.updated'), LC.time(w.updatedAt)]];
    if (w.previousSecretValidUntil) facts.push([t('旧密钥有效至', 'set.prevUntil'), LC.time(w.previousSecretValidUntil)]);
    $('w-facts').replaceChildren(...facts.flatMap(([k, v]) => { const dt = document.createElement('dt'); dt.textContent = k; const dd = document.createElement('dd'); dd.textContent = v; return [dt, dd]; }));
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

  document.addEventListener('lc:me', (e) => {
    if (!(e.detail.roles || []).includes('admin')) {
      say(t('您不是机构管理员，只能查看，不能修改（服务端同样会拒绝）', 'set.notAdmin'), 'info');
      document.querySelectorAll('#quiet button, #webhook button').forEach((b) => { b.disabled = true; });
    }
  });
  document.addEventListener('DOMContentLoaded', () => { loadPolicy(); loadQuiet(); loadWebhook(); });
})();
