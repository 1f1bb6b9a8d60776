import { describe, expect, it } from 'vitest';
import { toGraphDateTime } from '../../graph/graphDateTime.js';

describe('toGraphDateTime', () => {
  it.each([
    { sentence: 'summer time is sent as BST wall time', instant: '2026-05-05T08:00:00Z', expected: { dateTime: '2026-05-05T09:00:00', timeZone: 'Europe/London' } },
    { sentence: 'winter time is sent as GMT wall time', instant: '2026-01-06T09:00:00Z', expected: { dateTime: '2026-01-06T09:00:00', timeZone: 'Europe/London' } },
    { sentence: 'the first morning of summer time', instant: '2026-03-30T08:00:00Z', expected: { dateTime: '2026-03-30T09:00:00', timeZone: 'Europe/London' } },
    { sentence: 'milliseconds are dropped', instant: '2026-05-05T08:00:00.750Z', expected: { dateTime: '2026-05-05T09:00:00', timeZone: 'Europe/London' } },
    // 01:30 happens twice on 25 October 2026 (BST, then GMT): the wall time alone would be ambiguous.
    { sentence: 'the first 01:30 of the autumn change goes as UTC', instant: '2026-10-25T00:30:00Z', expected: { dateTime: '2026-10-25T00:30:00', timeZone: 'UTC' } },
    { sentence: 'the second 01:30 of the autumn change goes as UTC', instant: '2026-10-25T01:30:00Z', expected: { dateTime: '2026-10-25T01:30:00', timeZone: 'UTC' } },
  ])('$sentence', ({ instant, expected }) => {
    expect(toGraphDateTime(new Date(instant))).toEqual(expected);
  });

  it('refuses an invalid Date', () => {
    expect(() => toGraphDateTime(new Date('nope'))).toThrow(RangeError);
  });
});
