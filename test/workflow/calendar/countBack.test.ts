import { describe, expect, it } from 'vitest';
import { createWorkingCalendar, londonIso } from '../../../workflow/calendar/index.js';

/**
 * 002 5.18 (Section B, publication): "The Isle of Wight Safeguarding Children Partnership Team will send
 * a copy of the full report to the Child Safeguarding Practice Review Panel and to the Secretary of
 * State no later than **seven working days** before publication."
 * The latest instant is the close of the seventh working day counted back from the publication day,
 * that day itself not counted, over the partnership's nation's bank holidays.
 */

const england = createWorkingCalendar({ nation: 'england-and-wales', workingHours: { start: '09:00', end: '17:00' } });
const scotland = createWorkingCalendar({ nation: 'scotland', workingHours: { start: '09:00', end: '17:00' } });

describe('the close of the n-th working day before a date', () => {
  it.each([
    // publication day, n, latest instant, why
    ['2026-05-20', 7, '2026-05-11T17:00:00+01:00', 'Wednesday; back over a weekend (the issue\'s example)'],
    ['2026-05-26', 7, '2026-05-14T17:00:00+01:00', 'the Tuesday after the Spring bank holiday (25 May) is not counted, nor is the holiday'],
    ['2026-04-08', 7, '2026-03-26T17:00:00+00:00', 'back over Easter Monday and Good Friday, and across the clock change (29 March): 17:00 GMT'],
    ['2026-05-18', 1, '2026-05-15T17:00:00+01:00', 'a Monday: the working day before is the Friday'],
    ['2026-05-16', 1, '2026-05-15T17:00:00+01:00', 'a Saturday publication: the Friday before'],
    ['2027-01-05', 3, '2026-12-30T17:00:00+00:00', 'back over New Year (1 Jan 2027) and Christmas (25, 28 Dec 2026)'],
  ] as const)('%s, %i working days before: %s (%s)', (date, n, expected, _why) => {
    expect(londonIso(england.closeOfWorkingDaysBefore(date, n))).toBe(expected);
  });

  it("counts the partnership's own nation's bank holidays: 2 January is one in Scotland only", () => {
    expect(londonIso(england.closeOfWorkingDaysBefore('2026-01-06', 2))).toBe('2026-01-02T17:00:00+00:00');
    expect(londonIso(scotland.closeOfWorkingDaysBefore('2026-01-06', 2))).toBe('2025-12-31T17:00:00+00:00');
  });

  it('refuses a count that is not a whole number of days, and a date that does not exist', () => {
    expect(() => england.closeOfWorkingDaysBefore('2026-05-20', 0)).toThrow(RangeError);
    expect(() => england.closeOfWorkingDaysBefore('2026-05-20', 1.5)).toThrow(RangeError);
    expect(() => england.closeOfWorkingDaysBefore('2026-02-30', 7)).toThrow(RangeError);
  });
});
