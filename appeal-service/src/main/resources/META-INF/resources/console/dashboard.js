// Dashboard: /console/api/dashboard (states, channels, appeals, failure reasons, attempts per day of
// the caller's bureau) and /api/v1/certification-rates (closed periods). Each section has an inline
// SVG chart (console-ui/charts.js: labelled, keyboard-navigable) and the table of the same numbers;
// every number goes into the CSV.
'use strict';
(function () {
  const { $, api, say, t } = LC;
  let data = null, rates = [], policy = null;

  function bar(value, max) {
    const d = document.createElement('div');
    d.className = 'bar'; d.style.width = (max ? Math.round((value / max) * 100) : 0) + '%';
    d.setAttribute('aria-hidden', 'true');
    return d;
  }
  const pct = (n, total) => (total ? (100 * n / total).toFixed(1) + '%' : '—');

  function fillBars(table, rows) {
    const max = Math.max(0, ...rows.map((r) => r[1]));
    const total = rows.reduce((s, r) => s + r[1], 0);
    table.querySelector('tbody').replaceChildren(...rows.map(([label, n, third]) => {
      const tr = LC.row([label, { text: n, num: true }, { text: third !== undefined ? third : pct(n, total), num: true }]);
      const td = document.createElement('td'); td.className = 'bar-cell'; td.appendChild(bar(n, max)); tr.appendChild(td);
      return tr;
    }));
  }

  function render() {
    if (!data) return;
    const byState = {};
    for (const c of data.byStateAndChannel) byState[c.state] = (byState[c.state] || 0) + c.people;
    fillBars($('progress'), Object.keys(LC.STATES).map((s) => [LC.stateLabel(s), byState[s] || 0]));
    fillBars($('channels'), data.byStateAndChannel.filter((c) => c.state === 'CERTIFIED').map((c) => [LC.channelLabel(c.channel), c.people]));
    const people = t('人', 'chart.people'), times = t('次', 'chart.times');
    LC.barChart($('chart-progress-box'), { id: 'chart-progress', title: t('本期认证进度（按状态的人数）', 'chart.progress'),
      description: t('每种认证状态的人数', 'chart.progressDesc'), unit: people,
      rows: Object.keys(LC.STATES).map((s) => ({ label: LC.stateLabel(s), value: byState[s] || 0, key: s })) });
    LC.barChart($('chart-channel-box'), { id: 'chart-channel', title: t('已认证人员的认证方式', 'dash.channel'),
      description: t('按认证方式的已认证人数', 'chart.channelDesc'), unit: people,
      rows: data.byStateAndChannel.filter((c) => c.state === 'CERTIFIED').map((c) => ({ label: LC.channelLabel(c.channel), value: c.people, key: c.channel })) });
    LC.barChart($('chart-appeals-box'), { id: 'chart-appeals', title: t('申诉：审核中与已超期', 'chart.appeals'),
      description: t('审核中的申诉数，以及其中已超过10个工作日未审结的数', 'chart.appealsDesc'), unit: t('件', 'chart.cases'),
      rows: [{ label: t('审核中的申诉', 'dash.open'), value: data.appealsOpen, key: 'open' },
        { label: t('已超过10个工作日未审结', 'dash.overdue'), value: data.appealsOverdue, key: 'overdue', color: 'var(--bad)' }] });
    LC.barChart($('chart-reasons-box'), { id: 'chart-reasons', title: t('认证失败原因', 'dash.reasons'),
      description: t('各失败原因出现的次数', 'chart.reasonsDesc'), unit: times, rows: Object.entries(data.failureReasons)
        .sort((a, b) => b[1] - a[1]).map(([r, n]) => ({ label: LC.reasonLabel(r), value: n, key: r, color: 'var(--bad)' })) });
    LC.columnChart($('chart-daily-box'), { id: 'chart-daily', title: t('每日认证次数', 'dash.daily'),
      description: t('每天的认证次数，红色为其中未通过的次数', 'chart.dailyDesc'), valueName: t('认证次数', 'dash.attempts'),
      partName: t('未通过', 'dash.failedN'), rows: data.attemptsPerDay.map((d) => ({ label: d.day, value: d.attempts, part: d.failed })) });
    const total = Object.values(byState).reduce((a, b) => a + b, 0);
    const facts = [[t('审核中的申诉', 'dash.open'), data.appealsOpen], [t('已超过10个工作日未审结', 'dash.overdue'), data.appealsOverdue],
      [t('本机构人员总数', 'dash.all'), total]];
    $('appeals').replaceChildren(...facts.flatMap(([k, v]) => { const dt = document.createElement('dt'); dt.textContent = k; const dd = document.createElement('dd'); dd.textContent = v; if (k === facts[1][0] && v > 0) dd.className = 'pill bad'; return [dt, dd]; }));
    fillBars($('reasons'), Object.entries(data.failureReasons).sort((a, b) => b[1] - a[1]).map(([r, n]) => [LC.reasonLabel(r), n]));
    fillBars($('daily'), data.attemptsPerDay.map((d) => [d.day, d.attempts, d.failed]));
    $('rates').querySelector('tbody').replaceChildren(...rates.map((r) => LC.row([r.period, LC.channelLabel(r.channel), { text: r.certified, num: true }, { text: r.total, num: true }, { text: (100 * r.rate).toFixed(1) + '%', num: true }])));
    $('period').textContent = t('机构 ', 'dash.bureau') + data.bureau + ' · ' + t('截至 ', 'dash.asOf') + data.today
      + (policy && policy.currentPeriod ? ' · ' + t('本期 ', 'dash.current') + policy.currentPeriod + '（' + policy.currentStart + ' ~ ' + policy.currentEnd + '）' : '');
  }

  async function load() {
    say(t('正在加载…', 'loading'), 'info');
    try {
      [data, policy] = await Promise.all([api('/console/api/dashboard'), api('/console/api/period-policy').catch(() => null)]);
      rates = await api('/api/v1/certification-rates').catch(() => []);
      render();
      say('', 'info');
    } catch (err) { say(err.message, 'error'); }
  }
  document.addEventListener('lc:lang', render);
  $('refresh').addEventListener('click', load);
  $('export').addEventListener('click', () => {
    if (!data) return;
    const rows = [['section', 'key', 'label', 'value', 'extra']];
    for (const c of data.byStateAndChannel) rows.push(['state_channel', c.state + '/' + (c.channel || ''), LC.stateLabel(c.state) + (c.channel ? ' / ' + LC.channelLabel(c.channel) : ''), c.people, '']);
    rows.push(['appeals', 'open', t('审核中的申诉', 'dash.open'), data.appealsOpen, '']);
    rows.push(['appeals', 'overdue', t('已超过10个工作日未审结', 'dash.overdue'), data.appealsOverdue, '']);
    for (const [r, n] of Object.entries(data.failureReasons)) rows.push(['failure_reason', r, LC.reasonLabel(r), n, '']);
    for (const d of data.attemptsPerDay) rows.push(['attempts_per_day', d.day, '', d.attempts, d.failed]);
    for (const r of rates) rows.push(['rate', r.period + '/' + r.channel, LC.channelLabel(r.channel), r.certified, r.total]);
    LC.downloadCsv('认证统计-' + data.bureau + '-' + data.today + '.csv', rows);
  });
  document.addEventListener('DOMContentLoaded', load);
})();
