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
  if (Number.isNaN(instant.getTime())) throw new RangeError('instant is an invalid Date');
  if (now !== undefined && Number.isNaN(now.getTime())) throw new RangeError('now is an invalid Date');
  // London keeps GMT (UTC+0) around every New Year, so its year is always the UTC year.
  const sameYear = now !== undefined && now.getUTCFullYear() === instant.getUTCFullYear();
  // Cards show the same few deadlines again and again, and luxon's time-zone arithmetic was a
  // tenth of a partner reply's time: the words for an instant never change, so they are kept.
  const key = `${instant.getTime()}|${sameYear}`;
  let words = WORDS.get(key);
  if (words === undefined) {
    words = inLondon(instant, 'instant').toFormat(sameYear ? "HH:mm 'on' cccc d LLLL" : "HH:mm 'on' cccc d LLLL yyyy");
    if (WORDS.size >= MAX_WORDS) WORDS.clear();
    WORDS.set(key, words);
  }
  return words;
}

const WORDS = new Map<string, string>();
const MAX_WORDS = 10_000;

/** ISO 8601 with London's offset at that instant, e.g. 2026-06-08T16:30:00+01:00. */
export function londonIso(instant: Date): string {
  return inLondon(instant, 'instant').toISO({ suppressMilliseconds: true }) ?? instant.toISOString();
}
