import { STAGE_LABELS } from '../../../workflow/words.js';
import { MonitoringStageSchema, type CaseList, type CaseSummary, type MonitoringStage } from '../../../workflow/monitoring/schemas.js';
import { h } from '../dom.js';
import { statusBadge } from './status.js';

/**
 * The "open cases" view: sorted by next deadline (soonest or latest first), filtered by stage; the
 * state lives with the caller so it survives a refresh. The sort control sits with the filter above
 * the table, not in its header row: at a phone's width the header row is hidden (each row becomes a
 * block that carries its own column names), and a control there could be neither seen nor used.
 */

export type CasesViewState = { filter: 'open' | 'all' | MonitoringStage; ascending: boolean };

const byDeadline = (ascending: boolean) => (a: CaseSummary, b: CaseSummary) => {
  // Cases with no deadline sort last either way: nothing is waiting on a clock.
  const x = a.nextDeadline?.dueAt;
  const y = b.nextDeadline?.dueAt;
  if (!x || !y) return x ? -1 : y ? 1 : a.caseRef.localeCompare(b.caseRef);
  return ascending ? x.localeCompare(y) : y.localeCompare(x);
};

export function casesView(list: CaseList, state: CasesViewState, rearrange: () => void): HTMLElement {
  const shown = list.cases
    .filter((c) => (state.filter === 'all' ? true : state.filter === 'open' ? c.stage !== 'closed' : c.stage === state.filter))
    .sort(byDeadline(state.ascending));

  const filter = h(
    'select',
    { id: 'stage-filter', 'data-focus-key': 'stage-filter' },
    h('option', { value: 'open' }, 'All open cases'),
    ...MonitoringStageSchema.options.map((stage) => h('option', { value: stage }, STAGE_LABELS[stage])),
    h('option', { value: 'all' }, 'All cases, open and closed'),
  );
  filter.value = state.filter;
  filter.addEventListener('change', () => {
    state.filter = filter.value as CasesViewState['filter'];
    rearrange();
  });

  // A toggle with a fixed name whose pressed state is the order: "Latest deadline first", pressed or not.
  const sort = h('button', { type: 'button', class: 'toggle', id: 'sort-deadline', 'data-focus-key': 'sort-deadline', 'aria-pressed': state.ascending ? 'false' : 'true', 'aria-describedby': 'sort-order' }, 'Latest deadline first');
  sort.addEventListener('click', () => {
    state.ascending = !state.ascending;
    rearrange();
  });
  const order = `Sorted by next deadline, ${state.ascending ? 'soonest' : 'latest'} first.`;

  const rows = shown.map((c) =>
    h(
      'tr',
      { 'data-case': c.caseRef },
      h('th', { scope: 'row', 'data-label': 'Case' }, h('a', { href: `#/case/${encodeURIComponent(c.caseRef)}`, 'data-focus-key': `case:${c.caseRef}` }, c.caseRef)),
      h('td', { 'data-label': 'Stage' }, c.stageLabel),
      h('td', { 'data-label': 'Waiting for' }, c.waitingFor.length > 0 ? c.waitingFor.join('; ') : 'Nobody'),
      h('td', { 'data-label': 'Next deadline' }, c.nextDeadline ? `${c.nextDeadline.about}: ${c.nextDeadline.inWords}` : 'None'),
      h('td', { 'data-label': 'Status' }, statusBadge(c)),
    ),
  );
  const counts = (['red', 'amber', 'green'] as const).map((s) => list.cases.filter((c) => c.status === s).length);

  return h(
    'section',
    { 'aria-labelledby': 'cases-heading' },
    h('h2', { id: 'cases-heading' }, 'Open cases'),
    h('p', { class: 'summary' }, `${counts[0]} overdue, ${counts[1]} with less than half the time left, ${counts[2]} on track.`),
    h('div', { class: 'controls' }, h('label', { for: 'stage-filter' }, 'Show '), filter, sort),
    h('p', { id: 'sort-order', class: 'note' }, order),
    shown.length === 0
      ? h('p', { class: 'empty' }, state.filter === 'open' ? 'There are no open cases. New referrals appear here as soon as the business unit logs them in the monitoring channel.' : 'No cases at this stage.')
      : h(
          'table',
          { class: 'cases' },
          h('caption', { class: 'visually-hidden' }, `Cases. ${order}`),
          h(
            'thead',
            {},
            h(
              'tr',
              {},
              h('th', { scope: 'col' }, 'Case'),
              h('th', { scope: 'col' }, 'Stage'),
              h('th', { scope: 'col' }, 'Waiting for'),
              h('th', { scope: 'col', 'aria-sort': state.ascending ? 'ascending' : 'descending' }, 'Next deadline'),
              h('th', { scope: 'col' }, 'Status'),
            ),
          ),
          h('tbody', {}, ...rows),
        ),
  );
}
