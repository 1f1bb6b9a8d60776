import type { WorkingCalendar } from '../calendar/workingCalendar.js';

/**
 * Choosing when the dispute meeting happens, from free/busy already fetched. Pure: the caller
 * queries Graph's getSchedule for [viewStart, deadline] on the same interval and passes the
 * availabilityView strings in.
 */

export type SlotAttendee = {
  email: string;
  /** Graph availabilityView digits from `viewStart`, one per interval; undefined when free/busy cannot be read. */
  availability?: string | undefined;
};

export type SlotRequest = {
  /** When the dispute arose: no slot starts before this (rounded up to the interval grid). */
  from: Date;
  /** Usually 1 working day after `from`: no slot ends after this. */
  deadline: Date;
  durationMinutes: number;
  /**
   * The partnership's calendar, which already holds its working hours (and bank holidays), so the
   * hours are not taken again here: a second copy could disagree with the one deadlines use.
   */
  calendar: WorkingCalendar;
  attendees: readonly SlotAttendee[];
  /** The instant the availabilityView strings start at; candidate starts lie on its grid. */
  viewStart: Date;
  intervalMinutes: number;
};

export type ChosenSlot = {
  start: Date;
  end: Date;
  /** Attendees free for the whole slot, including those whose free/busy could not be read. */
  free: string[];
  conflicts: string[];
};

const MS_PER_MINUTE = 60_000;
// A meeting "within 1 working day" can span a long weekend, not months: a runaway window is a caller bug.
const MAX_WINDOW_MS = 31 * 24 * 60 * MS_PER_MINUTE;

/**
 * '0' free and '4' working elsewhere count as free: the meeting is a Teams online meeting, so
 * where someone works that day does not stop them joining, and Outlook's scheduling assistant
 * likewise offers such times. '1' tentative, '2' busy, '3' away (and any digit Graph may add later)
 * are conflicts: the procedure asks partners to prioritise attendance, but we should not book over
 * a commitment when a clear slot exists.
 */
const FREE_DIGITS: ReadonlySet<string> = new Set(['0', '4']);

/**
 * The earliest slot in which every attendee is free; failing that, the earliest slot with the
 * most attendees free, naming who has a conflict. Undefined when no slot fits at all (the window
 * holds no stretch of working hours long enough before the deadline).
 */
export function chooseSlot(request: SlotRequest): ChosenSlot | undefined {
  const fromMs = instantMs(request.from, 'from');
  const deadlineMs = instantMs(request.deadline, 'deadline');
  const viewStartMs = instantMs(request.viewStart, 'viewStart');
  const intervalMs = positiveWholeMinutes(request.intervalMinutes, 'intervalMinutes') * MS_PER_MINUTE;
  const durationMs = positiveWholeMinutes(request.durationMinutes, 'durationMinutes') * MS_PER_MINUTE;
  if (deadlineMs - Math.min(fromMs, viewStartMs) > MAX_WINDOW_MS) {
    throw new RangeError('the window from `from` (or `viewStart`) to `deadline` is longer than 31 days');
  }
  const { calendar, attendees } = request;

  // Availability before viewStart is unknown, so the grid starts no earlier than the view does.
  const onGrid = (ms: number): number => viewStartMs + Math.ceil((ms - viewStartMs) / intervalMs) * intervalMs;

  let best: ChosenSlot | undefined;
  let bestFree = -1;
  for (let start = onGrid(Math.max(fromMs, viewStartMs)); start + durationMs <= deadlineMs; ) {
    const end = start + durationMs;
    // Exactly `durationMs` of working time inside [start, end) means the slot lies within one
    // day's working hours on a working day: it neither crosses the close nor touches a holiday.
    if (calendar.workingTimeBetween(new Date(start), new Date(end)) !== durationMs) {
      // Every later grid point up to the next opening fails the same way, so jump there.
      const nextOpening = calendar.startOfNextWorkingPeriod(new Date(start + intervalMs)).getTime();
      start = onGrid(nextOpening);
      continue;
    }
    const firstIndex = (start - viewStartMs) / intervalMs;
    // A slot that ends part-way through an interval still needs that whole interval free.
    const endIndex = Math.ceil((end - viewStartMs) / intervalMs);
    const free: string[] = [];
    const conflicts: string[] = [];
    for (const attendee of attendees) {
      const isFree = isFreeBetween(attendee.availability, firstIndex, endIndex);
      (isFree ? free : conflicts).push(attendee.email);
    }
    const slot: ChosenSlot = { start: new Date(start), end: new Date(end), free, conflicts };
    if (conflicts.length === 0) return slot;
    // Strictly more: among equally good slots the earliest wins.
    if (free.length > bestFree) {
      best = slot;
      bestFree = free.length;
    }
    start += intervalMs;
  }
  return best;
}

function isFreeBetween(availability: string | undefined, firstIndex: number, endIndex: number): boolean {
  // Someone whose free/busy we cannot read (another tenant, say) is invited by email anyway; a
  // guess of "busy" would only push the meeting later for everyone else.
  if (availability === undefined) return true;
  const digits = availability.slice(firstIndex, endIndex);
  // A view too short to cover the slot is not evidence of being free: their calendar is readable,
  // so a slot we can see is better than one we cannot.
  if (digits.length < endIndex - firstIndex) return false;
  for (const digit of digits) if (!FREE_DIGITS.has(digit)) return false;
  return true;
}

function instantMs(instant: Date, name: string): number {
  const ms = instant.getTime();
  if (Number.isNaN(ms)) throw new RangeError(`${name} is an invalid Date`);
  return ms;
}

function positiveWholeMinutes(minutes: number, name: string): number {
  if (!Number.isInteger(minutes) || minutes <= 0) {
    throw new RangeError(`${name} must be a whole number of minutes > 0, got ${minutes}`);
  }
  return minutes;
}
