import { DateTime } from 'luxon';
import { bankHolidaysOfNation, isWeekendDate } from './bankHolidays.js';
import type { GovUkBankHolidays } from './govUkBankHolidays.js';
import { NationSchema, type Nation } from './nation.js';
import { LONDON_ZONE, WorkingHoursSchema, minutesOfDay, type WorkingHours } from './workingHours.js';

export type WorkingCalendarOptions = {
  nation: Nation;
  workingHours: WorkingHours;
  /** GOV.UK-format data; each year it covers replaces the library's list for that year. */
  published?: GovUkBankHolidays;
};

export type WorkingCalendar = {
  /** One working day's worth of working time, e.g. 8 h for 09:00-17:00. */
  readonly dayLengthMs: number;
  isWorkingDay(londonDate: string): boolean;
  isBankHoliday(londonDate: string): boolean;
  /** `days` may be fractional; a result exactly at a day's close is that close, not the next opening. */
  addWorkingDays(from: Date, days: number): Date;
  addWorkingTime(from: Date, ms: number): Date;
  /** Working time in [from, to), in ms; 0 if `to` is not after `from`. */
  workingTimeBetween(from: Date, to: Date): number;
  /** When half the working time from `from` to `due` has passed; never later than `due`. */
  halfway(from: Date, due: Date): Date;
  workingDaysBetween(from: Date, to: Date): number;
  /** `at` itself inside working hours, else the next opening (an instant exactly at close is outside). */
  startOfNextWorkingPeriod(at: Date): Date;
  /**
   * The close of the `days`-th working day before the London date `londonDate`, counted back, that
   * date itself not counted (002 5.x: a report "no later than seven working days before" publication).
   */
  closeOfWorkingDaysBefore(londonDate: string, days: number): Date;
};

type Interval = { readonly start: number; readonly end: number };

// Calendar dates are walked as whole days since 1970-01-01, which has no time zone and no clock changes.
const MS_PER_DAY = 86_400_000;
// A bound on any scan, so a wildly large duration fails loudly instead of spinning the bot.
const MAX_SCAN_DAYS = 366 * 100;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function createWorkingCalendar(options: WorkingCalendarOptions): WorkingCalendar {
  const nation = NationSchema.parse(options.nation);
  const hours = WorkingHoursSchema.parse(options.workingHours);
  const startMinute = minutesOfDay(hours.start);
  const endMinute = minutesOfDay(hours.end);
  // Nominal, not per-day: only hours that straddle 01:00-02:00 could differ on a clock-change day.
  const dayLengthMs = (endMinute - startMinute) * 60_000;
  const bankHolidaysOf = bankHolidaysOfNation(nation, options.published);
  // Deadlines cluster around the same few weeks, and each opening/closing costs a time-zone lookup.
  const intervals = new Map<number, Interval | null>();

  const isBankHolidayDate = (isoDate: string): boolean =>
    bankHolidaysOf(Number(isoDate.slice(0, 4))).has(isoDate);

  const isWorkingDate = (isoDate: string): boolean => !isWeekendDate(isoDate) && !isBankHolidayDate(isoDate);

  const workingIntervalOf = (day: number): Interval | null => {
    let interval = intervals.get(day);
    if (interval === undefined) {
      const date = new Date(day * MS_PER_DAY);
      const isoDate = date.toISOString().slice(0, 10);
      interval = isWorkingDate(isoDate)
        ? {
            start: londonWallClock(date, startMinute),
            end: londonWallClock(date, endMinute),
          }
        : null;
      intervals.set(day, interval);
    }
    return interval;
  };

  const addWorkingTime = (from: Date, ms: number): Date => {
    const fromMs = instantMs(from, 'from');
    if (!Number.isFinite(ms) || ms < 0) {
      throw new RangeError(`working time to add must be a finite number >= 0, got ${ms}`);
    }
    let remaining = ms;
    const firstDay = londonDayOf(fromMs);
    for (let day = firstDay; day < firstDay + MAX_SCAN_DAYS; day++) {
      const interval = workingIntervalOf(day);
      // `>=`: the close itself is outside working hours.
      if (!interval || fromMs >= interval.end) continue;
      const cursor = Math.max(fromMs, interval.start);
      const available = interval.end - cursor;
      // `<=`: work that runs out exactly at the close is due at that close.
      if (remaining <= available) return new Date(cursor + remaining);
      remaining -= available;
    }
    throw new RangeError(`adding ${ms} ms of working time runs beyond ${MAX_SCAN_DAYS} days`);
  };

  const workingTimeBetween = (from: Date, to: Date): number => {
    const fromMs = instantMs(from, 'from');
    const toMs = instantMs(to, 'to');
    if (toMs <= fromMs) return 0;
    let total = 0;
    for (let day = londonDayOf(fromMs), last = londonDayOf(toMs); day <= last; day++) {
      const interval = workingIntervalOf(day);
      if (!interval) continue;
      total += Math.max(0, Math.min(toMs, interval.end) - Math.max(fromMs, interval.start));
    }
    return total;
  };

  return {
    dayLengthMs,
    isWorkingDay: (londonDate) => isWorkingDate(checkedIsoDate(londonDate)),
    isBankHoliday: (londonDate) => isBankHolidayDate(checkedIsoDate(londonDate)),
    addWorkingTime,
    addWorkingDays: (from, days) => {
      if (!Number.isFinite(days) || days < 0) {
        throw new RangeError(`working days to add must be a finite number >= 0, got ${days}`);
      }
      return addWorkingTime(from, days * dayLengthMs);
    },
    workingTimeBetween,
    workingDaysBetween: (from, to) => workingTimeBetween(from, to) / dayLengthMs,
    halfway: (from, due) => {
      const half = addWorkingTime(from, Math.floor(workingTimeBetween(from, due) / 2));
      // With no working time in between, "half" would be the next opening, possibly after `due`.
      return half.getTime() > instantMs(due, 'due') ? new Date(due.getTime()) : half;
    },
    startOfNextWorkingPeriod: (at) => addWorkingTime(at, 0),
    closeOfWorkingDaysBefore: (londonDate, days) => {
      if (!Number.isInteger(days) || days < 1) throw new RangeError(`working days to count back must be a whole number >= 1, got ${days}`);
      const target = Date.parse(`${checkedIsoDate(londonDate)}T00:00:00Z`) / MS_PER_DAY;
      let counted = 0;
      for (let day = target - 1; day > target - MAX_SCAN_DAYS; day--) {
        const interval = workingIntervalOf(day);
        if (interval && ++counted === days) return new Date(interval.end);
      }
      throw new RangeError(`counting back ${days} working days runs beyond ${MAX_SCAN_DAYS} days`);
    },
  };
}

function instantMs(instant: Date, name: string): number {
  const ms = instant.getTime();
  if (Number.isNaN(ms)) throw new RangeError(`${name} is an invalid Date`);
  return ms;
}

function londonDayOf(ms: number): number {
  const local = DateTime.fromMillis(ms, { zone: LONDON_ZONE });
  return Date.UTC(local.year, local.month - 1, local.day) / MS_PER_DAY;
}

/** The instant a London wall clock shows `minuteOfDay` on the calendar date held in `date`'s UTC fields. */
function londonWallClock(date: Date, minuteOfDay: number): number {
  return DateTime.fromObject(
    {
      year: date.getUTCFullYear(),
      month: date.getUTCMonth() + 1,
      day: date.getUTCDate(),
      hour: Math.floor(minuteOfDay / 60),
      minute: minuteOfDay % 60,
    },
    { zone: LONDON_ZONE },
  ).toMillis();
}

function checkedIsoDate(londonDate: string): string {
  // Round-tripping through Date rejects 2026-02-30 and the like, which the pattern lets through.
  const parsed = ISO_DATE.test(londonDate) ? new Date(`${londonDate}T00:00:00Z`) : undefined;
  if (!parsed || Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== londonDate) {
    throw new RangeError(`expected a calendar date YYYY-MM-DD, got "${londonDate}"`);
  }
  return londonDate;
}
