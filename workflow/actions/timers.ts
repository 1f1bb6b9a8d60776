import { iso, monitoring, type Recorder, sendKey } from '../kernel.js';
import { sendAsked } from '../whenAway.js';
import type { PartnershipConfig } from '../partnership.js';
import { londonDate, startOfDay, workingDayAfter, workingDayBefore } from '../rapidReview/dates.js';
import { declareTimers, timer, type Clock, type Timer } from '../timers.js';
import { firstWorkingDayAfterMonth, workingDaysAfter } from './dates.js';
import { ownerContacts, ownerEscalation } from './owners.js';
import { statusOf, type Action, type ActionsSlice } from './state.js';

/**
 * The actions' timers, from the case state like every other step's:
 *  - a reminder to the owner's contact and deputies at the opening of the 5th working day before
 *    the due date (actions run for weeks or months: a week's notice), unless the action was agreed
 *    or moved after that point;
 *  - once overdue, a chaser at the opening of the first working day after the due date, to the
 *    contacts and the owner's escalation contact (as the scoping chasers do), the monitoring
 *    channel flagged the first time; then again every 5 working days until evidence of completion;
 *  - a progress report for the executive in the monitoring channel at the opening of the first
 *    working day of each month while any action is not closed (002 7.1 "reported to the ...
 *    Executive on a regular basis": monthly is this product's choice).
 * Evidence of impact has no due date of its own in the seeds, so nothing chases it; the report
 * and the review group's board show what awaits it.
 */

export const REMINDER_WORKING_DAYS = 5;
export const OVERDUE_EVERY_WORKING_DAYS = 5;

function chase(r: Recorder, config: PartnershipConfig, a: Action, kind: 'reminder' | 'overdue', now: Date, day?: string) {
  const named = [...new Set([...ownerContacts(config, a.owner), ...(kind === 'overdue' ? [ownerEscalation(config, a.owner)].filter((x): x is string => x !== undefined) : [])])];
  // Someone away is not chased: their deputies are, told for whom (workflow/whenAway.ts); the history names who was.
  const to = sendAsked(r, config, now, named, { kind: 'actionChaser', action: a.id, chase: kind }, (id) => sendKey.actionChaser(a.id, kind, day ?? a.dueDate, id), false);
  r.record({ type: 'ActionChased', at: iso(now), action: a.id, chase: kind, ...(day ? { day } : {}), to });
  r.effect({ type: 'refreshCards' });
}

function actionTimersOf(a: Action, { calendar, hours }: Clock): Timer[] {
  const since = Date.parse(a.moves.at(-1)?.at ?? a.agreedAt);
  const reminderAt = startOfDay(workingDayBefore(calendar, a.dueDate, REMINDER_WORKING_DAYS), hours);
  const lastOverdue = a.chased.filter((c) => c.startsWith('overdue:')).map((c) => c.slice('overdue:'.length)).sort().at(-1);
  const next = lastOverdue ? workingDaysAfter(calendar, lastOverdue, OVERDUE_EVERY_WORKING_DAYS) : workingDayAfter(calendar, a.dueDate);
  return [
    ...(a.chased.includes('reminder') || reminderAt.getTime() <= since ? [] : timer('action:reminder', reminderAt, (r, { config }, now) => chase(r, config, a, 'reminder', now), new Date(a.dueAt), `action:${a.id}:reminder`)),
    ...timer(
      'action:overdue',
      startOfDay(next, hours),
      (r, { config }, now) => {
      // A sweep that comes late (it was down over a night or a weekend) chases when it runs: a due timer that did
      // nothing would leave the schedule index with that tick and never be looked at again (see returns.ts).
      const today = londonDate(now);
      const first = !a.chased.some((c) => c.startsWith('overdue:'));
      chase(r, config, a, 'overdue', now, today);
      if (first) r.effect({ type: 'send', key: sendKey.actionOverdueMonitoring(a.id, a.dueDate), to: monitoring, card: { kind: 'actionChaser', action: a.id, chase: 'overdue' }, tracked: false });
      },
      undefined,
      `action:${a.id}:overdue`,
    ),
  ];
}

/** The month the next report is for: the month after the last report, or after the first action was agreed. */
function reportTimer(s: ActionsSlice, { calendar, hours }: Clock): Timer[] {
  const live = s.actionOrder.map((id) => s.actions[id]!);
  if (!live.some((a) => statusOf(a) !== 'closed')) return [];
  const from = s.reported.at(-1) ?? londonDate(new Date(live[0]!.agreedAt)).slice(0, 7);
  return timer('actions:report', startOfDay(firstWorkingDayAfterMonth(calendar, from), hours), (r, _context, now) => {
    const month = londonDate(now).slice(0, 7);
    r.record({ type: 'ActionsReported', at: iso(now), month });
    r.effect({ type: 'send', key: sendKey.actionsReport(month), to: monitoring, card: { kind: 'actionsReport' }, tracked: false });
  });
}

export const actionTimers = declareTimers(['action:reminder', 'action:overdue', 'actions:report'], (state, clock) => {
  const s = state.actions;
  if (!s) return [];
  return [...s.actionOrder.flatMap((id) => (statusOf(s.actions[id]!) === 'open' ? actionTimersOf(s.actions[id]!, clock) : [])), ...reportTimer(s, clock)];
});
