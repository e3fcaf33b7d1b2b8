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
    liveness_failed: ['活体检测未通过', 'Liveness failed'], NOT_MATCHED: ['人脸比对未通过', 'Face did not match'],
    LOW_SIMILARITY: ['人脸比对未通过', 'Face did not match'], TEMPLATE_MODEL_MISMATCH: ['参考照片需重新采集', 'Reference template outdated'],
    BLINK_NOT_DETECTED: ['未检测到眨眼', 'No blink'], MOUTH_NOT_DETECTED: ['未检测到张嘴', 'No open mouth'],
    TURN_LEFT_NOT_DETECTED: ['未检测到向左转头', 'No left turn'], TURN_RIGHT_NOT_DETECTED: ['未检测到向右转头', 'No right turn'],
    NOD_NOT_DETECTED: ['未检测到点头', 'No nod'], ACTION_NOT_PERFORMED: ['动作未完成', 'Action not performed'],
    ACTION_TIMEOUT: ['动作超时', 'Action timed out'], NO_FACE: ['未检测到人脸', 'No face'], MULTIPLE_FACES: ['多张人脸', 'Several faces'],
    TOO_DARK: ['光线太暗', 'Too dark'], TOO_BRIGHT: ['光线太强', 'Too bright'], SPOOF_SUSPECTED: ['疑似翻拍或假体', 'Spoof suspected'],
    IDENTITY_CHANGED: ['认证过程中换人', 'Identity changed'], FRAME_TIME_INVALID: ['画面时间异常', 'Invalid frame times'],
    REPLAY_SUSPECTED: ['疑似重放画面', 'Replay suspected'], INTERRUPTED: ['认证中断', 'Interrupted'], STEP_MISSING: ['动作未完成', 'Step missing'],
  };
  const pick = (table, key) => (table[key] ? table[key][LC.lang && LC.lang() === 'en' ? 1 : 0] : (key || '—'));
  LC.stateLabel = (s) => pick(LC.STATES, s);
  LC.channelLabel = (c) => pick(LC.CHANNELS, c);
  LC.reasonLabel = (r) => pick(LC.REASONS, r);
})();
