import { z } from 'zod';
import { caseRowKeys } from './caseKeys.js';
import { CaseStore } from './caseStore.js';
import { isStatus, type Tables } from './tables.js';

/**
 * How many times in a row the sweep has failed to process a case, in a row of the case's own
 * partition. Each failure is counted with the row's eTag (or by creating it), so of two sweeps
 * failing at once each gets its own number: the one that reaches a threshold is the only one
 * that sees it, and reports it.
 */

const StreakRowSchema = z.object({ etag: z.string(), failures: z.number().int().nonnegative(), since: z.string() });
export type FailureStreak = { failures: number; since: string };

export class FailureStreaks {
  constructor(private readonly tables: Tables) {}

  /** Counts one more failure; the count returned is this caller's alone. */
  async failed(caseRef: string, now: Date): Promise<FailureStreak> {
    const partition = CaseStore.partitionOf(caseRef);
    const table = this.tables.cases(partition);
    const rowKey = caseRowKeys.stuck(partition);
    for (let attempt = 0; ; attempt++) {
      const current = await this.read(caseRef);
      const next = { failures: (current?.failures ?? 0) + 1, since: current?.since ?? now.toISOString() };
      try {
        if (current) await table.updateEntity({ partitionKey: partition, rowKey, ...next }, 'Replace', { etag: current.etag });
        else await table.createEntity({ partitionKey: partition, rowKey, ...next });
        return next;
      } catch (error) {
        // Another sweep counted meanwhile: count again on top of theirs.
        if (attempt >= 5 || !(isStatus(error, 409) || isStatus(error, 412))) throw error;
      }
    }
  }

  async read(caseRef: string): Promise<(FailureStreak & { etag: string }) | undefined> {
    const partition = CaseStore.partitionOf(caseRef);
    try {
      return StreakRowSchema.parse(await this.tables.cases(partition).getEntity(partition, caseRowKeys.stuck(partition)));
    } catch (error) {
      if (isStatus(error, 404)) return undefined;
      throw error;
    }
  }

  /** The case was processed: the next failure starts a new streak (and is reported again if it lasts). */
  async ended(caseRef: string): Promise<FailureStreak | undefined> {
    const current = await this.read(caseRef);
    if (!current) return undefined;
    const partition = CaseStore.partitionOf(caseRef);
    try {
      await this.tables.cases(partition).deleteEntity(partition, caseRowKeys.stuck(partition), { etag: current.etag });
    } catch (error) {
      // Gone already, or a failure counted meanwhile (that streak goes on).
      if (!isStatus(error, 404) && !isStatus(error, 412)) throw error;
      return undefined;
    }
    return { failures: current.failures, since: current.since };
  }
}
