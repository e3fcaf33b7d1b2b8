// LifeCert bureau console: shared navigation, texts (zh-CN first, English switchable), API helper.
// Pages are signed in by the serving service (quarkus-oidc code flow, session cookie, hybrid);
// the API calls below carry that cookie, so no token is handled in the browser. Every rule
// (role, bureau) is checked again by the API on the server.
'use strict';

(function () {
  const LC = (window.LC = window.LC || {});
  const BASE_PORTS = { enrollment: 8081, appeal: 8084 };
  const PAGES = [
    { id: 'home', service: 'enrollment', path: '/console/index.html', zh: '首页', en: 'Start' },
    { id: 'enroll', service: 'enrollment', path: '/console/enroll.html', zh: '人员信息采集', en: 'Enrolment' },
    { id: 'roster', service: 'enrollment', path: '/console/roster.html', zh: '花名册导入', en: 'Roster import' },
    { id: 'review', service: 'enrollment', path: '/console/review.html', zh: '信息审核', en: 'Collection review' },
    { id: 'counter', service: 'appeal', path: '/console/counter.html', zh: '窗口认证', en: 'Counter certification' },
    { id: 'appeals', service: 'appeal', path: '/console/', zh: '申诉审核', en: 'Appeals' },
    { id: 'dashboard', service: 'appeal', path: '/console/dashboard.html', zh: '认证统计', en: 'Dashboard' },
    { id: 'settings', service: 'appeal', path: '/console/settings.html', zh: '机构设置', en: 'Bureau settings' },
  ];
  LC.pages = PAGES;

  /** Where another service's pages are: same host; a shifted port range (tests, second stack) keeps its shift. */
  LC.serviceUrl = function (service) {
    const here = document.body.dataset.service;
    const override = sessionStorage.getItem('lc.url.' + service);
    if (override) return override;
    if (service === here || !location.port || !BASE_PORTS[here]) return service === here ? '' : location.origin;
    const shift = Number(location.port) - BASE_PORTS[here];
    return location.protocol + '//' + location.hostname + ':' + (BASE_PORTS[service] + shift);
  };
  // ?enrollment=URL&appeal=URL on any page remembers where the services are for this tab.
  new URLSearchParams(location.search).forEach((v, k) => {
    if (BASE_PORTS[k] && /^https?:\/\//.test(v)) sessionStorage.setItem('lc.url.' + k, v.replace(/\/$/, ''));
  });
  LC.pageUrl = (id) => { const p = PAGES.find((x) => x.id === id); return LC.serviceUrl(p.service) + p.path; };

  // ---- texts
  LC.lang = () => localStorage.getItem('lc.lang') || 'zh-CN';
  LC.en = LC.en || {};
  LC.t = (zh, key) => (LC.lang() === 'en' && key && LC.en[key]) ? LC.en[key] : zh;
  LC.applyTexts = function (root = document) {
    const en = LC.lang() === 'en';
    document.documentElement.lang = en ? 'en' : 'zh-CN';
    root.querySelectorAll('[data-i18n]').forEach((el) => {
      if (el.dataset.zh === undefined) el.dataset.zh = el.textContent;
      const key = el.dataset.i18n;
      el.textContent = en && LC.en[key] ? LC.en[key] : el.dataset.zh;
    });
    root.querySelectorAll('[data-i18n-placeholder]').forEach((el) => {
      if (el.dataset.zhPlaceholder === undefined) el.dataset.zhPlaceholder = el.placeholder;
      const key = el.dataset.i18nPlaceholder;
      el.placeholder = en && LC.en[key] ? LC.en[key] : el.dataset.zhPlaceholder;
    });
    if (document.body.dataset.titleZh === undefined) document.body.dataset.titleZh = document.title;
    document.title = en && LC.en['title.' + document.body.dataset.page] ? LC.en['title.' + document.body.dataset.page] + ' - LifeCert' : document.body.dataset.titleZh;
    document.dispatchEvent(new CustomEvent('lc:lang'));
  };

  // ---- API
  LC.api = async function (path, options = {}) {
    const headers = { Accept: 'application/json', 'X-Requested-With': 'JavaScript', ...(options.headers || {}) };
    // Token helper: staff pages normally ride on the code-flow session cookie. A bearer token put into
    // this tab's sessionStorage (tools, browser tests with the test provider's tokens) is sent instead;
    // the server checks it exactly like any bureau system's token.
    const bearer = sessionStorage.getItem('lc.bearer');
    if (bearer) headers.Authorization = 'Bearer ' + bearer;
    let body = options.body;
    if (body !== undefined && !(body instanceof Blob) && !(body instanceof FormData) && typeof body !== 'string') {
      body = JSON.stringify(body);
      headers['Content-Type'] = 'application/json';
    }
    const response = await fetch(path, { credentials: 'same-origin', ...options, headers, body });
    if (response.status === 401 || response.status === 499) {
      LC.say(LC.t('登录已过期，正在重新登录…', 'session.expired'), 'error');
      setTimeout(() => location.reload(), 1200);
      throw Object.assign(new Error(LC.t('登录已过期，请重新登录', 'session.expired')), { status: response.status });
    }
    const type = response.headers.get('content-type') || '';
    const data = type.includes('json') ? await response.json() : (type.startsWith('text/') ? await response.text() : null);
    if (!response.ok) {
      const problem = data && typeof data === 'object' ? data : {};
      const fallback = response.status === 403 ? LC.t('您没有办理此业务的权限', 'error.403')
        : response.status === 404 ? LC.t('未找到（或不属于本机构）', 'error.404')
        : LC.t('请求失败', 'error.generic') + '（' + response.status + '）';
      throw Object.assign(new Error(problem.message || fallback), { status: response.status, problem });
    }
    return data;
  };

  // ---- small helpers the pages share
  LC.$ = (id) => document.getElementById(id);
  LC.say = function (message, kind = 'info', target = 'status') {
    const el = LC.$(target);
    if (!el) return;
    el.textContent = message || '';
    el.className = 'status ' + (message ? kind : '');
  };
  LC.text = (v) => (v === null || v === undefined || v === '' ? '—' : String(v));
  LC.time = (iso) => (iso ? new Date(iso).toLocaleString(LC.lang() === 'en' ? 'en-GB' : 'zh-CN', { hour12: false }) : '—');
  LC.row = function (cells) {
    const tr = document.createElement('tr');
    for (const c of cells) {
      const td = document.createElement('td');
      if (c instanceof Node) td.appendChild(c); else if (c && typeof c === 'object') { td.textContent = LC.text(c.text); if (c.num) td.className = 'num'; } else td.textContent = LC.text(c);
      tr.appendChild(td);
    }
    return tr;
  };
  LC.button = function (label, onClick, cls = 'secondary') {
    const b = document.createElement('button');
    b.type = 'button'; b.textContent = label; b.className = cls; b.addEventListener('click', onClick);
    return b;
  };
  /** CSV with BOM (opens in spreadsheet software), quoted where needed. */
  LC.downloadCsv = function (fileName, rows) {
    const q = (v) => { const s = v === null || v === undefined ? '' : String(v); return /[",\n\r]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s; };
    const csv = '\uFEFF' + rows.map((r) => r.map(q).join(',')).join('\r\n') + '\r\n';
    const a = document.createElement('a');
    a.href = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
    a.download = fileName;
    document.body.appendChild(a); a.click(); a.remove();
    setTimeout(() => URL.revokeObjectURL(a.href), 5000);
  };
  /** Shows the problem's per-field messages next to the fields (ids: field name with '.' → '-'). */
  LC.fieldErrors = function (problem, form) {
    const shown = [];
    for (const e of (problem && problem.errors) || []) {
      const input = form.querySelector('[name="' + e.field + '"]');
      if (input) { LC.markField(input, e.message); shown.push(e.field); }
    }
    return shown;
  };
  LC.markField = function (input, message) {
    const msg = document.getElementById(input.id + '-msg');
    input.setAttribute('aria-invalid', message ? 'true' : 'false');
    if (msg) msg.textContent = message || '';
  };

  // ---- header with navigation, language switch, who is signed in
  function header() {
    const page = document.body.dataset.page;
    const h = document.createElement('header');
    h.className = 'lc-top';
    const skip = document.createElement('a');
    skip.href = '#main'; skip.className = 'skip'; skip.dataset.i18n = 'skip'; skip.textContent = '跳到正文';
    const title = document.createElement('a');
    title.className = 'lc-title'; title.href = LC.pageUrl('home'); title.dataset.i18n = 'app'; title.textContent = '社保待遇资格认证 · 经办机构';
    const nav = document.createElement('nav');
    nav.className = 'lc-nav'; nav.setAttribute('aria-label', '主导航');
    const ul = document.createElement('ul');
    PAGES.forEach((p, i) => {
      const li = document.createElement('li');
      const a = document.createElement('a');
      a.href = LC.pageUrl(p.id); a.dataset.i18n = 'nav.' + p.id; a.textContent = p.zh;
      a.title = 'Alt+' + (i + 1); a.accessKey = String(i + 1);
      if (p.id === page) a.setAttribute('aria-current', 'page');
      li.appendChild(a); ul.appendChild(li);
    });
    nav.appendChild(ul);
    const tools = document.createElement('div');
    tools.className = 'lc-tools';
    const who = document.createElement('span'); who.className = 'lc-user'; who.id = 'lc-user';
    const lang = document.createElement('button');
    lang.type = 'button'; lang.id = 'lc-lang';
    lang.textContent = LC.lang() === 'en' ? '中文' : 'English';
    lang.addEventListener('click', () => {
      localStorage.setItem('lc.lang', LC.lang() === 'en' ? 'zh-CN' : 'en');
      lang.textContent = LC.lang() === 'en' ? '中文' : 'English';
      LC.applyTexts();
    });
    tools.append(who, lang);
    h.append(skip, title, nav, tools);
    document.body.prepend(h);
    const main = document.querySelector('main');
    if (main && !main.id) main.id = 'main';
    LC.api('/console/api/me').then((me) => {
      LC.me = me;
      who.textContent = me.user + ' · ' + me.bureau + ' · ' + (me.roles || []).join('/');
      document.dispatchEvent(new CustomEvent('lc:me', { detail: me }));
    }).catch(() => { who.textContent = ''; });
  }

  for (const p of PAGES) LC.en['nav.' + p.id] = p.en;
  document.addEventListener('DOMContentLoaded', () => { header(); LC.applyTexts(); });
})();
