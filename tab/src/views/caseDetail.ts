import type { CaseDetail } from '../../../workflow/monitoring/schemas.js';
import { h } from '../dom.js';
import { statusBadge } from './status.js';
import { reviewBadge, reviewHref } from './reviewBadge.js';

/** One case: where it stands, the scoping return matrix during a rapid review, and its whole timeline. */
export function caseDetailView(detail: CaseDetail, download: (format: 'csv' | 'json', button: HTMLButtonElement) => void): HTMLElement {
  const { summary } = detail;
  const button = (format: 'csv' | 'json', label: string) => {
    const b = h('button', { type: 'button', class: 'download', 'data-format': format, 'data-focus-key': `download:${format}` }, label);
    b.addEventListener('click', () => download(format, b));
    return b;
  };

  const when = (iso: string) => new Date(iso).toLocaleString('en-GB', { timeZone: 'Europe/London', weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });

  const scoping = detail.scoping
    ? h(
        'section',
        { 'aria-labelledby': 'scoping-heading' },
        h('h3', { id: 'scoping-heading' }, 'Scoping returns'),
        h('p', {}, `Rapid review due by ${detail.scoping.reviewDueInWords}.${detail.scoping.returnsDueInWords ? ` Returns due by ${detail.scoping.returnsDueInWords}.` : ''}`),
        h(
          'table',
          { class: 'scoping' },
          h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Agency'), h('th', { scope: 'col' }, 'Return'), h('th', { scope: 'col' }, 'Due'), h('th', { scope: 'col' }, 'Returned'))),
          h(
            'tbody',
            {},
            ...detail.scoping.rows.map((r) =>
              h(
                'tr',
                {},
                h('th', { scope: 'row', 'data-label': 'Agency' }, r.agency),
                h('td', { 'data-label': 'Return' }, r.overdue ? statusBadge({ status: 'red', statusText: `${r.status}: overdue` }) : r.status, r.extension ? h('div', { class: 'note' }, r.extension) : undefined),
                h('td', { 'data-label': 'Due' }, r.dueInWords),
                h('td', { 'data-label': 'Returned' }, r.returnedAt ?? '—'),
              ),
            ),
          ),
        ),
      )
    : undefined;

  return h(
    'section',
    { 'aria-labelledby': 'case-heading' },
    h('p', {}, h('a', { href: '#/cases', 'data-focus-key': 'back' }, '← All cases')),
    h('h2', { id: 'case-heading' }, `Case ${summary.caseRef}`),
    h(
      'dl',
      { class: 'facts' },
      h('dt', {}, 'Stage'),
      h('dd', { id: 'case-stage' }, summary.stageLabel),
      h('dt', {}, 'Status'),
      h('dd', { id: 'case-status' }, statusBadge(summary)),
      h('dt', {}, 'Waiting for'),
      h('dd', {}, summary.waitingFor.length > 0 ? summary.waitingFor.join('; ') : 'Nobody'),
      h('dt', {}, 'Next deadline'),
      h('dd', {}, summary.nextDeadline ? `${summary.nextDeadline.about}: ${summary.nextDeadline.inWords}` : 'None'),
    ),
    h('div', { class: 'controls' }, button('csv', 'Download history (CSV)'), ' ', button('json', 'Download history (JSON)')),
    scoping,
    detail.reviews.length === 0
      ? undefined
      : h(
          'section',
          { 'aria-labelledby': 'case-reviews-heading' },
          h('h3', { id: 'case-reviews-heading' }, 'Reviews'),
          h(
            'ul',
            { class: 'case-reviews' },
            ...detail.reviews.map((r) => h('li', {}, h('a', { href: reviewHref(summary.caseRef, r.kind), 'data-focus-key': `review:${r.kind}` }, r.title), ' ', reviewBadge(r.status, r.statusText))),
          ),
        ),
    h(
      'section',
      { 'aria-labelledby': 'timeline-heading' },
      h('h3', { id: 'timeline-heading' }, 'Timeline'),
      h(
        'table',
        { class: 'timeline' },
        h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'When'), h('th', { scope: 'col' }, 'Who'), h('th', { scope: 'col' }, 'What'), h('th', { scope: 'col' }, 'Rationale or comment'))),
        h(
          'tbody',
          {},
          ...detail.timeline.map((row) =>
            h(
              'tr',
              { class: row.deemed ? 'deemed' : undefined },
              h('td', { 'data-label': 'When' }, h('time', { datetime: row.at }, when(row.at))),
              h('td', { 'data-label': 'Who' }, row.who, h('div', { class: 'note' }, row.role)),
              // Marked in words and by a bordered tag, not only by the row's tint.
              h('td', { 'data-label': 'What' }, row.deemed ? h('strong', { class: 'tag deemed-mark' }, 'Deemed from silence') : undefined, row.deemed ? ' ' : undefined, row.what),
              h('td', { 'data-label': 'Rationale or comment', class: 'verbatim' }, row.detail ?? ''),
            ),
          ),
        ),
      ),
    ),
  );
}
