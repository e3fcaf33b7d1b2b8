// Certification states (DESIGN.md) and failure reasons as the console shows them.
'use strict';
(function () {
  const LC = (window.LC = window.LC || {});
  LC.STATES = {
    NOT_COLLECTED: ['未采集', 'Not collected'], COLLECTION_UNDER_REVIEW: ['采集信息审核中', 'Collection under review'],
    DUE: ['待认证', 'Due'], CERTIFIED: ['已认证', 'Certified'], FAILED_ONCE: ['认证失败一次', 'Failed once'],
    APPEAL_UNDER_REVIEW: ['申诉审核中', 'Appeal under review'], APPEAL_REJECTED: ['申诉未通过', 'Appeal rejected'],
    OVERDUE: ['逾期未认证（待遇停发）', 'Overdue (benefit suspended)'],
  };
  LC.CHANNELS = {
    SELF_SERVICE: ['本人自助', 'Self-service'], RELATIVE: ['亲情代认证', 'By a relative'], COUNTER: ['窗口', 'Counter'],
    CONSULATE: ['使领馆', 'Consulate'], APPROVED_COLLECTION: ['采集审核通过', 'Approved collection'],
    APPROVED_APPEAL: ['申诉审核通过', 'Approved appeal'], ALL: ['合计', 'All'],
  };
  LC.REASONS = {
    verdict_timeout: ['未在时限内完成', 'Not finished in time'], match_below_threshold: ['人脸比对未通过', 'Face did not match'],
    liveness_failed: ['活体检测未通过', 'Liveness failed'],
  };
  const pick = (table, key) => (table[key] ? table[key][LC.lang && LC.lang() === 'en' ? 1 : 0] : (key || '—'));
  LC.stateLabel = (s) => pick(LC.STATES, s);
  LC.channelLabel = (c) => pick(LC.CHANNELS, c);
  LC.reasonLabel = (r) => pick(LC.REASONS, r);
})();
