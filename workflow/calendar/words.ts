import { DateTime } from 'luxon';
import { LONDON_ZONE } from './workingHours.js';

// Pinned locale: the wording goes into cards and messages and must not follow the host's settings.
const LOCALE = 'en-GB';

function inLondon(instant: Date, name: string): DateTime {
  if (Number.isNaN(instant.getTime())) throw new RangeError(`${name} is an invalid Date`);
  return DateTime.fromJSDate(instant, { zone: LONDON_ZONE }).setLocale(LOCALE);
}

/**
 * "16:30 on Monday 8 June", London time. The year is added ("… 8 June 2027") when it is not
 * now's London year, or when there is no `now` to be sure of.
 */
export function deadlineInWords(instant: Date, now?: Date): string {
  const local = inLondon(instant, 'instant');
  const sameYear = now !== undefined && inLondon(now, 'now').year === local.year;
  return local.toFormat(sameYear ? "HH:mm 'on' cccc d LLLL" : "HH:mm 'on' cccc d LLLL yyyy");
}

/** ISO 8601 with London's offset at that instant, e.g. 2026-06-08T16:30:00+01:00. */
export function londonIso(instant: Date): string {
  return inLondon(instant, 'instant').toISO({ suppressMilliseconds: true }) ?? instant.toISOString();
}
