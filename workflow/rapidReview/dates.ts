import { DateTime } from 'luxon';
import type { WorkingCalendar } from '../calendar/workingCalendar.js';
import { LONDON_ZONE, type WorkingHours } from '../calendar/workingHours.js';

/**
 * Day-based dates of the rapid review: returns due at the close of a working day, chasers at the
 * start of one. Working hours are London wall-clock times, so clock changes need no special case.
 */

export function londonDate(instant: Date): string {
  return DateTime.fromJSDate(instant, { zone: LONDON_ZONE }).toISODate()!;
}

function at(date: string, clock: string): Date {
  return DateTime.fromISO(`${date}T${clock}`, { zone: LONDON_ZONE }).toJSDate();
}

export function startOfDay(date: string, hours: WorkingHours): Date {
  return at(date, hours.start);
}

export function closeOfDay(date: string, hours: WorkingHours): Date {
  return at(date, hours.end);
}

function shift(date: string, days: number): string {
  return DateTime.fromISO(date, { zone: LONDON_ZONE }).plus({ days }).toISODate()!;
}

/** The working day `n` working days before `date` (n >= 1). */
export function workingDayBefore(calendar: WorkingCalendar, date: string, n: number): string {
  let day = date;
  for (let found = 0; found < n; ) {
    day = shift(day, -1);
    if (calendar.isWorkingDay(day)) found++;
  }
  return day;
}

/** The first working day after `date`. */
export function workingDayAfter(calendar: WorkingCalendar, date: string): string {
  let day = shift(date, 1);
  while (!calendar.isWorkingDay(day)) day = shift(day, 1);
  return day;
}

/** Papers go to members one week before the meeting. */
export function papersDueFor(meetingAt: Date): Date {
  return DateTime.fromJSDate(meetingAt, { zone: LONDON_ZONE }).minus({ weeks: 1 }).toJSDate();
}

/** Returns are due by default at the close of the working day before the papers go out. */
export function defaultReturnsDue(calendar: WorkingCalendar, hours: WorkingHours, papersDueAt: Date): Date {
  return closeOfDay(workingDayBefore(calendar, londonDate(papersDueAt), 1), hours);
}
