import type { CaseState } from './state.js';
import type { WorkingCalendar } from './calendar/workingCalendar.js';
import type { WorkingHours } from './calendar/workingHours.js';
import { timersOf } from './tick.js';

/**
 * The instants at which the sweep must look at a case again: the `at` of every timer the sweep
 * would fire (tick.ts), from the same declarations. The store writes these to the schedule index
 * before committing the events that create them, so a crash can leave a stale entry (harmless:
 * the sweep re-decides) but never a missing one.
 */
export function pendingDeadlines(state: CaseState, calendar: WorkingCalendar, hours: WorkingHours): Date[] {
  return timersOf(state, { calendar, hours }).map((t) => t.at);
}
