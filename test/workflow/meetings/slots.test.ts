import { describe, expect, it } from 'vitest';
import { createWorkingCalendar } from '../../../workflow/calendar/workingCalendar.js';
import { DEFAULT_WORKING_HOURS } from '../../../workflow/calendar/workingHours.js';
import { londonIso } from '../../../workflow/calendar/words.js';
import { chooseSlot, type SlotAttendee } from '../../../workflow/meetings/slots.js';

const calendar = createWorkingCalendar({ nation: 'england-and-wales', workingHours: DEFAULT_WORKING_HOURS });
const MINUTE = 60_000;

const A = 'police@partnership.example.org';
const B = 'health@partnership.example.org';
const C = 'director@partnership.example.org';
const OTHER_TENANT = 'rep@othertenant.example.net';

type Mark = { from: string; to: string; digit: string };

/**
 * An availabilityView from `viewStart` to `until`, `fill` everywhere except the marked ranges.
 * Indices count real intervals from the view's start, as Graph's do, so a 23- or 25-hour day
 * holds 46 or 50 half-hours.
 */
function view(viewStart: string, intervalMinutes: number, until: string, marks: Mark[] = [], fill = '0'): string {
  const startMs = Date.parse(viewStart);
  const length = Math.ceil((Date.parse(until) - startMs) / (intervalMinutes * MINUTE));
  const digits = Array.from({ length }, () => fill);
  for (const mark of marks) {
    const first = (Date.parse(mark.from) - startMs) / (intervalMinutes * MINUTE);
    const end = Math.ceil((Date.parse(mark.to) - startMs) / (intervalMinutes * MINUTE));
    for (let i = first; i < end; i++) digits[i] = mark.digit;
  }
  return digits.join('');
}

/** A view of `length` intervals with the given indices set to `digit`: for rows that check the index arithmetic by hand. */
function viewByIndex(length: number, indices: number[], digit: string, fill = '0'): string {
  const digits = Array.from({ length }, () => fill);
  for (const index of indices) digits[index] = digit;
  return digits.join('');
}

const range = (first: number, endExclusive: number): number[] =>
  Array.from({ length: endExclusive - first }, (_, i) => first + i);

type Row = {
  sentence: string;
  from: string;
  /** Defaults to 1 working day after `from`, as the procedure sets it. */
  deadline?: string;
  viewStart: string;
  intervalMinutes: number;
  durationMinutes?: number;
  attendees: (viewStart: string, deadline: string, intervalMinutes: number) => SlotAttendee[];
  expected: { start: string; end: string; free: string[]; conflicts: string[] } | undefined;
};

// Instants carry the London offset in force, so each row reads as the wall clock.
const rows: Row[] = [
  {
    sentence: 'all free: the first grid point after the dispute arose',
    from: '2026-06-10T10:10:00+01:00',
    viewStart: '2026-06-10T10:00:00+01:00',
    intervalMinutes: 30,
    attendees: (s, d, i) => [A, B, C].map((email) => ({ email, availability: view(s, i, d) })),
    expected: { start: '2026-06-10T10:30:00+01:00', end: '2026-06-10T11:00:00+01:00', free: [A, B, C], conflicts: [] },
  },
  {
    sentence: 'a dispute arising exactly on the grid can meet at once',
    from: '2026-06-10T10:00:00+01:00',
    viewStart: '2026-06-10T10:00:00+01:00',
    intervalMinutes: 30,
    attendees: (s, d, i) => [A, B].map((email) => ({ email, availability: view(s, i, d) })),
    expected: { start: '2026-06-10T10:00:00+01:00', end: '2026-06-10T10:30:00+01:00', free: [A, B], conflicts: [] },
  },
  {
    sentence: 'the first slot where everyone is free, skipping slots where one person is busy, tentative or away',
    from: '2026-06-10T10:00:00+01:00',
    viewStart: '2026-06-10T10:00:00+01:00',
    intervalMinutes: 30,
    attendees: (s, d, i) => [
      { email: A, availability: view(s, i, d, [{ from: '2026-06-10T10:00:00+01:00', to: '2026-06-10T11:00:00+01:00', digit: '2' }]) },
      { email: B, availability: view(s, i, d, [{ from: '2026-06-10T11:00:00+01:00', to: '2026-06-10T11:30:00+01:00', digit: '1' }]) },
      { email: C, availability: view(s, i, d, [{ from: '2026-06-10T11:30:00+01:00', to: '2026-06-10T12:00:00+01:00', digit: '3' }]) },
    ],
    expected: { start: '2026-06-10T12:00:00+01:00', end: '2026-06-10T12:30:00+01:00', free: [A, B, C], conflicts: [] },
  },
  {
    sentence: '"working elsewhere" (4) counts as free for an online meeting',
    from: '2026-06-10T10:00:00+01:00',
    viewStart: '2026-06-10T10:00:00+01:00',
    intervalMinutes: 30,
    attendees: (s, d, i) => [
      { email: A, availability: view(s, i, d, [], '4') },
      { email: B, availability: view(s, i, d) },
    ],
    expected: { start: '2026-06-10T10:00:00+01:00', end: '2026-06-10T10:30:00+01:00', free: [A, B], conflicts: [] },
  },
  {
    sentence: 'nobody free all day: the earliest slot with the most attendees free, naming who has a conflict',
    from: '2026-06-10T14:00:00+01:00',
    viewStart: '2026-06-10T14:00:00+01:00',
    intervalMinutes: 30,
    attendees: (s, d, i) => [
      { email: A, availability: view(s, i, d, [], '2') },
      // B is free Thursday 09:00-10:00, C Thursday 09:30-12:00: they overlap 09:30-10:00.
      { email: B, availability: view(s, i, d, [{ from: '2026-06-11T09:00:00+01:00', to: '2026-06-11T10:00:00+01:00', digit: '0' }], '2') },
      { email: C, availability: view(s, i, d, [{ from: '2026-06-11T09:30:00+01:00', to: '2026-06-11T12:00:00+01:00', digit: '0' }], '2') },
    ],
    expected: { start: '2026-06-11T09:30:00+01:00', end: '2026-06-11T10:00:00+01:00', free: [B, C], conflicts: [A] },
  },
  {
    sentence: 'among equally good slots (one free each) the earliest wins',
    from: '2026-06-10T14:00:00+01:00',
    viewStart: '2026-06-10T14:00:00+01:00',
    intervalMinutes: 30,
    attendees: (s, d, i) => [
      { email: A, availability: view(s, i, d, [], '2') },
      { email: B, availability: view(s, i, d, [{ from: '2026-06-11T10:00:00+01:00', to: '2026-06-11T10:30:00+01:00', digit: '0' }], '2') },
      { email: C, availability: view(s, i, d, [{ from: '2026-06-10T15:00:00+01:00', to: '2026-06-10T15:30:00+01:00', digit: '0' }], '2') },
    ],
    expected: { start: '2026-06-10T15:00:00+01:00', end: '2026-06-10T15:30:00+01:00', free: [C], conflicts: [A, B] },
  },
  {
    sentence: 'everyone busy throughout: the earliest slot, with everyone named as a conflict',
    from: '2026-06-10T14:00:00+01:00',
    viewStart: '2026-06-10T14:00:00+01:00',
    intervalMinutes: 30,
    attendees: (s, d, i) => [A, B].map((email) => ({ email, availability: view(s, i, d, [], '2') })),
    expected: { start: '2026-06-10T14:00:00+01:00', end: '2026-06-10T14:30:00+01:00', free: [], conflicts: [A, B] },
  },
  {
    sentence: 'an attendee from another tenant (no readable free/busy) is treated as free',
    from: '2026-06-10T10:00:00+01:00',
    viewStart: '2026-06-10T10:00:00+01:00',
    intervalMinutes: 30,
    attendees: (s, d, i) => [
      { email: A, availability: view(s, i, d, [{ from: '2026-06-10T10:00:00+01:00', to: '2026-06-10T15:00:00+01:00', digit: '2' }]) },
      { email: OTHER_TENANT },
      { email: B, availability: undefined },
    ],
    expected: { start: '2026-06-10T15:00:00+01:00', end: '2026-06-10T15:30:00+01:00', free: [A, OTHER_TENANT, B], conflicts: [] },
  },
  {
    sentence: 'a readable view too short to cover a slot is a conflict, not a guess of "free"',
    from: '2026-06-10T10:00:00+01:00',
    viewStart: '2026-06-10T10:00:00+01:00',
    intervalMinutes: 30,
    // Two half-hours of data only: 10:00 and 10:30 are busy, nothing is known after 11:00.
    attendees: () => [{ email: A, availability: '22' }, { email: OTHER_TENANT }],
    expected: { start: '2026-06-10T10:00:00+01:00', end: '2026-06-10T10:30:00+01:00', free: [OTHER_TENANT], conflicts: [A] },
  },
  {
    sentence: 'dispute at 16:50 on the Friday before the Early May bank holiday: Tuesday 09:00',
    from: '2026-05-01T16:50:00+01:00',
    viewStart: '2026-05-01T16:30:00+01:00',
    intervalMinutes: 30,
    attendees: (s, d, i) => [A, B, C].map((email) => ({ email, availability: view(s, i, d) })),
    expected: { start: '2026-05-05T09:00:00+01:00', end: '2026-05-05T09:30:00+01:00', free: [A, B, C], conflicts: [] },
  },
  {
    sentence: 'Friday 16:50 before the bank holiday, Tuesday busy until 16:15: the 16:15 slot ends at 16:45, before the 16:50 deadline',
    from: '2026-05-01T16:50:00+01:00',
    viewStart: '2026-05-01T16:45:00+01:00',
    intervalMinutes: 15,
    // From Friday 16:45 to Tuesday 16:15 is 95.5 h, i.e. 382 quarter-hours.
    attendees: () => [A, B].map((email) => ({ email, availability: viewByIndex(384, range(0, 382), '2') })),
    expected: { start: '2026-05-05T16:15:00+01:00', end: '2026-05-05T16:45:00+01:00', free: [A, B], conflicts: [] },
  },
  {
    sentence: 'Friday 16:50 before the bank holiday, free only Tuesday 16:30-17:00: that slot would end after 16:50, so the fallback is Tuesday 09:00',
    from: '2026-05-01T16:50:00+01:00',
    viewStart: '2026-05-01T16:45:00+01:00',
    intervalMinutes: 15,
    attendees: (s, d, i) => [A, B].map((email) => ({
      email,
      availability: view(s, i, '2026-05-05T17:00:00+01:00', [{ from: '2026-05-05T16:30:00+01:00', to: '2026-05-05T17:00:00+01:00', digit: '0' }], '2'),
    })),
    expected: { start: '2026-05-05T09:00:00+01:00', end: '2026-05-05T09:30:00+01:00', free: [], conflicts: [A, B] },
  },
  {
    sentence: 'dispute at 16:45 with hours ending at 17:00: a 30-minute slot no longer fits, so the next working day at 09:00',
    from: '2026-06-10T16:45:00+01:00',
    viewStart: '2026-06-10T16:45:00+01:00',
    intervalMinutes: 15,
    attendees: (s, d, i) => [A, B].map((email) => ({ email, availability: view(s, i, d) })),
    expected: { start: '2026-06-11T09:00:00+01:00', end: '2026-06-11T09:30:00+01:00', free: [A, B], conflicts: [] },
  },
  {
    sentence: 'dispute at 16:30: a slot ending exactly at the 17:00 close still fits',
    from: '2026-06-10T16:30:00+01:00',
    viewStart: '2026-06-10T16:30:00+01:00',
    intervalMinutes: 15,
    attendees: (s, d, i) => [A].map((email) => ({ email, availability: view(s, i, d) })),
    expected: { start: '2026-06-10T16:30:00+01:00', end: '2026-06-10T17:00:00+01:00', free: [A], conflicts: [] },
  },
  {
    sentence: 'dispute on a Saturday: Monday 09:00',
    from: '2026-06-06T11:00:00+01:00',
    viewStart: '2026-06-06T11:00:00+01:00',
    intervalMinutes: 30,
    attendees: (s, d, i) => [A].map((email) => ({ email, availability: view(s, i, d) })),
    expected: { start: '2026-06-08T09:00:00+01:00', end: '2026-06-08T09:30:00+01:00', free: [A], conflicts: [] },
  },
  {
    sentence: 'a 30-minute slot on an hourly view needs its whole hour free',
    from: '2026-06-10T10:00:00+01:00',
    viewStart: '2026-06-10T10:00:00+01:00',
    intervalMinutes: 60,
    attendees: () => [{ email: A, availability: viewByIndex(24, [0], '2') }],
    expected: { start: '2026-06-10T11:00:00+01:00', end: '2026-06-10T11:30:00+01:00', free: [A], conflicts: [] },
  },
  {
    sentence: 'spring clock change: Friday 27 March 16:40 GMT, Monday busy 09:00-10:00 BST, so Monday 10:00 BST',
    from: '2026-03-27T16:40:00+00:00',
    viewStart: '2026-03-27T16:30:00+00:00',
    intervalMinutes: 30,
    // Friday 16:30 GMT to Monday 09:00 BST (08:00 UTC) is 63.5 real hours: indices 127 and 128 are 09:00-10:00 BST.
    attendees: () => [A, B].map((email) => ({ email, availability: viewByIndex(150, [127, 128], '2') })),
    expected: { start: '2026-03-30T10:00:00+01:00', end: '2026-03-30T10:30:00+01:00', free: [A, B], conflicts: [] },
  },
  {
    sentence: 'autumn clock change: Friday 23 October 16:40 BST, Monday busy 09:00-10:00 GMT, so Monday 10:00 GMT',
    from: '2026-10-23T16:40:00+01:00',
    viewStart: '2026-10-23T16:30:00+01:00',
    intervalMinutes: 30,
    // Friday 15:30 UTC to Monday 09:00 GMT is 65.5 real hours: indices 131 and 132 are 09:00-10:00 GMT.
    attendees: () => [A, B].map((email) => ({ email, availability: viewByIndex(160, [131, 132], '2') })),
    expected: { start: '2026-10-26T10:00:00+00:00', end: '2026-10-26T10:30:00+00:00', free: [A, B], conflicts: [] },
  },
  {
    sentence: 'a view starting at London midnight on the 23-hour day: Monday 09:00 BST is index 64, not 66',
    from: '2026-03-29T12:00:00+01:00',
    viewStart: '2026-03-29T00:00:00+00:00',
    intervalMinutes: 30,
    // Sunday 00:00 GMT to Monday 08:00 UTC is 32 real hours = 64 half-hours; 64 and 65 are 09:00-10:00 BST.
    attendees: () => [{ email: A, availability: viewByIndex(82, [64, 65], '2') }],
    expected: { start: '2026-03-30T10:00:00+01:00', end: '2026-03-30T10:30:00+01:00', free: [A], conflicts: [] },
  },
  {
    sentence: 'a view starting at London midnight on the 25-hour day: Monday 09:00 GMT is index 68, not 66',
    from: '2026-10-25T12:00:00+00:00',
    viewStart: '2026-10-25T00:00:00+01:00',
    intervalMinutes: 30,
    // Saturday 23:00 UTC to Monday 09:00 UTC is 34 real hours = 68 half-hours.
    attendees: () => [{ email: A, availability: viewByIndex(86, [68, 69], '2') }],
    expected: { start: '2026-10-26T10:00:00+00:00', end: '2026-10-26T10:30:00+00:00', free: [A], conflicts: [] },
  },
  {
    sentence: 'no working time at all before the deadline: no slot',
    from: '2026-06-06T11:00:00+01:00',
    deadline: '2026-06-07T23:00:00+01:00',
    viewStart: '2026-06-06T11:00:00+01:00',
    intervalMinutes: 30,
    attendees: (s, d, i) => [{ email: A, availability: view(s, i, d) }],
    expected: undefined,
  },
];

describe('chooseSlot', () => {
  it.each(rows)('$sentence', (row) => {
    const from = new Date(row.from);
    const deadline = row.deadline ? new Date(row.deadline) : calendar.addWorkingDays(from, 1);
    const slot = chooseSlot({
      from,
      deadline,
      durationMinutes: row.durationMinutes ?? 30,
      calendar,
      attendees: row.attendees(row.viewStart, deadline.toISOString(), row.intervalMinutes),
      viewStart: new Date(row.viewStart),
      intervalMinutes: row.intervalMinutes,
    });
    const readable = slot && { ...slot, start: londonIso(slot.start), end: londonIso(slot.end) };
    expect(readable).toEqual(row.expected && { ...row.expected, start: londonIso(new Date(row.expected.start)), end: londonIso(new Date(row.expected.end)) });
  });

  it.each([
    { name: 'intervalMinutes', intervalMinutes: 0, durationMinutes: 30 },
    { name: 'intervalMinutes', intervalMinutes: 7.5, durationMinutes: 30 },
    { name: 'durationMinutes', intervalMinutes: 30, durationMinutes: -30 },
  ])('refuses a nonsensical $name', ({ intervalMinutes, durationMinutes }) => {
    const from = new Date('2026-06-10T10:00:00+01:00');
    expect(() =>
      chooseSlot({ from, deadline: calendar.addWorkingDays(from, 1), durationMinutes, calendar, attendees: [], viewStart: from, intervalMinutes }),
    ).toThrow(RangeError);
  });

  it('refuses an invalid Date rather than returning no slot', () => {
    const from = new Date('not a date');
    expect(() =>
      chooseSlot({ from, deadline: new Date(), durationMinutes: 30, calendar, attendees: [], viewStart: new Date(), intervalMinutes: 30 }),
    ).toThrow(/from is an invalid Date/);
  });
});
