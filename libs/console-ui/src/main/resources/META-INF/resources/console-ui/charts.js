// Charts of the bureau console: inline SVG drawn here, no library, nothing fetched from elsewhere.
// Accessible: each chart is a labelled group (title + description), every bar has a label with its
// number; keyboard: Tab reaches the chart once, arrow keys / Home / End move from bar to bar and the
// current bar's number is read out (aria-live). The numbers are also in the table beside each chart.
'use strict';
(function () {
  const LC = (window.LC = window.LC || {});
  const NS = 'http://www.w3.org/2000/svg';
  const el = (name, attrs = {}, text) => {
    const e = document.createElementNS(NS, name);
    for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
    if (text !== undefined) e.textContent = text;
    return e;
  };

  /** Wires roving focus over the bars and a live readout under the chart. */
  function keyboard(svg, bars, readout) {
    let current = 0;
    const show = (i) => {
      bars.forEach((b, j) => b.setAttribute('tabindex', j === i ? '0' : '-1'));
      current = i;
      readout.textContent = bars[i].getAttribute('aria-label');
    };
    bars.forEach((b, i) => {
      b.addEventListener('focus', () => show(i));
      b.addEventListener('keydown', (e) => {
        const next = { ArrowRight: current + 1, ArrowDown: current + 1, ArrowLeft: current - 1, ArrowUp: current - 1,
          Home: 0, End: bars.length - 1 }[e.key];
        if (next === undefined) return;
        e.preventDefault();
        const i2 = Math.max(0, Math.min(bars.length - 1, next));
        bars[i2].focus();
      });
    });
    if (bars.length) bars[0].setAttribute('tabindex', '0');
  }

  function frame(container, id, title, description, height) {
    const svg = el('svg', { id, role: 'group', width: '100%', viewBox: '0 0 800 ' + height, class: 'chart',
      'aria-labelledby': id + '-title ' + id + '-desc', preserveAspectRatio: 'xMinYMin meet' });
    svg.appendChild(el('title', { id: id + '-title' }, title));
    svg.appendChild(el('desc', { id: id + '-desc' }, description));
    const readout = document.createElement('p');
    readout.id = id + '-readout'; readout.className = 'chart-readout muted'; readout.setAttribute('aria-live', 'polite');
    container.replaceChildren(svg, readout);
    return { svg, readout };
  }

  /**
   * Horizontal bars: rows [{label, value, color?}]; one bar per row with its label and number.
   * Returns the rows drawn (what tests and the CSV see are the same numbers).
   */
  LC.barChart = function (container, { id, title, description, rows, unit = '' }) {
    const rowH = 36, top = 8, labelW = 250, numW = 90, width = 800 - labelW - numW - 10;
    const height = Math.max(1, rows.length) * rowH + top * 2;
    const { svg, readout } = frame(container, id, title, description, height);
    const max = Math.max(1, ...rows.map((r) => r.value));
    const total = rows.reduce((s, r) => s + r.value, 0);
    const bars = rows.map((r, i) => {
      const y = top + i * rowH;
      const share = total ? ' (' + (100 * r.value / total).toFixed(1) + '%)' : '';
      const g = el('g', { class: 'chart-bar', role: 'img', tabindex: '-1', 'aria-label': r.label + '：' + r.value + unit + share,
        'data-label': r.label, 'data-value': String(r.value) });
      g.appendChild(el('title', {}, r.label + '：' + r.value + unit + share));
      g.appendChild(el('text', { x: labelW - 8, y: y + rowH / 2 + 6, 'text-anchor': 'end', class: 'chart-label' }, r.label));
      g.appendChild(el('rect', { x: labelW, y: y + 5, height: rowH - 10, rx: 3,
        width: Math.max(r.value > 0 ? 2 : 0, Math.round((r.value / max) * width)), fill: r.color || 'var(--brand)' }));
      g.appendChild(el('text', { x: labelW + Math.round((r.value / max) * width) + 6, y: y + rowH / 2 + 6, class: 'chart-num' },
        String(r.value)));
      svg.appendChild(g);
      return g;
    });
    if (!rows.length) svg.appendChild(el('text', { x: 10, y: 26, class: 'chart-label' }, LC.t ? LC.t('暂无数据', 'chart.empty') : '暂无数据'));
    keyboard(svg, bars, readout);
    return rows;
  };

  /** Columns per day: rows [{label, value, part}] — value the whole column, part (e.g. failed) the darker lower share. */
  LC.columnChart = function (container, { id, title, description, rows, valueName, partName }) {
    const height = 260, bottom = 40, top = 14, left = 50, width = 800 - left - 10;
    const { svg, readout } = frame(container, id, title, description, height);
    const max = Math.max(1, ...rows.map((r) => r.value));
    const plotH = height - bottom - top;
    svg.appendChild(el('line', { x1: left, y1: top + plotH, x2: 800 - 10, y2: top + plotH, stroke: 'var(--line)' }));
    svg.appendChild(el('text', { x: left - 6, y: top + 10, 'text-anchor': 'end', class: 'chart-num' }, String(max)));
    svg.appendChild(el('text', { x: left - 6, y: top + plotH, 'text-anchor': 'end', class: 'chart-num' }, '0'));
    const step = rows.length ? width / rows.length : width;
    const colW = Math.max(3, Math.min(48, step * 0.7));
    const every = Math.ceil(rows.length / 8) || 1;
    const bars = rows.map((r, i) => {
      const x = left + i * step + (step - colW) / 2;
      const h = Math.round((r.value / max) * plotH);
      const hp = Math.round(((r.part || 0) / max) * plotH);
      const label = r.label + '：' + valueName + ' ' + r.value + '，' + partName + ' ' + (r.part || 0);
      const g = el('g', { class: 'chart-bar', role: 'img', tabindex: '-1', 'aria-label': label,
        'data-label': r.label, 'data-value': String(r.value), 'data-part': String(r.part || 0) });
      g.appendChild(el('title', {}, label));
      g.appendChild(el('rect', { x, y: top + plotH - h, width: colW, height: h, fill: 'var(--brand)' }));
      g.appendChild(el('rect', { x, y: top + plotH - hp, width: colW, height: hp, fill: 'var(--bad)' }));
      if (i % every === 0) g.appendChild(el('text', { x: x + colW / 2, y: height - bottom + 18, 'text-anchor': 'middle', class: 'chart-axis' }, r.label.slice(5)));
      svg.appendChild(g);
      return g;
    });
    const legend = el('g', { 'aria-hidden': 'true' });
    legend.appendChild(el('rect', { x: left, y: height - 14, width: 14, height: 12, fill: 'var(--brand)' }));
    legend.appendChild(el('text', { x: left + 20, y: height - 3, class: 'chart-axis' }, valueName));
    legend.appendChild(el('rect', { x: left + 160, y: height - 14, width: 14, height: 12, fill: 'var(--bad)' }));
    legend.appendChild(el('text', { x: left + 180, y: height - 3, class: 'chart-axis' }, partName));
    svg.appendChild(legend);
    if (!rows.length) svg.appendChild(el('text', { x: left + 10, y: top + 30, class: 'chart-label' }, LC.t ? LC.t('暂无数据', 'chart.empty') : '暂无数据'));
    keyboard(svg, bars, readout);
    return rows;
  };
})();
