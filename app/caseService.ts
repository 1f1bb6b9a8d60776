import type { CaseCommand } from '../workflow/commands.js';
import type { Decide, Decision } from '../workflow/decide.js';
import { pendingDeadlines } from '../workflow/deadlines.js';
import type { CaseEvent } from '../workflow/events.js';
import { evolve, type CaseState } from '../workflow/state.js';
import type { WorkingCalendar } from '../workflow/calendar/workingCalendar.js';
import type { WorkingHours } from '../workflow/calendar/workingHours.js';
import { ConcurrencyConflict, type Appended, type CaseStore } from '../store/caseStore.js';
import type { EffectRunner } from './effectRunner.js';
import type { Logger } from './ports.js';
import { noCrash, type CrashHook } from './crashPoints.js';

export type Outcome = {
  decision: Decision;
  state: CaseState | undefined;
  events: CaseEvent[];
  /** Effects of this change still to perform (left for the sweep); undefined when none were run. */
  effectsPending?: number;
}

/**
 * Load, decide, append, perform: the one path by which anything changes a case. A conflicting
 * append (someone else changed the case first) reloads and decides again, so racing replies
 * both survive and a second sweep of the same deadline adds nothing.
 */
export class CaseService {
  constructor(
    private readonly deps: {
      store: CaseStore;
      decide: Decide;
      calendar: WorkingCalendar;
      workingHours: WorkingHours;
      effects: EffectRunner;
      log: Logger;
      /** Effects are performed at once; if that fails, the sweep retries them after this delay. */
      effectsRecoveryMs?: number;
      /** How long a request may spend performing effects before leaving the rest to the sweep. */
      effectsBudgetMs?: number;
      maxAttempts?: number;
      /** Local fault suite only (app/crashPoints.ts). */
      crash?: CrashHook;
    },
  ) {}

  async execute(caseRef: string, command: CaseCommand, now: Date): Promise<Outcome> {
    const { store, decide, calendar, log } = this.deps;
    // Generous: twenty agencies returning at once on one case each win in turn.
    const maxAttempts = this.deps.maxAttempts ?? 40;
    for (let attempt = 1; ; attempt++) {
      const loaded = await store.load(caseRef);
      const decision = decide(loaded.state, command, now);
      if (!decision.ok || decision.events.length === 0) return { decision, state: loaded.state, events: loaded.events };
      const next = decision.events.reduce<CaseState | undefined>(evolve, loaded.state)!;
      let appended: Appended;
      try {
        appended = await store.append({
          loaded,
          events: decision.events,
          effects: decision.effects,
          deadlines: pendingDeadlines(next, calendar, this.deps.workingHours),
          effectsRecoverAt: new Date(now.getTime() + (this.deps.effectsRecoveryMs ?? 120_000)),
          now,
        });
      } catch (error) {
        if (error instanceof ConcurrencyConflict && attempt < maxAttempts) {
          log.info('append conflict, deciding again', { caseRef, attempt, command: command.type });
          await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(10 * attempt, 200)));
          continue;
        }
        throw error;
      }
      (this.deps.crash ?? noCrash)('committed');
      log.info('case changed', { caseRef, command: command.type, events: decision.events.map((e) => e.type).join(','), version: next.version });
      // Within the click's time: what does not fit is left to the sweep (its recovery entry is written).
      const effectsPending =
        decision.effects.length > 0
          ? await this.deps.effects.runFor(caseRef, now, { budgetMs: this.deps.effectsBudgetMs ?? 4_000, committed: { head: appended.head, state: next, effects: appended.effects } })
          : undefined;
      return { decision, state: next, events: [...loaded.events, ...decision.events], ...(effectsPending === undefined ? {} : { effectsPending }) };
    }
  }
}
