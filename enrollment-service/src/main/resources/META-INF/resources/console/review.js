// Collection review (信息审核): the bureau's PENDING collections (GET /api/v1/collections, oldest first,
// paged), the person's reference photos (GET .../{id}/reference-photos), approve or reject
// (POST .../{id}/review {approved, reason}). The reason rule is the server's: a reject without one
// comes back 400 with the field message 请填写审核不通过的原因, shown beside the field.
'use strict';
(function () {
  const { $, api, say, t } = LC;
  const SIZE = 20;
  Object.assign(LC.en, {
    'title.review': 'Collection review', 'review.h1': 'Collection review',
    'review.intro': 'Pending collections of your bureau, oldest first. Approval counts as certified for this period; a rejection needs a reason.',
    'review.queue': 'Collections waiting for review', 'review.refresh': 'Refresh', 'review.col.submitted': 'Collected',
    'review.col.name': 'Name', 'review.col.id': 'ID number', 'review.col.channel': 'Channel', 'review.col.by': 'Collected by',
    'review.col.actions': 'Actions', 'review.empty': 'No collection is waiting for review.', 'review.prev': 'Previous',
    'review.next': 'Next', 'review.detail': 'Review a collection', 'review.photos': 'Reference photos',
    'review.noPhotos': 'No reference photo to show (none uploaded yet, or erased after the retention period).',
    'review.reason': 'Reason (required for a rejection)', 'review.approve': 'Approve', 'review.reject': 'Reject',
    'review.cancel': 'Back to the list', 'review.open': 'Review', 'review.page': 'Page ', 'review.approved': 'Approved: ',
    'review.rejected': 'Rejected: ', 'review.because': ', reason: ', 'review.loading': 'Loading…',
    'channel.COUNTER': 'Counter', 'channel.ABROAD': 'Abroad', 'channel.RELATIVE': 'Relative',
  });
  const CHANNELS = { COUNTER: '窗口采集', ABROAD: '境外采集', RELATIVE: '亲情采集' };
  const channel = (c) => (CHANNELS[c] ? t(CHANNELS[c], 'channel.' + c) : LC.text(c));
  const nameOf = (c) => (c.surname || '') + (c.givenName || '');
  let page = 0;
  let current = null;

  async function loadQueue() {
    try {
      const list = await api('/api/v1/collections?status=PENDING&size=' + SIZE + '&page=' + page);
      if (list.length === 0 && page > 0) { page--; return loadQueue(); }
      const body = $('queue').querySelector('tbody');
      body.replaceChildren(...list.map((c) => {
        const open = LC.button(t('审核', 'review.open'), () => openDetail(c));
        open.id = 'review-' + c.collectionId;
        const tr = LC.row([LC.time(c.submittedAt), nameOf(c), c.idNumberMasked, channel(c.channel), c.submittedBy, open]);
        tr.id = 'row-' + c.collectionId;
        return tr;
      }));
      $('queue-empty').hidden = list.length > 0;
      $('page-prev').disabled = page === 0;
      $('page-next').disabled = list.length < SIZE;
      $('page-info').textContent = t('第', 'review.page') + (page + 1) + (LC.lang() === 'en' ? '' : '页');
      return list;
    } catch (err) {
      say(err.message, 'error');
      return [];
    }
  }

  async function openDetail(c) {
    current = c;
    $('d-name').textContent = nameOf(c);
    $('d-id').textContent = LC.text(c.idNumberMasked);
    $('d-channel').textContent = channel(c.channel);
    $('d-by').textContent = LC.text(c.submittedBy);
    $('d-submitted').textContent = LC.time(c.submittedAt);
    $('reason').value = '';
    LC.markField($('reason'), '');
    $('photos').replaceChildren();
    $('photos-none').hidden = true;
    $('detail').hidden = false;
    $('detail-title').focus();
    say('', 'info');
    try {
      const photos = await api('/api/v1/collections/' + c.collectionId + '/reference-photos');
      if (current !== c) return;
      $('photos').replaceChildren(...photos.map((p, i) => {
        const img = document.createElement('img');
        img.id = 'photo-' + i;
        img.src = 'data:' + p.contentType + ';base64,' + p.dataBase64;
        img.alt = t('参考照片', 'review.photos') + ' ' + (i + 1);
        img.style.maxWidth = '240px'; img.style.maxHeight = '240px'; img.style.marginRight = '12px';
        return img;
      }));
      $('photos-none').hidden = photos.length > 0;
    } catch (err) {
      say(err.message, 'error');
    }
  }

  async function decide(approved) {
    if (!current) return;
    const c = current;
    const reason = $('reason').value.trim();
    LC.markField($('reason'), '');
    $('approve').disabled = true; $('reject').disabled = true;
    try {
      const done = await api('/api/v1/collections/' + c.collectionId + '/review',
        { method: 'POST', body: { approved, reason: reason || null } });
      const what = done.status === 'APPROVED' ? t('已审核通过：', 'review.approved') : t('已审核不通过：', 'review.rejected');
      say(what + nameOf(c) + '（' + LC.text(c.idNumberMasked) + '）' + (done.reason ? t('，原因：', 'review.because') + done.reason : ''), 'ok');
      closeDetail();
      await loadQueue();
    } catch (err) {
      const shown = LC.fieldErrors(err.problem, $('decision'));
      say(err.message, 'error');
      if (shown.includes('reason')) $('reason').focus();
      if (err.status === 409 || err.status === 404) { closeDetail(); await loadQueue(); }
    } finally {
      $('approve').disabled = false; $('reject').disabled = false;
    }
  }

  function closeDetail() {
    current = null;
    $('detail').hidden = true;
    $('photos').replaceChildren();
  }

  $('approve').addEventListener('click', () => decide(true));
  $('reject').addEventListener('click', () => decide(false));
  $('cancel').addEventListener('click', () => { closeDetail(); $('refresh').focus(); });
  $('refresh').addEventListener('click', () => { say('', 'info'); loadQueue(); });
  $('page-prev').addEventListener('click', () => { if (page > 0) { page--; loadQueue(); } });
  $('page-next').addEventListener('click', () => { page++; loadQueue(); });
  document.addEventListener('DOMContentLoaded', () => loadQueue());
})();
