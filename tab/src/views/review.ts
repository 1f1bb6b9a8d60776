import type { ReviewView } from '../../../workflow/monitoring/schemas.js';
import { h } from '../dom.js';
import { reviewBadge } from './reviewBadge.js';

/** A London date (YYYY-MM-DD) in words: "Tue 1 Sept 2026". */
const day = (date: string) => new Date(`${date}T12:00:00Z`).toLocaleDateString('en-GB', { timeZone: 'Europe/London', weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' });

/** One review: where it stands, its deadlines with their status, and its milestones planned and done. */
export function reviewView(review: ReviewView): HTMLElement {
  return h(
    'section',
    { 'aria-labelledby': 'review-heading' },
    h('p', {}, h('a', { href: `#/case/${encodeURIComponent(review.caseRef)}` }, `← Case ${review.caseRef}`), ' · ', h('a', { href: '#/reviews' }, 'All reviews')),
    h('h2', { id: 'review-heading' }, `${review.title}: case ${review.caseRef}`),
    h(
      'dl',
      { class: 'facts' },
      h('dt', {}, 'Where it stands'),
      h('dd', { id: 'review-stage' }, review.stageText),
      h('dt', {}, 'Status'),
      h('dd', { id: 'review-status' }, reviewBadge(review.status, review.statusText)),
      h('dt', {}, 'Next deadline'),
      h('dd', {}, review.nextDeadline ? `${review.nextDeadline.about}: ${review.nextDeadline.inWords}` : 'None open'),
      ...(review.owed.length > 0 ? [h('dt', {}, 'Owed'), h('dd', { id: 'review-owed' }, review.owed.join('; '))] : []),
    ),
    h(
      'section',
      { 'aria-labelledby': 'deadlines-heading' },
      h('h3', { id: 'deadlines-heading' }, 'Deadlines'),
      h(
        'table',
        { class: 'deadlines' },
        h('thead', {}, h('tr', {}, ...['Deadline', 'Due by', 'Status'].map((c) => h('th', { scope: 'col' }, c)))),
        h(
          'tbody',
          {},
          ...review.deadlines.map((d) =>
            h('tr', { 'data-deadline': d.about }, h('th', { scope: 'row', 'data-label': 'Deadline' }, d.about), h('td', { 'data-label': 'Due by' }, d.dueInWords), h('td', { 'data-label': 'Status' }, reviewBadge(d.status, d.statusText))),
          ),
        ),
      ),
    ),
    h(
      'section',
      { 'aria-labelledby': 'milestones-heading' },
      h('h3', { id: 'milestones-heading' }, 'Milestones'),
      h(
        'table',
        { class: 'milestones' },
        h('thead', {}, h('tr', {}, ...['Milestone', 'Planned', 'Done'].map((c) => h('th', { scope: 'col' }, c)))),
        h(
          'tbody',
          {},
          ...review.milestones.map((m) =>
            h(
              'tr',
              { 'data-milestone': m.name },
              h('th', { scope: 'row', 'data-label': 'Milestone' }, m.name),
              h('td', { 'data-label': 'Planned' }, m.plannedOn ? day(m.plannedOn) : 'Not planned', m.late ? ' ' : undefined, m.late ? h('strong', { class: 'tag' }, m.lateText ?? 'Late') : undefined),
              h('td', { 'data-label': 'Done' }, m.doneOn ? day(m.doneOn) : 'Not yet'),
            ),
          ),
        ),
      ),
    ),
  );
}
