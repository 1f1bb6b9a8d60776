import type { WorkingCalendar } from '../workflow/calendar/workingCalendar.js';
import { when } from './wording.js';

/**
 * Deadlines counted in working days, the unit the procedure sets them in. Cards are pure and do
 * not build a calendar: without one (a caller that has none to hand) they give the date in words.
 */

export const workingDaysWords = (n: number): string => `${n} working day${n === 1 ? '' : 's'}`;

/**
 * "Overdue by 2 working days": a part day counts, so the whole of the first working day after
 * the due time is "1". Until any working time has passed (due at Friday's close, read on Saturday)
 * there is no count to give, so it says since when instead.
 */
export function overdueWords(dueIso: string, now: Date, calendar: WorkingCalendar | undefined): string {
  const late = workingDaysLate(dueIso, now, calendar);
  return late ? `Overdue by ${workingDaysWords(late)}` : `Overdue since ${when(dueIso, now)}`;
}

/** The count overdueWords gives, or undefined when it has none to give. */
export function workingDaysLate(dueIso: string, now: Date, calendar: WorkingCalendar | undefined): number | undefined {
  const late = calendar ? calendar.workingDaysBetween(new Date(dueIso), now) : 0;
  return late > 0 ? Math.ceil(late) : undefined;
}

/**
 * "3 working days left": whole days, rounded down, so the card never promises more time than
 * there is. Undefined without a calendar or once the time has passed (the card says so in words).
 */
function timeLeftWords(dueIso: string, now: Date, calendar: WorkingCalendar | undefined): string | undefined {
  if (!calendar || now.getTime() >= Date.parse(dueIso)) return undefined;
  const left = Math.floor(calendar.workingDaysBetween(now, new Date(dueIso)));
  return left >= 1 ? `${workingDaysWords(left)} left` : 'less than 1 working day left';
}

/** "3 working days left." as a sentence of its own, or undefined as timeLeftWords. */
export function timeLeftSentence(dueIso: string, now: Date, calendar: WorkingCalendar | undefined): string | undefined {
  const left = timeLeftWords(dueIso, now, calendar);
  return left ? `${left.charAt(0).toUpperCase()}${left.slice(1)}.` : undefined;
}

/** "17:00 on Monday 22 June (4 working days left)", or "(passed)" once it has gone by. */
export function deadlineWords(dueIso: string, now: Date, calendar: WorkingCalendar | undefined): string {
  const at = when(dueIso, now);
  if (now.getTime() >= Date.parse(dueIso)) return `${at} (passed)`;
  const left = timeLeftWords(dueIso, now, calendar);
  return left ? `${at} (${left})` : at;
}
