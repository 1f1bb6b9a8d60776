import { iso, monitoring, person, type Recorder, sendKey } from '../kernel.js';
import type { PartnershipConfig } from '../partnership.js';
import { declareTimers, timer, type Clock, type Timer } from '../timers.js';
import { businessUnitIds } from './common.js';
import { endOfLondonDate, londonDateOf, REMINDER_WORKING_DAYS, reminderAt } from './rules.js';
import { publishDecision, type LocalReview } from './state.js';
import { MILESTONES } from './words.js';

/**
 * The local review's clock. Nothing is decided by silence: the clock only reminds and alerts.
 *  - Before each deadline (the copy to the Panel and the Secretary of State; publication within six
 *    months) the business unit is reminded at the close of the 10th and of the 3rd working day
 *    before the deadline's day (our choice; the seed sets none). Each reminder lapses when the next
 *    is due, so a date planned late sends only the reminder that still applies.
 *  - When a deadline passes unmet, the business unit and the monitoring channel are alerted at the
 *    start of the next working day: a deadline is the end of its day (the copy's, the close of its
 *    working day; publication's, the end of the six-month day, 00:00 London), and an alert at
 *    midnight or on a Saturday reaches nobody sooner than one at the next opening. The learning
 *    event's overdue alert follows the same rule (learningEvent/timers.ts).
 *  - A milestone not recorded by its planned day is chased at the start of the next working day.
 * Each is recorded with the deadline it was about ("copyOverdue:<instant>", "milestone:<m>:<date>"),
 * so moving the publication day or a milestone earns the reminders again for the new date.
 */

/** The kinds of the local review's timers: a milestone's is one kind whichever milestone it is about. */
const LOCAL_REVIEW_TIMER_KINDS = [
  ...['publicationReminder', 'copyReminder'].flatMap((prefix) => REMINDER_WORKING_DAYS.map((n) => `localReview:${prefix}${n}`)),
  'localReview:publicationOverdue',
  'localReview:copyOverdue',
  'localReview:milestone',
];

/** `name` names the timer (one of each at a time, per milestone `about`); `key` also names the deadline it is about. */
function chase(name: string, key: string, l: LocalReview, at: Date, kind: 'localReviewReminder' | 'localReviewOverdue', alsoMonitoring: boolean, until?: Date, about?: string): Timer[] {
  if (l.chased.includes(key)) return [];
  return timer(
    `localReview:${name}`,
    at,
    (r: Recorder, { config }: { config: PartnershipConfig }, now: Date) => {
      const to = businessUnitIds(config);
      r.record({ type: 'LocalReviewChased', at: iso(now), chase: key, to });
      for (const id of to) r.effect({ type: 'send', key: sendKey.localReviewChase(kind, key, id), to: person(id), card: { kind }, tracked: false });
      if (alsoMonitoring) r.effect({ type: 'send', key: sendKey.localReviewChase(kind, key, 'monitoring'), to: monitoring, card: { kind }, tracked: false });
      r.effect({ type: 'refreshCards' });
    },
    until,
    about === undefined ? undefined : `localReview:${name}:${about}`,
  );
}

/** Reminders at the close of the 10th and 3rd working day before `date`, each until the next (the last until `deadline`). */
function reminders(prefix: string, suffix: string, l: LocalReview, date: string, deadline: Date, calendar: Clock['calendar']): Timer[] {
  const instants = REMINDER_WORKING_DAYS.map((n) => ({ n, at: reminderAt(calendar, date, n) }));
  return instants.flatMap(({ n, at }, i) => chase(`${prefix}${n}`, `${prefix}${n}${suffix}`, l, at, 'localReviewReminder', false, instants[i + 1]?.at ?? deadline));
}

export const localReviewTimers = declareTimers(LOCAL_REVIEW_TIMER_KINDS, (state, { calendar }) => {
  const l = state.localReview;
  if (!l) return [];
  const out: Timer[] = [];
  const publishing = !l.published && publishDecision(l) !== false;
  if (publishing) {
    const end = endOfLondonDate(l.publicationDueDate);
    out.push(...reminders('publicationReminder', '', l, l.publicationDueDate, end, calendar));
    out.push(...chase('publicationOverdue', 'publicationOverdue', l, calendar.startOfNextWorkingPeriod(end), 'localReviewOverdue', true));
  }
  if (l.publication && !l.copySent && publishing) {
    const due = new Date(l.publication.copyDueAt);
    out.push(...reminders('copyReminder', `:${l.publication.copyDueAt}`, l, londonDateOf(due), due, calendar));
    out.push(...chase('copyOverdue', `copyOverdue:${l.publication.copyDueAt}`, l, calendar.startOfNextWorkingPeriod(due), 'localReviewOverdue', true));
  }
  for (const m of MILESTONES) {
    const record = l.milestones[m];
    if (!record?.plannedDate || record.done) continue;
    out.push(...chase('milestone', `milestone:${m}:${record.plannedDate}`, l, calendar.startOfNextWorkingPeriod(endOfLondonDate(record.plannedDate)), 'localReviewOverdue', false, undefined, m));
  }
  return out;
});
