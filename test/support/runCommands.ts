import type { Decide, Decision } from '../../workflow/kernel.js';
import type { CaseCommand } from '../../workflow/commands.js';
import type { CaseEvent } from '../../workflow/events.js';
import { fold, type CaseState } from '../../workflow/state.js';

/**
 * Runs commands through a decider in order, as the case service does (a refused command adds
 * nothing): every decision, the events, the final state and the last decision.
 */
export function commandRunner(decide: Decide) {
  return (steps: [CaseCommand, string][], start: CaseEvent[] = []) => {
    let events = [...start];
    const decisions: Decision[] = [];
    for (const [command, when] of steps) {
      const decision = decide(fold(events), command, new Date(when));
      decisions.push(decision);
      if (decision.ok) events = [...events, ...decision.events];
    }
    return { decisions, events, state: fold(events) as CaseState, last: decisions.at(-1)! };
  };
}
