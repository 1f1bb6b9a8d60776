import type { CaseCommand } from '../workflow/commands.js';
import type { Decide, Decision } from '../workflow/decide.js';
import { pendingDeadlines } from '../workflow/deadlines.js';
import type { CaseEvent } from '../workflow/events.js';
import { evolve, type CaseState } from '../workflow/state.js';
import type { WorkingCalendar } from '../workflow/calendar/workingCalendar.js';
import type { WorkingHours } from '../workflow/calendar/workingHours.js';
import { ConcurrencyConflict, type Appended, type CaseStore, type LoadedCase } from '../store/caseStore.js';
import type { BackgroundEffects } from './backgroundEffects.js';
import type { Logger } from './ports.js';
import { noCrash, type CrashHook } from './crashPoints.js';

export type Outcome = {
  decision: Decision;
  state: CaseState | undefined;
  events: CaseEvent[];
  /** Effects the case's head lists as not known to be done (performed in the background, or left for the sweep). */
  pendingEffects: number;
  /** This command committed effects, and they are being performed in the background. */
  dispatched: boolean;
};

/**
 * Load, decide, append, then perform in the background: the one path by which anything changes a
 * case. A conflicting append (someone else changed the case first) reloads and decides again, so
 * racing replies both survive and a second sweep of the same deadline adds nothing.
 *
 * The first attempt decides on this process's copy of the case when it has one (no read): the
 * append checks the head's eTag, so a stale copy only costs a conflict and a fresh read; and a
 * refusal or no-op decided on a copy is decided again on the case as stored before it is answered.
 */
export class CaseService {
  constructor(
    private readonly deps: {
      store: CaseStore;
      decide: Decide;
      calendar: WorkingCalendar;
      workingHours: WorkingHours;
      effects: Pick<BackgroundEffects, 'dispatch'>;
      log: Logger;
      /** Effects are performed at once in the background; if that fails, the sweep retries them after at least this delay. */
      effectsRecoveryMs?: number;
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
      let loaded = attempt === 1 ? await store.loadToDecide(caseRef) : await store.load(caseRef);
      let decision = decide(loaded.state, command, now);
      if (loaded.cached && (!decision.ok || decision.events.length === 0)) {
        loaded = await store.load(caseRef);
        decision = decide(loaded.state, command, now);
      }
      if (!decision.ok || decision.events.length === 0) {
        await this.completeRows(loaded);
        return { decision, state: loaded.state, events: loaded.events, pendingEffects: pendingOf(loaded), dispatched: false };
      }
      const next = decision.events.reduce<CaseState | undefined>(evolve, loaded.state)!;
      let appended: Appended;
      try {
        appended = await store.append({
          loaded,
          events: decision.events,
          state: next,
          effects: decision.effects,
          deadlines: pendingDeadlines(next, calendar, this.deps.workingHours),
          effectsRecoverAt: recoverySlot(now, this.deps.effectsRecoveryMs ?? 120_000),
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
      // Not on the caller's time: sends are paced per conversation (its recovery entry is written).
      const dispatched = decision.effects.length > 0;
      if (dispatched) this.deps.effects.dispatch(caseRef, now, { head: appended.head, state: next, effects: appended.effects });
      return { decision, state: next, events: [...loaded.events, ...decision.events], pendingEffects: appended.head.pending.length, dispatched };
    }
  }

  /**
   * A change too large for one transaction whose event rows were not all copied from its head
   * (the process stopped): copied now, when the sweep (its recovery entry) or anyone else reads
   * the case. The head holds the events meanwhile, so this only completes the audit trail.
   */
  private async completeRows(loaded: LoadedCase): Promise<void> {
    if (loaded.cached) return;
    try {
      await this.deps.store.completeRows(loaded);
    } catch (error) {
      this.deps.log.warn('could not complete the event rows of a large change; the next change will', { caseRef: loaded.caseRef, error: error instanceof Error ? error.message : String(error) });
    }
  }
}

/**
 * When the sweep looks at a case's effects if they were not performed (the process died): at
 * least `afterMs` from now, rounded up to a five-minute slot, so every change to one case within
 * a few minutes (a burst of replies, the results its effects record) shares one schedule entry,
 * which this process then need not write again.
 */
export function recoverySlot(now: Date, afterMs: number): Date {
  const earliest = now.getTime() + afterMs;
  return new Date(Math.ceil(earliest / RECOVERY_SLOT_MS) * RECOVERY_SLOT_MS);
}
const RECOVERY_SLOT_MS = 5 * 60_000;

/** A case without a head row (written before there was one) is assumed to have some. */
function pendingOf(loaded: { head: { pending: string[] } | undefined; events: unknown[] }): number {
  if (loaded.head) return loaded.head.pending.length;
  return loaded.events.length > 0 ? 1 : 0;
}
