import { DateTime } from 'luxon';
import type { WorkingCalendar } from '../calendar/workingCalendar.js';
import { LONDON_ZONE, type WorkingHours } from '../calendar/workingHours.js';
import { closeOfDay, workingDayAfter, workingDayBefore } from '../rapidReview/dates.js';

/**
 * An action is due at the close of a working day the business unit chooses (a date, not an
 * instant: actions run for weeks or months). A date that is not a working day is refused with the
 * working days either side, rather than moved silently.
 */

const dateWords = (date: string) => DateTime.fromISO(date, { zone: LONDON_ZONE }).setLocale('en-GB').toFormat('cccc d LLLL yyyy');

export function dueDateProblem(calendar: WorkingCalendar, hours: WorkingHours, date: string, now: Date): string | undefined {
  const day = DateTime.fromISO(date, { zone: LONDON_ZONE });
  if (!day.isValid) return `${date} is not a date.`;
  if (!calendar.isWorkingDay(date)) {
    const why = calendar.isBankHoliday(date) ? 'a bank holiday' : 'not a working day';
    return `${dateWords(date)} is ${why}. Choose a working day, such as ${dateWords(workingDayBefore(calendar, date, 1))} or ${dateWords(workingDayAfter(calendar, date))}.`;
  }
  if (closeOfDay(date, hours).getTime() <= now.getTime()) return `${dateWords(date)} has already passed its close of working day; choose a later date.`;
  return undefined;
}

export const dueAtOf = (date: string, hours: WorkingHours): Date => closeOfDay(date, hours);

/** `n` working days after `date`. */
export function workingDaysAfter(calendar: WorkingCalendar, date: string, n: number): string {
  let day = date;
  for (let i = 0; i < n; i++) day = workingDayAfter(calendar, day);
  return day;
}

/** The first working day of the month after `month` ('2026-09' -> the first working day of October 2026). */
export function firstWorkingDayAfterMonth(calendar: WorkingCalendar, month: string): string {
  const first = DateTime.fromISO(`${month}-01`, { zone: LONDON_ZONE }).plus({ months: 1 }).toISODate()!;
  return calendar.isWorkingDay(first) ? first : workingDayAfter(calendar, first);
}

export { dateWords };
