import { DateTime } from 'luxon';
import type { WorkingCalendar } from '../calendar/workingCalendar.js';
import { LONDON_ZONE, type WorkingHours } from '../calendar/workingHours.js';
import { closeOfDay, startOfDay, workingDayBefore } from '../rapidReview/dates.js';

/**
 * The learning event's deadline (002 6.16): "ready for approval within four months from the date
 * of the decision to initiate a local learning event". Calendar months, counted from the London
 * date of the decision and clamped to the month's end (31 October -> 28 February, or 29 in a leap
 * year), as the LCSPR's six months are. The instant chosen is the close of working hours (17:00 by
 * default, the partnership's `workingHours.end`) on that date, London time, whatever the day of the
 * week: the seed counts months, not working days, so a due date on a Sunday is not moved, and the
 * overdue alert goes while people are still at work rather than at midnight.
 */

export const REPORT_MONTHS = 4;

/** The London date `months` calendar months after `date`, clamped to the end of a shorter month. */
export function addCalendarMonths(date: string, months: number): string {
  // luxon clamps: 2026-10-31 plus 4 months is 2027-02-28.
  return DateTime.fromISO(date, { zone: LONDON_ZONE }).plus({ months }).toISODate()!;
}

export function reportDueAt(decidedOn: string, hours: WorkingHours): Date {
  return closeOfDay(addCalendarMonths(decidedOn, REPORT_MONTHS), hours);
}

/**
 * Reminders before the deadline: at the opening of the 10th and of the 3rd working day before the
 * due date (the due date itself not counted; weekends and the nation's bank holidays skipped):
 * two weeks' notice to arrange the approval, then a last call. Chosen here; the seed sets none.
 */
export const REMINDER_DAYS = { tenDaysBefore: 10, threeDaysBefore: 3 } as const;

export function reminderAt(reportDue: Date, days: number, calendar: WorkingCalendar, hours: WorkingHours): Date {
  const dueDate = DateTime.fromJSDate(reportDue, { zone: LONDON_ZONE }).toISODate()!;
  return startOfDay(workingDayBefore(calendar, dueDate, days), hours);
}
