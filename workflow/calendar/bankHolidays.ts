import Holidays from 'date-holidays';
import type { GovUkBankHolidays } from './govUkBankHolidays.js';
import type { Nation } from './nation.js';

/** Bank holidays of one calendar year as London dates (YYYY-MM-DD), weekdays only. */
export type BankHolidaysOfYear = ReadonlySet<string>;

// 'ENG', not 'EAW': date-holidays' 'EAW' region silently lacks the Summer bank holiday.
const LIBRARY_REGION: Record<Nation, string> = {
  'england-and-wales': 'ENG',
  scotland: 'SCT',
  'northern-ireland': 'NIR',
};

// Building a Holidays instance compiles the library's rules for the country, so do it once per nation.
const libraries = new Map<Nation, Holidays>();

function libraryFor(nation: Nation): Holidays {
  let library = libraries.get(nation);
  if (!library) {
    library = new Holidays('GB', LIBRARY_REGION[nation]);
    libraries.set(nation, library);
  }
  return library;
}

/** Saturday or Sunday, for a YYYY-MM-DD calendar date (no time zone involved). */
export function isWeekendDate(isoDate: string): boolean {
  const weekday = new Date(`${isoDate}T00:00:00Z`).getUTCDay();
  return weekday === 0 || weekday === 6;
}

/**
 * The library's bank holidays for a year. It lists the nominal day even when it falls at a weekend
 * (Christmas Day 2022 on a Sunday) beside the weekday substitute, so weekend entries are dropped:
 * they would never change a working-day count, and GOV.UK does not list them either.
 */
export function libraryBankHolidays(nation: Nation, year: number): string[] {
  return libraryFor(nation)
    .getHolidays(year)
    .filter((holiday) => holiday.type === 'public')
    // `date` is local to the country ("2022-12-27 00:00:00"), unlike `start`, which is UTC.
    .map((holiday) => holiday.date.slice(0, 10))
    .filter((date) => !isWeekendDate(date));
}

/** GOV.UK-format events for the nation's division, grouped by calendar year. */
export function publishedBankHolidaysByYear(
  published: GovUkBankHolidays | undefined,
  nation: Nation,
): Map<number, string[]> {
  const byYear = new Map<number, string[]>();
  for (const event of published?.[nation]?.events ?? []) {
    const year = Number(event.date.slice(0, 4));
    // The year counts as covered even by a weekend-only event: coverage, not content, decides replacement.
    const dates = byYear.get(year) ?? [];
    byYear.set(year, dates);
    if (!isWeekendDate(event.date)) dates.push(event.date);
  }
  return byYear;
}

/**
 * Bank holidays for a nation, year by year. Any year the published data covers replaces the
 * library's list wholesale, so a one-off day proclaimed at short notice (or one cancelled) is
 * honoured without a release; other years come from the library. Years are computed once and cached.
 */
export function bankHolidaysOfNation(
  nation: Nation,
  published?: GovUkBankHolidays,
): (year: number) => BankHolidaysOfYear {
  const publishedByYear = publishedBankHolidaysByYear(published, nation);
  const cache = new Map<number, BankHolidaysOfYear>();
  return (year) => {
    let holidays = cache.get(year);
    if (!holidays) {
      holidays = new Set(publishedByYear.get(year) ?? libraryBankHolidays(nation, year));
      cache.set(year, holidays);
    }
    return holidays;
  };
}
