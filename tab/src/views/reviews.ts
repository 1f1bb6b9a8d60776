import type { ReviewList } from '../../../workflow/monitoring/schemas.js';
import { h } from '../dom.js';
import { reviewBadge, reviewHref } from './reviewBadge.js';

/** Every local review and learning event, the soonest open deadline first, each linking to its own view. */
export function reviewsView(list: ReviewList): HTMLElement {
  const counts = (['overdue', 'dueSoon', 'onTime', 'done'] as const).map((s) => list.reviews.filter((r) => r.status === s).length);
  return h(
    'section',
    { 'aria-labelledby': 'reviews-heading' },
    h('h2', { id: 'reviews-heading' }, 'Reviews'),
    h('p', { class: 'summary' }, `${counts[0]} overdue, ${counts[1]} due soon, ${counts[2]} on time, ${counts[3]} done.`),
    list.reviews.length === 0
      ? h('p', { class: 'empty' }, 'There are no local reviews or learning events yet. They appear here once the partners decide to hold one.')
      : h(
          'table',
          { class: 'reviews' },
          h('caption', { class: 'visually-hidden' }, 'Local reviews and learning events, the soonest open deadline first.'),
          h('thead', {}, h('tr', {}, ...['Case', 'Review', 'Where it stands', 'Next deadline', 'Status'].map((c) => h('th', { scope: 'col' }, c)))),
          h(
            'tbody',
            {},
            ...list.reviews.map((r) =>
              h(
                'tr',
                { 'data-review': `${r.caseRef} ${r.kind}` },
                h('th', { scope: 'row', 'data-label': 'Case' }, h('a', { href: `#/case/${encodeURIComponent(r.caseRef)}`, 'data-focus-key': `case:${r.caseRef}:${r.kind}` }, r.caseRef)),
                h('td', { 'data-label': 'Review' }, h('a', { href: reviewHref(r.caseRef, r.kind), 'data-focus-key': `review:${r.caseRef}:${r.kind}` }, r.title)),
                h('td', { 'data-label': 'Where it stands' }, r.stageText),
                h('td', { 'data-label': 'Next deadline' }, r.nextDeadline ? `${r.nextDeadline.about}: ${r.nextDeadline.inWords}` : 'None'),
                h('td', { 'data-label': 'Status' }, reviewBadge(r.status, r.statusText)),
              ),
            ),
          ),
        ),
  );
}
