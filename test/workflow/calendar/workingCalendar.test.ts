import { describe, expect, it } from 'vitest';
import { createWorkingCalendar } from '../../../workflow/calendar/workingCalendar.js';
import { DEFAULT_WORKING_HOURS, type WorkingHours } from '../../../workflow/calendar/workingHours.js';
import type { Nation } from '../../../workflow/calendar/nation.js';
import { londonIso } from '../../../workflow/calendar/words.js';

const HOUR = 3_600_000;
const england = createWorkingCalendar({ nation: 'england-and-wales', workingHours: DEFAULT_WORKING_HOURS });
const scotland = createWorkingCalendar({ nation: 'scotland', workingHours: DEFAULT_WORKING_HOURS });
const northernIreland = createWorkingCalendar({ nation: 'northern-ireland', workingHours: DEFAULT_WORKING_HOURS });
const calendars: Record<Nation, typeof england> = {
  'england-and-wales': england,
  scotland,
  'northern-ireland': northernIreland,
};

type Row = { sentence: string; from: string; days: number; due: string; nation?: Nation };

// Instants are written with the London offset in force, so each row reads as the wall clock.
const addWorkingDaysRows: Row[] = [
  { sentence: 'Friday 16:30 before the Early May bank holiday + 1 WD is Tuesday 16:30 (30 min Friday, 7 h 30 Tuesday)', from: '2026-05-01T16:30:00+01:00', days: 1, due: '2026-05-05T16:30:00+01:00' },
  { sentence: 'Wednesday 16:00 before the Platinum Jubilee days + 1 WD is Monday 16:00', from: '2022-06-01T16:00:00+01:00', days: 1, due: '2022-06-06T16:00:00+01:00' },
  { sentence: 'Friday noon before the state funeral + 1 WD is Tuesday noon', from: '2022-09-16T12:00:00+01:00', days: 1, due: '2022-09-20T12:00:00+01:00' },
  { sentence: 'Friday 10:00 before the coronation + 1 WD is Tuesday 10:00', from: '2023-05-05T10:00:00+01:00', days: 1, due: '2023-05-09T10:00:00+01:00' },
  { sentence: 'Friday 23 December 2022 15:00 + 1 WD skips Boxing Day and the Christmas substitute to Wednesday 28th', from: '2022-12-23T15:00:00+00:00', days: 1, due: '2022-12-28T15:00:00+00:00' },
  { sentence: 'Christmas Eve 2021 (Friday) 11:00 + 1 WD skips both substitute days to Wednesday 29th', from: '2021-12-24T11:00:00+00:00', days: 1, due: '2021-12-29T11:00:00+00:00' },
  { sentence: 'Christmas Eve 2027 (Friday) 16:00 + 1 WD skips both substitute days to Wednesday 29th', from: '2027-12-24T16:00:00+00:00', days: 1, due: '2027-12-29T16:00:00+00:00' },
  { sentence: 'Christmas Eve 2026 (Thursday) 16:00 + 1 WD skips Christmas Day and the Boxing Day substitute to Tuesday 29th', from: '2026-12-24T16:00:00+00:00', days: 1, due: '2026-12-29T16:00:00+00:00' },
  { sentence: 'New Year\'s Eve 2021 14:00 + 1 WD skips the New Year substitute to Tuesday 4 January', from: '2021-12-31T14:00:00+00:00', days: 1, due: '2022-01-04T14:00:00+00:00' },
  { sentence: 'in Scotland, New Year\'s Eve 2021 14:00 + 1 WD skips both substitutes to Wednesday 5 January', from: '2021-12-31T14:00:00+00:00', days: 1, due: '2022-01-05T14:00:00+00:00', nation: 'scotland' },
  { sentence: 'Friday 27 March 2026 16:00 GMT + 1 WD is Monday 16:00 BST, across the spring clock change', from: '2026-03-27T16:00:00+00:00', days: 1, due: '2026-03-30T16:00:00+01:00' },
  { sentence: 'Friday 23 October 2026 16:00 BST + 1 WD is Monday 16:00 GMT, across the autumn clock change', from: '2026-10-23T16:00:00+01:00', days: 1, due: '2026-10-26T16:00:00+00:00' },
  { sentence: 'received on a Saturday morning + 1 WD is Monday 17:00', from: '2026-06-06T10:00:00+01:00', days: 1, due: '2026-06-08T17:00:00+01:00' },
  { sentence: 'received late on a Saturday night + 1 WD is still Monday 17:00', from: '2026-06-06T23:59:00+01:00', days: 1, due: '2026-06-08T17:00:00+01:00' },
  { sentence: 'received on the Saturday before a bank holiday Monday + 1 WD is Tuesday 17:00', from: '2026-05-02T10:00:00+01:00', days: 1, due: '2026-05-05T17:00:00+01:00' },
  { sentence: 'received on a bank holiday + 1 WD is the next day 17:00', from: '2026-05-04T12:00:00+01:00', days: 1, due: '2026-05-05T17:00:00+01:00' },
  { sentence: 'received at 18:00 on Wednesday + 1 WD is Thursday 17:00', from: '2026-06-10T18:00:00+01:00', days: 1, due: '2026-06-11T17:00:00+01:00' },
  { sentence: 'received at 07:00 on Wednesday + 1 WD is Wednesday 17:00', from: '2026-06-10T07:00:00+01:00', days: 1, due: '2026-06-10T17:00:00+01:00' },
  { sentence: 'received exactly at 17:00 on Wednesday + 1 WD is Thursday 17:00 (the close is outside hours)', from: '2026-06-10T17:00:00+01:00', days: 1, due: '2026-06-11T17:00:00+01:00' },
  { sentence: 'received at 09:00 on a working day + 1 WD is 17:00 the same day, not 09:00 the next', from: '2026-06-10T09:00:00+01:00', days: 1, due: '2026-06-10T17:00:00+01:00' },
  { sentence: 'received at 16:59 on Wednesday + 1 WD is Thursday 16:59', from: '2026-06-10T16:59:00+01:00', days: 1, due: '2026-06-11T16:59:00+01:00' },
  { sentence: 'in England, New Year\'s Day 2026 10:00 + 1 WD is Friday 2 January 17:00', from: '2026-01-01T10:00:00+00:00', days: 1, due: '2026-01-02T17:00:00+00:00' },
  { sentence: 'in Scotland, New Year\'s Day 2026 10:00 + 1 WD is Monday 5 January 17:00, 2 January being a holiday', from: '2026-01-01T10:00:00+00:00', days: 1, due: '2026-01-05T17:00:00+00:00', nation: 'scotland' },
  { sentence: 'in England, Friday 31 July 2026 10:00 + 1 WD is Monday 3 August 10:00', from: '2026-07-31T10:00:00+01:00', days: 1, due: '2026-08-03T10:00:00+01:00' },
  { sentence: 'in Scotland, Friday 31 July 2026 10:00 + 1 WD skips the Summer bank holiday to Tuesday 4 August', from: '2026-07-31T10:00:00+01:00', days: 1, due: '2026-08-04T10:00:00+01:00', nation: 'scotland' },
  { sentence: 'in England, Wednesday 26 August 2026 10:00 + 5 WD skips the Summer bank holiday to Thursday 3 September', from: '2026-08-26T10:00:00+01:00', days: 5, due: '2026-09-03T10:00:00+01:00' },
  { sentence: 'in Scotland, Wednesday 26 August 2026 10:00 + 5 WD is Wednesday 2 September', from: '2026-08-26T10:00:00+01:00', days: 5, due: '2026-09-02T10:00:00+01:00', nation: 'scotland' },
  { sentence: 'in Northern Ireland, Friday 10 July 2026 10:00 + 1 WD skips the Boyne substitute to Tuesday 14 July', from: '2026-07-10T10:00:00+01:00', days: 1, due: '2026-07-14T10:00:00+01:00', nation: 'northern-ireland' },
  { sentence: 'Monday 10:00 + 5 WD is the next Monday 10:00', from: '2026-06-08T10:00:00+01:00', days: 5, due: '2026-06-15T10:00:00+01:00' },
  { sentence: 'Wednesday 20 May 2026 14:00 + 5 WD skips the Spring bank holiday to Thursday 28 May', from: '2026-05-20T14:00:00+01:00', days: 5, due: '2026-05-28T14:00:00+01:00' },
  { sentence: 'received on a Saturday + 5 WD is the close of the following Friday', from: '2026-06-06T10:00:00+01:00', days: 5, due: '2026-06-12T17:00:00+01:00' },
  { sentence: 'Monday 14 December 2026 10:00 + 15 WD skips Christmas and New Year to Thursday 7 January 2027', from: '2026-12-14T10:00:00+00:00', days: 15, due: '2027-01-07T10:00:00+00:00' },
  { sentence: 'in Scotland, Monday 14 December 2026 10:00 + 15 WD also skips the 2 January substitute to Friday 8 January 2027', from: '2026-12-14T10:00:00+00:00', days: 15, due: '2027-01-08T10:00:00+00:00', nation: 'scotland' },
  { sentence: 'Monday 2 March 2026 10:00 + 15 WD, three clear weeks, is Monday 23 March 10:00', from: '2026-03-02T10:00:00+00:00', days: 15, due: '2026-03-23T10:00:00+00:00' },
  { sentence: 'Monday 16 March 2026 10:00 GMT + 15 WD crosses the clock change and Easter to Wednesday 8 April 10:00 BST', from: '2026-03-16T10:00:00+00:00', days: 15, due: '2026-04-08T10:00:00+01:00' },
  { sentence: 'Monday 16:00 + half a WD is Tuesday 12:00 (1 h Monday, 3 h Tuesday)', from: '2026-06-08T16:00:00+01:00', days: 0.5, due: '2026-06-09T12:00:00+01:00' },
  { sentence: 'inside working hours + 0 WD is the same instant', from: '2026-06-08T15:00:00+01:00', days: 0, due: '2026-06-08T15:00:00+01:00' },
  { sentence: 'outside working hours + 0 WD is the next opening', from: '2026-06-08T17:00:00+01:00', days: 0, due: '2026-06-09T09:00:00+01:00' },
];

describe('addWorkingDays, 09:00-17:00', () => {
  it.each(addWorkingDaysRows)('$sentence', ({ from, days, due, nation = 'england-and-wales' }) => {
    expect(londonIso(calendars[nation].addWorkingDays(new Date(from), days))).toBe(due);
  });

  it('puts the spring clock-change example at 15:00 UTC on Monday', () => {
    expect(england.addWorkingDays(new Date('2026-03-27T16:00:00Z'), 1).toISOString()).toBe('2026-03-30T15:00:00.000Z');
  });

  it('puts the autumn clock-change example at 16:00 UTC on Monday', () => {
    expect(england.addWorkingDays(new Date('2026-10-23T15:00:00Z'), 1).toISOString()).toBe('2026-10-26T16:00:00.000Z');
  });

  it('refuses negative, infinite or NaN days and invalid dates', () => {
    const from = new Date('2026-06-08T10:00:00+01:00');
    expect(() => england.addWorkingDays(from, -1)).toThrow(RangeError);
    expect(() => england.addWorkingDays(from, Number.POSITIVE_INFINITY)).toThrow(RangeError);
    expect(() => england.addWorkingDays(from, Number.NaN)).toThrow(RangeError);
    expect(() => england.addWorkingDays(new Date('nonsense'), 1)).toThrow(/invalid Date/);
  });
});

describe('working hours 08:30-16:00 (a 7 h 30 working day)', () => {
  const hours: WorkingHours = { start: '08:30', end: '16:00' };
  const calendar = createWorkingCalendar({ nation: 'england-and-wales', workingHours: hours });
  const rows: Row[] = [
    { sentence: 'Friday 15:00 before a bank holiday Monday + 1 WD is Tuesday 15:00 (1 h Friday, 6 h 30 Tuesday)', from: '2026-05-01T15:00:00+01:00', days: 1, due: '2026-05-05T15:00:00+01:00' },
    { sentence: 'received on a Saturday + 1 WD is Monday 16:00', from: '2026-06-06T10:00:00+01:00', days: 1, due: '2026-06-08T16:00:00+01:00' },
    { sentence: 'received at 08:30 + 1 WD is 16:00 the same day', from: '2026-06-10T08:30:00+01:00', days: 1, due: '2026-06-10T16:00:00+01:00' },
    { sentence: 'received at 08:00 + 1 WD is 16:00 the same day', from: '2026-06-10T08:00:00+01:00', days: 1, due: '2026-06-10T16:00:00+01:00' },
    { sentence: 'received at 16:30 (after the close) + 1 WD is 16:00 the next day', from: '2026-06-10T16:30:00+01:00', days: 1, due: '2026-06-11T16:00:00+01:00' },
    { sentence: 'Friday 27 March 2026 15:00 GMT + 1 WD is Monday 15:00 BST', from: '2026-03-27T15:00:00+00:00', days: 1, due: '2026-03-30T15:00:00+01:00' },
    { sentence: 'Monday 10:00 + 5 WD is the next Monday 10:00', from: '2026-06-08T10:00:00+01:00', days: 5, due: '2026-06-15T10:00:00+01:00' },
  ];
  it.each(rows)('$sentence', ({ from, days, due }) => {
    expect(londonIso(calendar.addWorkingDays(new Date(from), days))).toBe(due);
  });

  it('has a day length of 7 h 30', () => {
    expect(calendar.dayLengthMs).toBe(7.5 * HOUR);
  });
});

describe('workingTimeBetween and workingDaysBetween', () => {
  const rows: { sentence: string; from: string; to: string; hours: number }[] = [
    { sentence: 'Friday 16:30 to Tuesday 16:30 over a bank holiday weekend is one day of working time', from: '2026-05-01T16:30:00+01:00', to: '2026-05-05T16:30:00+01:00', hours: 8 },
    { sentence: 'a Monday 09:00 to the next Monday 09:00 is five days of working time', from: '2026-06-08T09:00:00+01:00', to: '2026-06-15T09:00:00+01:00', hours: 40 },
    { sentence: 'Friday 16:00 GMT to Monday 16:00 BST over the clock change is one day of working time, not 71 hours less', from: '2026-03-27T16:00:00+00:00', to: '2026-03-30T16:00:00+01:00', hours: 8 },
    { sentence: 'a due Monday 17:00 looked at on Wednesday 13:00 is a day and a half overdue', from: '2026-06-08T17:00:00+01:00', to: '2026-06-10T13:00:00+01:00', hours: 12 },
    { sentence: 'Saturday to Sunday has no working time', from: '2026-06-06T10:00:00+01:00', to: '2026-06-07T10:00:00+01:00', hours: 0 },
    { sentence: '17:00 to 09:00 the next morning has no working time', from: '2026-06-08T17:00:00+01:00', to: '2026-06-09T09:00:00+01:00', hours: 0 },
    { sentence: 'an interval ending before it starts has no working time', from: '2026-06-10T12:00:00+01:00', to: '2026-06-09T12:00:00+01:00', hours: 0 },
    { sentence: 'the Christmas fortnight of 2026 has seven working days', from: '2026-12-19T00:00:00+00:00', to: '2027-01-02T00:00:00+00:00', hours: 56 },
  ];
  it.each(rows)('$sentence', ({ from, to, hours }) => {
    expect(england.workingTimeBetween(new Date(from), new Date(to))).toBe(hours * HOUR);
    expect(england.workingDaysBetween(new Date(from), new Date(to))).toBe(hours / 8);
  });

  it('is the inverse of addWorkingTime from inside working hours', () => {
    const from = new Date('2026-12-14T10:00:00Z');
    const due = england.addWorkingDays(from, 15);
    expect(england.workingDaysBetween(from, due)).toBe(15);
  });
});

describe('halfway', () => {
  const rows: { sentence: string; from: string; due: string; halfway: string }[] = [
    { sentence: 'halfway through Wednesday 10:00 to Thursday 10:00 is Wednesday 14:00', from: '2026-06-10T10:00:00+01:00', due: '2026-06-11T10:00:00+01:00', halfway: '2026-06-10T14:00:00+01:00' },
    { sentence: 'halfway through Friday 16:30 to Tuesday 16:30 over a bank holiday is Tuesday 12:30', from: '2026-05-01T16:30:00+01:00', due: '2026-05-05T16:30:00+01:00', halfway: '2026-05-05T12:30:00+01:00' },
    { sentence: 'halfway from a Saturday receipt to Monday 17:00 is Monday 13:00', from: '2026-06-06T10:00:00+01:00', due: '2026-06-08T17:00:00+01:00', halfway: '2026-06-08T13:00:00+01:00' },
    { sentence: 'halfway through five working days from Monday 10:00 is Wednesday 14:00', from: '2026-06-08T10:00:00+01:00', due: '2026-06-15T10:00:00+01:00', halfway: '2026-06-10T14:00:00+01:00' },
    { sentence: 'halfway that lands on a close is that close, not the next morning', from: '2026-06-10T13:00:00+01:00', due: '2026-06-11T13:00:00+01:00', halfway: '2026-06-10T17:00:00+01:00' },
    { sentence: 'halfway across the spring clock change counts working time, not elapsed time', from: '2026-03-27T13:00:00+00:00', due: '2026-03-30T13:00:00+01:00', halfway: '2026-03-27T17:00:00+00:00' },
    { sentence: 'with no working time before the due, halfway is the due itself', from: '2026-06-06T10:00:00+01:00', due: '2026-06-07T10:00:00+01:00', halfway: '2026-06-07T10:00:00+01:00' },
    { sentence: 'with a due before the start, halfway is the due itself', from: '2026-06-10T10:00:00+01:00', due: '2026-06-09T10:00:00+01:00', halfway: '2026-06-09T10:00:00+01:00' },
  ];
  it.each(rows)('$sentence', ({ from, due, halfway }) => {
    expect(londonIso(england.halfway(new Date(from), new Date(due)))).toBe(halfway);
  });
});

describe('startOfNextWorkingPeriod', () => {
  const rows: { sentence: string; at: string; start: string }[] = [
    { sentence: 'inside working hours it is the instant itself', at: '2026-06-10T11:22:33+01:00', start: '2026-06-10T11:22:33+01:00' },
    { sentence: 'exactly at the opening it is the opening', at: '2026-06-10T09:00:00+01:00', start: '2026-06-10T09:00:00+01:00' },
    { sentence: 'before the opening it is that morning\'s opening', at: '2026-06-10T08:59:00+01:00', start: '2026-06-10T09:00:00+01:00' },
    { sentence: 'exactly at the close it is the next morning\'s opening', at: '2026-06-10T17:00:00+01:00', start: '2026-06-11T09:00:00+01:00' },
    { sentence: 'at the close on the Friday before a bank holiday Monday it is Tuesday 09:00', at: '2026-05-01T17:00:00+01:00', start: '2026-05-05T09:00:00+01:00' },
    { sentence: 'at 00:30 on the Sunday the clocks go forward it is Monday 09:00 BST', at: '2026-03-29T00:30:00+00:00', start: '2026-03-30T09:00:00+01:00' },
  ];
  it.each(rows)('$sentence', ({ at, start }) => {
    expect(londonIso(england.startOfNextWorkingPeriod(new Date(at)))).toBe(start);
  });
});

describe('working days and validation', () => {
  it('knows weekends are not working days and ordinary weekdays are', () => {
    expect(england.isWorkingDay('2026-06-06')).toBe(false);
    expect(england.isWorkingDay('2026-06-07')).toBe(false);
    expect(england.isWorkingDay('2026-06-08')).toBe(true);
  });

  it('refuses working hours that are malformed or end before they start', () => {
    expect(() => createWorkingCalendar({ nation: 'scotland', workingHours: { start: '17:00', end: '09:00' } })).toThrow(/start before/);
    expect(() => createWorkingCalendar({ nation: 'scotland', workingHours: { start: '9:00', end: '17:00' } })).toThrow(/HH:MM/);
  });

  it('answers fifteen working days quickly once the years are cached', () => {
    const from = new Date('2026-12-14T10:00:00Z');
    england.addWorkingDays(from, 15);
    const started = performance.now();
    for (let i = 0; i < 1_000; i++) england.addWorkingDays(new Date(from.getTime() + i * 60_000), 15);
    expect((performance.now() - started) / 1_000).toBeLessThan(1);
  });
});
