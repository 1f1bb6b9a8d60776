import type { YearFigures } from '../../../workflow/monitoring/schemas.js';
import { h } from '../dom.js';
import { countsChart, timelinessChart } from './charts.js';

/** The yearly report's figures, as numbers (the accessible source) and as two small charts: counts, and timeliness. */
export function yearView(figures: YearFigures, offset: number, move: (offset: number) => void): HTMLElement {
  const counts = countsChart('counts-chart', [
    ['Referrals', figures.referrals],
    ['Panel notifications', figures.notifications],
    ['Decided by agreement', figures.decisions.byAgreement],
    ['Decided by deemed agreement', figures.decisions.deemedAgreement],
    ['Decided at stage 1', figures.decisions.stage1],
    ['Decided at stage 2', figures.decisions.stage2],
  ]);
  const timeliness = timelinessChart('timeliness-chart', figures);
  const button = (label: string, to: number, disabled: boolean) => {
    const b = h('button', { type: 'button', disabled, 'data-focus-key': `year:${label}` }, label);
    b.addEventListener('click', () => move(to));
    return b;
  };
  const { rapidReviews, decisions, localReviews, learningEvents } = figures;
  const asOf = new Date(figures.actionsAsOf).toLocaleDateString('en-GB', { timeZone: 'Europe/London', day: 'numeric', month: 'long', year: 'numeric' });
  return h(
    'section',
    { 'aria-labelledby': 'year-heading' },
    h('h2', { id: 'year-heading' }, offset === 0 ? 'This year' : 'An earlier year'),
    h('p', {}, figures.label),
    h('div', { class: 'controls' }, button('← Previous year', offset - 1, offset <= -4), ' ', button('Next year →', offset + 1, offset >= 0)),
    h(
      'dl',
      { class: 'figures' },
      ...[
        ['Referrals', String(figures.referrals)],
        ['Notifications to the Panel', String(figures.notifications)],
        ['Decisions', String(decisions.total)],
        ['… reached by agreement', String(decisions.byAgreement)],
        ['… by deemed agreement (no response within 1 working day)', String(decisions.deemedAgreement)],
        ['… at stage 1 (partners’ meeting)', String(decisions.stage1)],
        ['… at stage 2 (decision maker)', String(decisions.stage2)],
        [
          'Median working days from becoming aware to the Panel notification',
          figures.medianWorkingDaysAwarenessToNotification === undefined ? 'No notifications yet' : String(figures.medianWorkingDaysAwarenessToNotification),
        ],
        ['Panel notifications within 5 working days of becoming aware', figures.notifications === 0 ? 'None sent yet' : `${figures.notificationsOnTime} of ${figures.notifications}`],
        ['Rapid reviews completed on time', rapidReviews.completed === 0 ? 'None completed yet' : `${rapidReviews.onTime} of ${rapidReviews.completed}`],
        ['Rapid reviews not held (the partners agreed, exceptionally)', String(rapidReviews.notHeld)],
        ['Deaths of care leavers logged', String(figures.careLeaverDeaths)],
        ['Local reviews (LCSPRs) commissioned (decided in the year)', String(localReviews.commissioned)],
        ['Local reviews published within 6 months of the decision', localReviews.published === 0 ? 'None published yet' : `${localReviews.publishedOnTime} of ${localReviews.published}`],
        ['Learning events with the report ready within 4 months', learningEvents.completed === 0 ? 'None completed yet' : `${learningEvents.withinFourMonths} of ${learningEvents.completed}`],
      ].flatMap(([term, value]) => [h('dt', {}, term), h('dd', {}, value)]),
    ),
    h(
      'section',
      { 'aria-labelledby': 'year-actions-heading' },
      h('h3', { id: 'year-actions-heading' }, 'Actions by agency'),
      figures.actionsByOwner.length === 0
        ? h('p', { class: 'empty' }, 'No actions open or closed in this year.')
        : h(
            'table',
            { class: 'year-actions' },
            h('caption', {}, `Open and overdue at ${asOf}; closed (impact evidenced) during the year.`),
            h('thead', {}, h('tr', {}, ...['Agency', 'Open', 'Of which overdue', 'Closed in the year'].map((c) => h('th', { scope: 'col' }, c)))),
            h(
              'tbody',
              {},
              ...figures.actionsByOwner.map((o) =>
                h('tr', { 'data-owner': o.owner }, h('th', { scope: 'row', 'data-label': 'Agency' }, o.owner), h('td', { 'data-label': 'Open' }, String(o.open)), h('td', { 'data-label': 'Of which overdue' }, String(o.overdue)), h('td', { 'data-label': 'Closed in the year' }, String(o.closed))),
              ),
            ),
          ),
    ),
    h('figure', {}, counts, h('figcaption', {}, 'Referrals, notifications and how decisions were reached')),
    h('figure', {}, timeliness, h('figcaption', {}, 'Median working days from the partnership becoming aware to the Panel notification, against the statutory 5 working days; rapid reviews completed within 15 working days')),
  );
}
