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
  const { rapidReviews, decisions } = figures;
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
      ].flatMap(([term, value]) => [h('dt', {}, term), h('dd', {}, value)]),
    ),
    h('figure', {}, counts, h('figcaption', {}, 'Referrals, notifications and how decisions were reached')),
    h('figure', {}, timeliness, h('figcaption', {}, 'Median working days from the partnership becoming aware to the Panel notification, against the statutory 5 working days; rapid reviews completed within 15 working days')),
  );
}
