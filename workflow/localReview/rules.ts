import { DateTime } from 'luxon';
import type { WorkingCalendar } from '../calendar/workingCalendar.js';
import { LONDON_ZONE } from '../calendar/workingHours.js';

/**
 * The local review's deadlines, as pure functions of dates (002 5.16, 5.18).
 *
 * 5.16: "reports should be completed and published within **six months** from the date of the
 * decision to initiate a review." The decision instant's London calendar date plus six calendar
 * months, with luxon's month arithmetic (the same as Temporal's `PlainDate.add({months})` with
 * overflow "constrain"): a day that does not exist in the target month is clamped to its last day,
 * so 31 August gives 28 February (29 in a leap year). The seed says "within six months", a whole
 * day: publication on that date is on time, so the deadline instant is the end of that London day
 * (the next day's 00:00, exclusive).
 *
 * 5.18: "send a copy of the full report to the Child Safeguarding Practice Review Panel and to the
 * Secretary of State no later than **seven working days** before publication": the close of the
 * 7th working day before the PLANNED publication day, counted back, the publication day itself not
 * counted, on the partnership's nation's bank holidays (`calendar.closeOfWorkingDaysBefore`).
 */

export const PUBLICATION_MONTHS = 6;
export const COPY_WORKING_DAYS = 7;
/**
 * Reminders before each deadline, in working days: our choice (the seed sets none). Each is sent at
 * the close of that many working days before the deadline's day, so 10 and 3 give the business
 * unit two working weeks and then most of a week to act.
 */
export const REMINDER_WORKING_DAYS = [10, 3] as const;

export function londonDateOf(instant: Date): string {
  return DateTime.fromJSDate(instant, { zone: LONDON_ZONE }).toISODate()!;
}

/** The last London calendar date on which publication is still within six months of the decision. */
export function publicationDueDate(decidedAt: Date): string {
  return DateTime.fromJSDate(decidedAt, { zone: LONDON_ZONE }).startOf('day').plus({ months: PUBLICATION_MONTHS }).toISODate()!;
}

/** The instant a London date ends (the next day's 00:00 London time): "on or before that day" ends here. */
export function endOfLondonDate(date: string): Date {
  return DateTime.fromISO(date, { zone: LONDON_ZONE }).plus({ days: 1 }).startOf('day').toJSDate();
}

/** The copy to the Panel and the Secretary of State: close of the 7th working day before the planned publication day. */
export function copyDueAt(calendar: WorkingCalendar, plannedPublicationDate: string): Date {
  return calendar.closeOfWorkingDaysBefore(plannedPublicationDate, COPY_WORKING_DAYS);
}

/** A reminder `days` working days before a deadline falling on `deadlineDate`: the close of that working day. */
export function reminderAt(calendar: WorkingCalendar, deadlineDate: string, days: number): Date {
  return calendar.closeOfWorkingDaysBefore(deadlineDate, days);
}

/** Whether a publication date (planned or actual) is later than the six-month deadline. */
export const pastSixMonths = (date: string, dueDate: string): boolean => date > dueDate;

export const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A real calendar date YYYY-MM-DD (2027-02-30 is not). */
export function isCalendarDate(date: string): boolean {
  return ISO_DATE.test(date) && DateTime.fromISO(date, { zone: LONDON_ZONE }).isValid && DateTime.fromISO(date).toISODate() === date;
}
