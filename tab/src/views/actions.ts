import { ACTION_BUCKET_WORDS, ActionBucketSchema, type ActionBucket, type ActionTally, type ActionsView } from '../../../workflow/monitoring/schemas.js';
import { h } from '../dom.js';
import { statusBadge } from './status.js';

/**
 * Every action, by review and by agency (issue 17: "the review group sees every open action by
 * review and by agency"), then each action; the CSV download for the executive's report.
 */

const BUCKETS = ActionBucketSchema.options;
const BADGE: Record<ActionBucket, 'red' | 'amber' | 'green' | 'closed'> = { overdue: 'red', dueSoon: 'amber', open: 'green', awaitingImpact: 'green', closed: 'closed' };

function tallyTable(id: string, caption: string, first: string, rows: { label: string; key: string; tally: ActionTally; note?: string }[]): HTMLElement {
  return h(
    'table',
    { class: 'tally', id },
    h('caption', { class: 'visually-hidden' }, caption),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, first), ...BUCKETS.map((b) => h('th', { scope: 'col' }, ACTION_BUCKET_WORDS[b])))),
    h(
      'tbody',
      {},
      ...rows.map((r) =>
        h(
          'tr',
          { 'data-key': r.key },
          h('th', { scope: 'row', 'data-label': first }, r.label, r.note ? h('div', { class: 'note' }, r.note) : undefined),
          ...BUCKETS.map((b) => h('td', { 'data-label': ACTION_BUCKET_WORDS[b], 'data-bucket': b }, String(r.tally[b]))),
        ),
      ),
    ),
  );
}

export function actionsView(view: ActionsView, download: (button: HTMLButtonElement) => void): HTMLElement {
  const button = h('button', { type: 'button', class: 'download', id: 'actions-csv', 'data-focus-key': 'actions-csv' }, 'Download actions (CSV)');
  button.addEventListener('click', () => download(button));
  const t = view.total;
  const notClosed = t.open + t.dueSoon + t.overdue + t.awaitingImpact;
  return h(
    'section',
    { 'aria-labelledby': 'actions-heading' },
    h('h2', { id: 'actions-heading' }, 'Actions'),
    h('p', { class: 'summary', id: 'actions-summary' }, `${notClosed} not closed: ${t.overdue} overdue, ${t.dueSoon} due soon, ${t.open} open, ${t.awaitingImpact} awaiting impact evidence; ${t.closed} closed.`),
    h('div', { class: 'controls' }, button),
    view.rows.length === 0
      ? h('p', { class: 'empty' }, 'No actions have been agreed yet. They appear here once the business unit or the review group chair agrees them from a recommendation.')
      : h(
          'div',
          {},
          h('h3', { id: 'by-review-heading' }, 'By review'),
          tallyTable(
            'by-review',
            'Actions by review',
            'Review',
            view.byReview.map((r) => ({ label: `${r.caseRef} ${r.review}`, key: `${r.caseRef} ${r.review}`, tally: r, ...(r.concluded ? { note: 'Concluded: the executive has been told' } : {}) })),
          ),
          h('h3', { id: 'by-owner-heading' }, 'By agency'),
          tallyTable('by-owner', 'Actions by agency or partner', 'Agency', view.byOwner.map((o) => ({ label: o.owner, key: o.owner, tally: o }))),
          h('h3', { id: 'each-heading' }, 'Each action'),
          h(
            'table',
            { class: 'actions' },
            h('thead', {}, h('tr', {}, ...['Action', 'Review', 'Owner', 'What done means', 'Due', 'Status'].map((c) => h('th', { scope: 'col' }, c)))),
            h(
              'tbody',
              {},
              ...view.rows.map((r) =>
                h(
                  'tr',
                  { 'data-action': `${r.caseRef} ${r.action}` },
                  h('th', { scope: 'row', 'data-label': 'Action' }, h('a', { href: `#/case/${encodeURIComponent(r.caseRef)}` }, r.caseRef), ` ${r.action} (${r.recommendation})`),
                  h('td', { 'data-label': 'Review' }, r.review),
                  h('td', { 'data-label': 'Owner' }, r.owner),
                  h('td', { 'data-label': 'What done means', class: 'verbatim' }, r.done),
                  h('td', { 'data-label': 'Due' }, r.dueInWords),
                  h('td', { 'data-label': 'Status' }, statusBadge({ status: BADGE[r.bucket], statusText: r.statusText })),
                ),
              ),
            ),
          ),
        ),
  );
}
