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
  /** What sort of timer it is, whatever agency, action or milestone it is about: one of its declaration's `kinds`. */
  readonly kind: string;
  readonly at: Date;
  /** The timer lapses at this instant unfired (a reminder not sent once its deadline has passed). */
  readonly until?: Date;
  /** Records what falls due. Declared from the state it runs on, so it may use that state freely. */
  readonly fire: (r: Recorder, context: StepContext, now: Date) => void;
};

/** The timers a step has at a state. */
export type DeclareTimers = (state: CaseState, clock: Clock) => Timer[];

/** A step's timers with the kinds they can be, so what checks the model (the timer property test) knows them all without a list of its own. */
export type TimerDeclaration = DeclareTimers & { readonly kinds: readonly string[] };

export function declareTimers(kinds: readonly string[], declare: DeclareTimers): TimerDeclaration {
  return Object.assign((state: CaseState, clock: Clock) => declare(state, clock), { kinds });
}

/**
 * A timer of `kind`; its `key` also names the agency, action or milestone it is about where a case
 * has several of the kind at once. A timer whose window is empty would never fire; declaring it
 * would leave a dead index entry.
 */
export function timer(kind: string, at: Date, fire: Timer['fire'], until?: Date, key: string = kind): Timer[] {
  return until && until.getTime() <= at.getTime() ? [] : [{ key, kind, at, fire, ...(until ? { until } : {}) }];
}

export function isDue(t: Timer, now: Date): boolean {
  const n = now.getTime();
  return t.at.getTime() <= n && (!t.until || n < t.until.getTime());
}
