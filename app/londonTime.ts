import { DateTime } from 'luxon';

/** A date and wall-clock time typed in England (Input.Date + Input.Time) as an instant, or undefined if invalid. */
export function londonInstant(date: string, time: string): Date | undefined {
  const parsed = DateTime.fromISO(`${date}T${time}`, { zone: 'Europe/London' });
  if (!parsed.isValid || !/^\d{4}-\d{2}-\d{2}$/.test(date) || !/^\d{2}:\d{2}$/.test(time)) return undefined;
  // A time that does not exist (inside the spring-forward gap) is refused rather than shifted.
  if (parsed.toFormat('HH:mm') !== time) return undefined;
  return parsed.toJSDate();
}
