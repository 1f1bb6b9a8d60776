import { DateTime } from 'luxon';

/** A date and wall-clock time typed in England (Input.Date + Input.Time) as an instant, or undefined if invalid. */
export function londonInstant(date: string, time: string): Date | undefined {
  // Some Teams clients send Input.Time with seconds; the minutes are what people typed.
  const hhmm = /^(\d{2}:\d{2})(?::\d{2})?$/.exec(time)?.[1];
  if (!hhmm || !/^\d{4}-\d{2}-\d{2}$/.test(date)) return undefined;
  const parsed = DateTime.fromISO(`${date}T${hhmm}`, { zone: 'Europe/London' });
  // A time that does not exist (inside the spring-forward gap) is refused rather than shifted.
  if (!parsed.isValid || parsed.toFormat('HH:mm') !== hhmm) return undefined;
  return parsed.toJSDate();
}
