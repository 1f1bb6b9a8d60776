import type { ScheduleIndex, ScheduleEntry } from '../store/scheduleIndex.js';
import type { BackgroundEffects } from './backgroundEffects.js';
import type { CaseService } from './caseService.js';
import { errorText } from './effectRunner.js';
import type { Logger } from './ports.js';
import type { StuckCases } from './stuckCases.js';
import type { RosterFollowUp } from './rosterFollowUp.js';

export type SweepResult = { due: number; cases: number; changed: number; failed: number };

/**
 * The deadline sweep: every case with something due is ticked (reminders, alerts, deemed
 * agreement) and its pending effects retried. Safe to run in several processes at once: the
 * tick is decided against the stored version and effects are claimed before they are performed.
 *
 * It returns once every due case's outcome is committed; the messages those outcomes send are
 * performed in the background (paced per conversation, as Teams requires), and the caller waits
 * for them with `effects.idle()`. Before a case's due entries are removed, any effect it still
 * has pending is covered by an entry of its own, so nothing depends on this process finishing.
 *
 * A case that fails does not stop the others; it is retried, then reported and retried slowly
 * (app/stuckCases.ts).
 *
 * First, a roster change whose follow-up did not finish when it was saved is finished
 * (app/rosterFollowUp.ts): its open cases' requests move to the new holders.
 */
export async function sweep(
  deps: { schedule: ScheduleIndex; cases: CaseService; effects: Pick<BackgroundEffects, 'dispatch'>; log: Logger; stuck: Pick<StuckCases, 'failed' | 'succeeded'>; leaseMs?: number; rosterFollowUp?: Pick<RosterFollowUp, 'followUpPending'> },
  now: Date,
  options: { limit?: number; concurrency?: number } = {},
): Promise<SweepResult> {
  // Whatever goes wrong there stops no deadline: it is tried again at the next sweep.
  await deps.rosterFollowUp?.followUpPending(now).catch((error: unknown) => deps.log.error('roster follow-up failed; tried again at the next sweep', { error: errorText(error) }));
  const entries = await deps.schedule.due(now, options.limit ?? 1000);
  const byCase = new Map<string, ScheduleEntry[]>();
  for (const entry of entries) byCase.set(entry.caseRef, [...(byCase.get(entry.caseRef) ?? []), entry]);
  const result: SweepResult = { due: entries.length, cases: byCase.size, changed: 0, failed: 0 };
  const queue = [...byCase.entries()];
  const worker = async () => {
    for (let next = queue.shift(); next; next = queue.shift()) {
      const [caseRef, caseEntries] = next;
      try {
        const outcome = await deps.cases.execute(caseRef, { type: 'Tick' }, now);
        if (outcome.decision.ok && outcome.decision.events.length > 0) result.changed++;
        // A tick that committed effects dispatched them, with a recovery entry; earlier ones (a
        // failed send, a crash) are retried here, and covered again in case this retry fails too.
        if (!outcome.dispatched && outcome.pendingEffects > 0) {
          await deps.schedule.add(caseRef, [new Date(now.getTime() + (deps.leaseMs ?? 60_000))], now);
          deps.effects.dispatch(caseRef, now);
        }
        // Only an entry the sweep wrote after a failure says there may be a streak to end.
        if (caseEntries.some((e) => e.retry)) await deps.stuck.succeeded(caseRef);
        await deps.schedule.removeAll(caseEntries);
      } catch (error) {
        result.failed++;
        try {
          // Counted (and reported once), and tried again later: its due entries are replaced by
          // one retry entry, written first, so the case is never left without one.
          const { retryAt } = await deps.stuck.failed(caseRef, error, now);
          await deps.schedule.add(caseRef, [retryAt], now, { retry: true });
          await deps.schedule.removeAll(caseEntries);
        } catch (recordError) {
          // Storage is failing too: the entries stay, so the next sweep tries this case again.
          deps.log.error('sweep could not process a case', { caseRef, error: errorText(error), alsoFailed: errorText(recordError) });
        }
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(options.concurrency ?? 4, queue.length) }, worker));
  return result;
}
