import { nothing, recorder, type Handler } from './kernel.js';
import type { CaseState } from './state.js';
import { isDue, type Clock, type DeclareTimers, type Timer, type TimerDeclaration } from './timers.js';
import { initialViewTimers } from './steps/initialView.js';
import { partnerReplyTimers } from './steps/partnerReplies.js';
import { disputeStage1Timers } from './steps/disputeStage1.js';
import { disputeStage2Timers } from './steps/disputeStage2.js';
import { panelNotificationTimers } from './steps/outcome.js';
import { returnsTimers } from './rapidReview/returns.js';
import { papersTimers } from './rapidReview/setUp.js';
import { lcsprTimers } from './rapidReview/lcspr.js';
import { actionTimers } from './actions/timers.js';
import { localReviewTimers } from './localReview/timers.js';
import { learningEventTimers, reviewGroupDisputeTimers } from './learningEvent/timers.js';

/**
 * Every step's timers, in the order the sweep fires them when several are due at once. The
 * sweep (below) and the schedule index (deadlines.ts) both read this list and nothing else.
 */
export const TIMERS: readonly TimerDeclaration[] = [
  initialViewTimers,
  partnerReplyTimers,
  disputeStage1Timers,
  disputeStage2Timers,
  returnsTimers,
  papersTimers,
  panelNotificationTimers,
  lcsprTimers,
  learningEventTimers,
  reviewGroupDisputeTimers,
  localReviewTimers,
  actionTimers,
];

export function timersOf(state: CaseState, clock: Clock, declarations: readonly DeclareTimers[] = TIMERS): Timer[] {
  return declarations.flatMap((declare) => declare(state, clock));
}

/**
 * The deadline sweep: fires every timer due at `now`, one at a time and each against the state
 * the previous ones left (a window that closes into a dispute, a dispute whose meeting is already
 * overdue), until none is due. Each timer fires at most once per tick, so the sweep always ends,
 * and a second tick at the same instant finds nothing left to do.
 */
export function tickOver(declarations: readonly DeclareTimers[]): Handler<'Tick'> {
  return (context, state, _command, now) => {
    if (!state) return nothing();
    const r = recorder(state);
    const fired = new Set<string>();
    for (;;) {
      const next = timersOf(r.state!, context, declarations).find((t) => isDue(t, now) && !fired.has(t.key));
      if (!next) break;
      fired.add(next.key);
      next.fire(r, context, now);
    }
    return r.done();
  };
}

export const tick: Handler<'Tick'> = tickOver(TIMERS);
