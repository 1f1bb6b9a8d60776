import { describe, expect, it } from 'vitest';
import { DEFAULT_WORKING_HOURS, WorkingHoursSchema, minutesOfDay } from '../../../workflow/calendar/workingHours.js';

describe('WorkingHoursSchema', () => {
  const rows: { sentence: string; hours: unknown; valid: boolean }[] = [
    { sentence: 'the default 09:00-17:00 is valid', hours: DEFAULT_WORKING_HOURS, valid: true },
    { sentence: '08:30-16:00 is valid', hours: { start: '08:30', end: '16:00' }, valid: true },
    { sentence: 'an unpadded hour is refused', hours: { start: '9:00', end: '17:00' }, valid: false },
    { sentence: 'an hour past 23 is refused', hours: { start: '09:00', end: '24:00' }, valid: false },
    { sentence: 'minutes past 59 are refused', hours: { start: '09:60', end: '17:00' }, valid: false },
    { sentence: 'an end before the start is refused', hours: { start: '17:00', end: '09:00' }, valid: false },
    { sentence: 'an end equal to the start is refused', hours: { start: '09:00', end: '09:00' }, valid: false },
    { sentence: 'a missing end is refused', hours: { start: '09:00' }, valid: false },
  ];
  it.each(rows)('$sentence', ({ hours, valid }) => {
    expect(WorkingHoursSchema.safeParse(hours).success).toBe(valid);
  });

  it('counts minutes after midnight', () => {
    expect(minutesOfDay('08:30')).toBe(510);
    expect(minutesOfDay('17:00')).toBe(1020);
  });
});
