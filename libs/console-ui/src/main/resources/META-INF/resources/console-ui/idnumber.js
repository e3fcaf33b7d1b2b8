// Resident ID number (GB 11643-1999): 17 digits + check character (ISO 7064 MOD 11-2), birth date
// in digits 7-14, sex from digit 17 (odd: 男). Same rule as the server's ResidentIdNumber; the page
// uses it only to help the clerk as they type — the server decides.
'use strict';
(function () {
  const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const CHECK = '10X98765432';
  /** {ok, reason, birthDate (yyyy-MM-dd), sex ('男'|'女')}; reason: 'length' | 'format' | 'date' | 'check'. */
  window.LC = window.LC || {};
  window.LC.parseIdNumber = function (raw, today = new Date()) {
    const id = String(raw || '').trim().toUpperCase();
    if (id.length !== 18) return { ok: false, reason: 'length' };
    if (!/^[1-9][0-9]{16}[0-9X]$/.test(id)) return { ok: false, reason: 'format' };
    const y = +id.slice(6, 10), m = +id.slice(10, 12), d = +id.slice(12, 14);
    const date = new Date(Date.UTC(y, m - 1, d));
    const valid = date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
    if (!valid || y <= 1900 || date.getTime() >= Date.UTC(today.getFullYear(), today.getMonth(), today.getDate())) {
      return { ok: false, reason: 'date' };
    }
    let sum = 0;
    for (let i = 0; i < 17; i++) sum += (id.charCodeAt(i) - 48) * WEIGHTS[i];
    if (CHECK[sum % 11] !== id[17]) return { ok: false, reason: 'check' };
    return { ok: true, id, birthDate: id.slice(6, 10) + '-' + id.slice(10, 12) + '-' + id.slice(12, 14), sex: (+id[16]) % 2 === 1 ? '男' : '女' };
  };
})();
