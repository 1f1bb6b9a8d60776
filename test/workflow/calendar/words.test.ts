import { describe, expect, it } from 'vitest';
import { deadlineInWords, londonIso } from '../../../workflow/calendar/words.js';

describe('deadlineInWords', () => {
  const rows: { sentence: string; instant: string; now?: string; words: string }[] = [
    { sentence: 'a summer deadline this year is London time, without the year', instant: '2026-06-08T15:30:00Z', now: '2026-06-01T09:00:00Z', words: '16:30 on Monday 8 June' },
    { sentence: 'a winter deadline this year is GMT, without the year', instant: '2026-01-05T17:00:00Z', now: '2026-01-02T09:00:00Z', words: '17:00 on Monday 5 January' },
    { sentence: 'a deadline next year has the year', instant: '2027-06-08T15:30:00Z', now: '2026-12-01T09:00:00Z', words: '16:30 on Tuesday 8 June 2027' },
    { sentence: 'a deadline with no "now" has the year', instant: '2026-06-08T15:30:00Z', words: '16:30 on Monday 8 June 2026' },
    { sentence: 'just after midnight BST is the next London day, though still the previous UTC day', instant: '2026-06-30T23:30:00Z', now: '2026-06-30T12:00:00Z', words: '00:30 on Wednesday 1 July' },
    { sentence: 'years are compared in London: a UTC New Year\'s Eve that is already New Year in London is not', instant: '2027-01-04T12:00:00Z', now: '2026-12-31T23:30:00Z', words: '12:00 on Monday 4 January 2027' },
  ];
  it.each(rows)('$sentence', ({ instant, now, words }) => {
    expect(deadlineInWords(new Date(instant), now === undefined ? undefined : new Date(now))).toBe(words);
  });

  it('refuses an invalid Date', () => {
    expect(() => deadlineInWords(new Date('nonsense'))).toThrow(RangeError);
  });
});

describe('londonIso', () => {
  const rows: { sentence: string; instant: string; iso: string }[] = [
    { sentence: 'in summer it carries +01:00', instant: '2026-06-08T15:30:00Z', iso: '2026-06-08T16:30:00+01:00' },
    { sentence: 'in winter it carries +00:00', instant: '2026-01-05T09:00:00Z', iso: '2026-01-05T09:00:00+00:00' },
    { sentence: 'milliseconds are kept when there are any', instant: '2026-01-05T09:00:00.250Z', iso: '2026-01-05T09:00:00.250+00:00' },
  ];
  it.each(rows)('$sentence', ({ instant, iso }) => {
    expect(londonIso(new Date(instant))).toBe(iso);
    expect(new Date(iso).getTime()).toBe(new Date(instant).getTime());
  });
});
