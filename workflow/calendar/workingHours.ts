import { z } from 'zod';

// Zero-padded 24-hour clock, so that string order is time order (the refine below relies on it).
const ClockTimeSchema = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a 24-hour time HH:MM, e.g. 09:00');

/** A partnership's working day, as London wall-clock times (so it follows the clock changes). */
export const WorkingHoursSchema = z
  .object({ start: ClockTimeSchema, end: ClockTimeSchema })
  .refine((hours) => hours.start < hours.end, {
    message: 'working hours must start before they end',
    path: ['end'],
  });
export type WorkingHours = z.infer<typeof WorkingHoursSchema>;

export const DEFAULT_WORKING_HOURS: WorkingHours = { start: '09:00', end: '17:00' };

/** Minutes after local midnight; the schema has already guaranteed the shape. */
export function minutesOfDay(clockTime: string): number {
  const [hours, minutes] = clockTime.split(':').map(Number);
  return (hours ?? 0) * 60 + (minutes ?? 0);
}

/** Working hours, deadlines and their wording are all London wall-clock. */
export const LONDON_ZONE = 'Europe/London';
