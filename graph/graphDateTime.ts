import { DateTime } from 'luxon';
import type { DateTimeTimeZone } from '@microsoft/microsoft-graph-types';
import { LONDON_ZONE } from '../workflow/calendar/workingHours.js';

/** Graph's dateTimeTimeZone with both fields present, as we always send them. */
export type GraphDateTime = Required<Pick<DateTimeTimeZone, 'dateTime'>> & { timeZone: string };

const WALL_CLOCK = "yyyy-MM-dd'T'HH:mm:ss";

/**
 * An instant as London wall-clock time, which is how Outlook shows the invitation to attendees
 * and how the partnership's working hours are written. Seconds are the finest unit sent.
 *
 * In the hour the clocks go back, 01:00-02:00 happens twice and a wall-clock time names two
 * instants; for those (never inside working hours) the instant is sent as UTC instead, which is
 * unambiguous.
 */
export function toGraphDateTime(instant: Date): GraphDateTime {
  const ms = instant.getTime();
  if (Number.isNaN(ms)) throw new RangeError('instant is an invalid Date');
  const whole = DateTime.fromMillis(Math.floor(ms / 1000) * 1000, { zone: LONDON_ZONE });
  const dateTime = whole.toFormat(WALL_CLOCK);
  // London's two offsets differ by an hour, so a wall time is ambiguous exactly when the instant
  // an hour earlier or later shows the same wall time.
  const ambiguous = [-1, 1].some((hours) => whole.plus({ hours }).toFormat(WALL_CLOCK) === dateTime);
  if (!ambiguous) return { dateTime, timeZone: LONDON_ZONE };
  return { dateTime: whole.toUTC().toFormat(WALL_CLOCK), timeZone: 'UTC' };
}
