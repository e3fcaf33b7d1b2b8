// Counter certification: find the person (ID number / name via enrollment-service, or by state in
// this service), see state, attempts and history, certify at the counter (role clerk, own bureau).
'use strict';
(function () {
  const { $, api, say, t } = LC;
  const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
  let current = null;

  function fillStates() {
    const sel = $('state'), keep = sel.value || 'APPEAL_REJECTED';
    sel.replaceChildren(...Object.keys(LC.STATES).map((s) => new Option(LC.stateLabel(s), s)));
    sel.value = keep;
  }
  document.addEventListener('lc:lang', () => { fillStates(); if (current) show(current); });

  $('find').addEventListener('submit', async (e) => {
    e.preventDefault();
    const q = $('q').value.trim();
    try {
      if (UUID.test(q)) return load(q);
      if (/^[0-9]{17}[0-9Xx]$/.test(q)) {
        if (!LC.parseIdNumber(q).ok) { say(t('请输入正确的身份证号', 'm.idNumber'), 'error', 'find-status'); return; }
        const p = await api('/console/api/enrollment/lookup', { method: 'POST', body: { idNumber: q.toUpperCase() } });
        return load(p.id);
      }
      const page = await api('/console/api/enrollment/persons?name=' + encodeURIComponent(q));
      listPeople(page.items.map((p) => ({ personId: p.id, surname: p.surname + p.givenName, idNumberMasked: p.idNumberMasked, period: null, state: null })));
    } catch (err) {
      say(err.status === 404 ? t('没有找到此人', 'search.none') : err.message, 'error', 'find-status');
    }
  });

  $('list').addEventListener('submit', async (e) => {
    e.preventDefault();
    try {
      const page = await api('/api/v1/persons?size=50&state=' + encodeURIComponent($('state').value));
      listPeople(page.items, page.total);
    } catch (err) { say(err.message, 'error', 'find-status'); }
  });

  function listPeople(items, total) {
    const body = $('people').querySelector('tbody');
    body.replaceChildren(...items.map((p) => LC.row([p.surname, p.idNumberMasked, p.period, p.state ? LC.stateLabel(p.state) : '—',
      LC.button(t('查看', 'act.open'), () => load(p.personId))])));
    $('people').hidden = items.length === 0;
    say(items.length ? t('共 ', 'count.1') + (total ?? items.length) + t(' 人', 'search.people') : t('没有找到此人', 'search.none'), items.length ? 'ok' : 'error', 'find-status');
  }

  async function load(personId) {
    try {
      current = await api('/api/v1/persons/' + encodeURIComponent(personId) + '/certification');
      show(current);
      say('', 'info');
      $('person').hidden = false;
      $('person-title').focus();
    } catch (err) {
      say(err.status === 404 ? t('没有此人的认证记录（或不属于本机构）', 'counter.none') : err.message, 'error', 'find-status');
    }
  }

  function show(c) {
    const s = c.status;
    const facts = [
      [t('人员编号', 'f.personId'), s.personId], [t('认证期', 'col.period'), s.period],
      [t('状态', 'col.state'), LC.stateLabel(s.state)], [t('提示', 'f.message'), s.message],
      [t('失败次数', 'f.failed'), s.failedAttempts],
      [t('认证方式', 'col.channel'), c.channel ? LC.channelLabel(c.channel) : null],
      [t('认证时间', 'col.certifiedAt'), c.certifiedAt ? LC.time(c.certifiedAt) : null],
      [t('办理人', 'f.by'), c.certifiedBy], [t('下次认证期', 'f.next'), s.nextPeriodStart],
      [t('申诉', 'f.appeal'), s.appeal ? s.appeal.status + ' · ' + t('截止 ', 'f.due') + s.appeal.dueDate : null],
      [t('待遇停发自', 'f.suspended'), c.suspendedSince],
    ];
    $('facts').replaceChildren(...facts.flatMap(([k, v]) => { const dt = document.createElement('dt'); dt.textContent = k; const dd = document.createElement('dd'); dd.textContent = LC.text(v); return [dt, dd]; }));
    $('attempts').querySelector('tbody').replaceChildren(...(c.attempts || []).map((a) => LC.row([LC.time(a.startedAt), LC.channelLabel(a.channel),
      a.passed ? t('通过', 'r.pass') : t('未通过', 'r.fail'), (a.reasons || []).map(LC.reasonLabel).join('；')])));
    $('history').querySelector('tbody').replaceChildren(...(c.history || []).map((h) => LC.row([h.periodId || h.period || h.id, LC.stateLabel(h.state),
      h.channel ? LC.channelLabel(h.channel) : '—', h.certifiedAt ? LC.time(h.certifiedAt) : '—'])));
    const blocked = ['CERTIFIED', 'NOT_COLLECTED', 'COLLECTION_UNDER_REVIEW'].includes(s.state);
    $('certify-go').disabled = blocked;
    if (blocked) say(s.message || LC.stateLabel(s.state), 'info');
  }

  $('certify').addEventListener('submit', async (e) => {
    e.preventDefault();
    if (!current) return;
    $('certify-go').disabled = true;
    try {
      const s = await api('/api/v1/persons/' + current.status.personId + '/counter-certification',
        { method: 'POST', body: { channel: $('channel').value, note: $('note').value.trim() || null } });
      await load(s.personId);
      say(t('认证成功。', 'counter.ok') + LC.text(s.message), 'ok');
    } catch (err) {
      say(err.status === 403 ? t('只有经办人员（clerk）可以办理窗口认证', 'counter.403') : err.message, 'error');
      $('certify-go').disabled = false;
    }
  });

  document.addEventListener('DOMContentLoaded', () => {
    fillStates();
    const person = new URLSearchParams(location.search).get('person');
    if (person && UUID.test(person)) load(person); else $('q').focus();
  });
})();
