import { DateTime } from 'luxon';
import type { WorkingCalendar } from '../calendar/workingCalendar.js';
import { LONDON_ZONE } from '../calendar/workingHours.js';
import { words } from '../kernel.js';
import { dayWords } from './common.js';
import { copyDueAt, COPY_WORKING_DAYS, londonDateOf } from './rules.js';
import type { LocalReview } from './state.js';

/**
 * A copy already sent, checked again when publication is planned for another day (002 5.18: "no
 * later than seven working days before publication"). The deadline follows the planned day, so a
 * copy on time for 2 December can be late for 25 November, and the reverse: the fold re-evaluates
 * `copySent` against each new plan (state.ts), and the reply to the move says what changed.
 */

const nextDate = (date: string): string => DateTime.fromISO(date, { zone: LONDON_ZONE }).plus({ days: 1 }).toISODate()!;

/** Working days after the deadline's day up to and including the day the copy went (0: the same day, after its close). */
export function workingDaysLate(calendar: WorkingCalendar, sentAt: string, dueAt: string): number {
  const sentDate = londonDateOf(new Date(sentAt));
  let n = 0;
  for (let d = nextDate(londonDateOf(new Date(dueAt))); d <= sentDate; d = nextDate(d)) if (calendar.isWorkingDay(d)) n++;
  return n;
}

/** The first publication day, today or later, whose copy deadline the copy sent at `sentAt` meets. */
export function earliestCompliantDay(calendar: WorkingCalendar, sentAt: string, now: Date): string {
  let d = londonDateOf(now);
  // Seven working days and any holiday season fit well inside 60 calendar days; the bound keeps a bad calendar from spinning.
  for (let i = 0; i < 60 && copyDueAt(calendar, d).getTime() < Date.parse(sentAt); i++) d = nextDate(d);
  return d;
}

/** What moving publication to a day whose copy deadline is `newDueAt` does to a copy already sent ('' when nothing changes). */
export function copyRecheckWords(calendar: WorkingCalendar, l: LocalReview, newDueAt: string, now: Date): string {
  const sent = l.copySent;
  if (!sent) return '';
  const onTime = Date.parse(sent.sentAt) <= Date.parse(newDueAt);
  const day = dayWords(londonDateOf(new Date(sent.sentAt)));
  if (onTime) return sent.onTime ? '' : ` The copy sent on ${day} is now on time against the new deadline, ${words(newDueAt, now)}.`;
  const n = workingDaysLate(calendar, sent.sentAt, newDueAt);
  const late = n === 0 ? 'late' : `${n} working day${n === 1 ? '' : 's'} late`;
  return (
    ` The copy sent on ${day} is ${sent.onTime ? 'now' : 'still'} ${late} against the new deadline, ${words(newDueAt, now)}; the Panel and the Secretary of State must have it ${COPY_WORKING_DAYS} working days before publication:` +
    ` move publication to ${dayWords(earliestCompliantDay(calendar, sent.sentAt, now))} or later.`
  );
}
