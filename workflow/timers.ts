import type { CaseState } from './state.js';
import type { WorkingCalendar } from './calendar/workingCalendar.js';
import type { WorkingHours } from './calendar/workingHours.js';
import type { Recorder, StepContext } from './kernel.js';

/**
 * One timer model. Each step declares, from the case state, the things that fall due: when
 * (`at`), until when they still apply (`until`, exclusive), and what happens (`fire`). The sweep
 * fires exactly these (see tick.ts) and the schedule index stores exactly their `at`s (see
 * deadlines.ts), so a reminder cannot be added to one and forgotten in the other.
 */

/** What a timer needs to work out its instants: the calendar, not the roster. */
export type Clock = { readonly calendar: WorkingCalendar; readonly hours: WorkingHours };

export type Timer = {
  /** Unique within the case's timers at one state; a timer is fired at most once per tick. */
  readonly key: string;
  readonly at: Date;
  /** The timer lapses at this instant unfired (a reminder not sent once its deadline has passed). */
  readonly until?: Date;
  /** Records what falls due. Declared from the state it runs on, so it may use that state freely. */
  readonly fire: (r: Recorder, context: StepContext, now: Date) => void;
};

export type TimerDeclaration = (state: CaseState, clock: Clock) => Timer[];

/** A timer whose window is empty would never fire; declaring it would leave a dead index entry. */
export function timer(key: string, at: Date, fire: Timer['fire'], until?: Date): Timer[] {
  return until && until.getTime() <= at.getTime() ? [] : [{ key, at, fire, ...(until ? { until } : {}) }];
}

export function isDue(t: Timer, now: Date): boolean {
  const n = now.getTime();
  return t.at.getTime() <= n && (!t.until || n < t.until.getTime());
}
