import { DateTime } from 'luxon';
import type { WorkingCalendar } from '../calendar/workingCalendar.js';
import { LONDON_ZONE } from '../calendar/workingHours.js';

/**
 * What the tab's "late" and "overdue" flags mean, in words: late against a deadline (with its date)
 * or past a planned date, and by how many days. A review's deadlines and milestones are calendar
 * dates (six months, four months, a planned day), so they are counted in calendar days, London
 * time, a part day counting as one; an action's due date is a working day and its chasers count
 * working days, so the tab counts it the same way.
 */

const days = (n: number) => `${n} day${n === 1 ? '' : 's'}`;
const workingDays = (n: number) => `${n} working day${n === 1 ? '' : 's'}`;
const dayWords = (date: string) => DateTime.fromISO(date, { zone: LONDON_ZONE }).setLocale('en-GB').toFormat('cccc d LLLL yyyy');

/** Whole calendar days from `from` to `to` (London), a part day counting as one; 0 when not after. */
export function calendarDaysLate(from: Date, to: Date): number {
  const diff = DateTime.fromJSDate(to, { zone: LONDON_ZONE }).diff(DateTime.fromJSDate(from, { zone: LONDON_ZONE }), 'days').days;
  return diff > 0 ? Math.ceil(diff - 1e-9) : 0;
}

/** Days between two London dates (YYYY-MM-DD). */
const dateDiff = (from: string, to: string) => DateTime.fromISO(to, { zone: LONDON_ZONE }).diff(DateTime.fromISO(from, { zone: LONDON_ZONE }), 'days').days;

/** "3 days late": for a deadline overdue or met late. */
export const daysLateWords = (dueAt: string, at: Date): string => {
  const n = calendarDaysLate(new Date(dueAt), at);
  return n > 0 ? `${days(n)} late` : 'less than a day late';
};

/**
 * A milestone not done: "Late: 3 days past its planned date (Friday 26 June 2026)", and/or "planned
 * 2 days after the publication deadline (Wednesday 30 December 2026)". Undefined when not late.
 */
export function milestoneLateWords(plannedOn: string | undefined, today: string, deadline?: { date: string; about: string }, plannedIs = 'its planned date'): string | undefined {
  if (!plannedOn) return undefined;
  const parts: string[] = [];
  const past = dateDiff(plannedOn, today);
  if (past > 0) parts.push(`${days(past)} past ${plannedIs} (${dayWords(plannedOn)})`);
  const after = deadline ? dateDiff(deadline.date, plannedOn) : 0;
  if (deadline && after > 0) parts.push(`planned ${days(after)} after the ${deadline.about} (${dayWords(deadline.date)})`);
  return parts.length ? `Late: ${parts.join('; ')}` : undefined;
}

/** An overdue action: "Overdue: 2 working days past its due date (17:00 on Tuesday 30 June)". */
export function actionOverdueWords(dueAt: string, dueInWords: string, now: Date, calendar: WorkingCalendar): string {
  const late = calendar.workingDaysBetween(new Date(dueAt), now);
  return late > 0 ? `Overdue: ${workingDays(Math.ceil(late))} past its due date (${dueInWords})` : `Overdue: past its due date (${dueInWords}); no working day lost yet`;
}
