// Roster import: POST /api/v1/roster-imports (the CSV is the body), poll the progress, then the
// refused rows (GET .../errors, paged), shown and downloadable as CSV.
'use strict';
(function () {
  const { $, api, say, t } = LC;
  const LABELS = { surname: '中文姓', givenName: '中文名', idNumber: '中国身份证号', sex: '性别', birthDate: '出生日期',
    benefitType: '待遇类型', pensionPlace: '养老金发放地', phone: '手机号码', email: '电子邮箱', nationality: '国籍',
    passportNumber: '护照号码', consulate: '使领馆' };
  let errors = [];
  let importId = null;

  $('template').addEventListener('click', () => LC.downloadCsv('花名册模板.csv',
    [['中文姓', '中文名', '中国身份证号', '性别', '出生日期', '待遇类型', '养老金发放地', '手机号码', '电子邮箱', '国籍', '护照号码', '使领馆']]));

  $('upload').addEventListener('submit', async (e) => {
    e.preventDefault();
    const file = $('file').files[0];
    if (!file) { say(t('请选择花名册文件', 'roster.need'), 'error'); $('file').focus(); return; }
    $('start').disabled = true;
    $('errors-card').hidden = true;
    errors = [];
    try {
      say(t('正在上传…', 'roster.uploading'), 'info');
      const started = await api('/api/v1/roster-imports?charset=' + encodeURIComponent($('charset').value) + '&fileName=' + encodeURIComponent(file.name),
        { method: 'POST', body: file, headers: { 'Content-Type': 'text/csv' } });
      importId = started.importId;
      $('progress-card').hidden = false;
      show(started);
      await poll();
    } catch (err) {
      say(err.message, 'error');
    } finally {
      $('start').disabled = false;
    }
  });

  function show(p) {
    $('n-read').textContent = p.rowsRead; $('n-created').textContent = p.created; $('n-updated').textContent = p.updated;
    $('n-unchanged').textContent = p.unchanged; $('n-failed').textContent = p.failed;
    $('n-status').textContent = ({ RUNNING: t('导入中', 'roster.running'), COMPLETED: t('已完成', 'roster.completed'), FAILED: t('失败', 'roster.failedState') })[p.status] || p.status;
    const bar = $('progress');
    if (p.status === 'RUNNING') bar.removeAttribute('value'); else { bar.max = 1; bar.value = 1; }
  }

  async function poll() {
    for (;;) {
      const p = await api('/api/v1/roster-imports/' + importId);
      show(p);
      if (p.status !== 'RUNNING') {
        if (p.status === 'FAILED') { say(t('导入失败：', 'roster.failedMsg') + LC.text(p.failure), 'error'); }
        else say(t('导入完成：新增 ', 'roster.done1') + p.created + t('，更新 ', 'roster.done2') + p.updated + t('，错误 ', 'roster.done3') + p.failed + t(' 行', 'roster.done4'), p.failed ? 'error' : 'ok');
        if (p.failed > 0) await loadErrors();
        return;
      }
      await new Promise((r) => setTimeout(r, 500));
    }
  }

  async function loadErrors() {
    errors = [];
    for (let page = 0; ; page++) {
      const batch = await api('/api/v1/roster-imports/' + importId + '/errors?size=1000&page=' + page);
      errors.push(...batch);
      if (batch.length < 1000) break;
    }
    const body = $('errors').querySelector('tbody');
    body.replaceChildren(...errors.slice(0, 2000).map((r) => LC.row([{ text: r.row, num: true }, LABELS[r.field] || r.field, r.message])));
    $('errors-card').hidden = false;
    $('download').focus();
  }

  $('download').addEventListener('click', () => LC.downloadCsv('花名册错误报告-' + importId + '.csv',
    [['行号', '项目', '错误提示'], ...errors.map((r) => [r.row, LABELS[r.field] || r.field, r.message])]));
})();
