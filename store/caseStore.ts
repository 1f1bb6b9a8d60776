import { odata, type TableClient, type TransactionAction } from '@azure/data-tables';
import { z } from 'zod';
import { CaseEventSchema, type CaseEvent } from '../workflow/events.js';
import type { Effect } from '../workflow/effects.js';
import { fold, type CaseState } from '../workflow/state.js';
import { encodeKey, isStatus, type Tables } from './tables.js';
import type { ScheduleIndex } from './scheduleIndex.js';

/**
 * A case's event log with optimistic concurrency. Each event is a row whose key is its sequence
 * number, inserted (never upserted) in one transaction with the effects it causes, so two writers
 * that read the same version cannot both append: the second gets a conflict, reloads and decides
 * again. Nothing is updated in place or deleted.
 */

export class ConcurrencyConflict extends Error {
  constructor(caseRef: string) {
    super(`Case ${caseRef} changed while this request was being handled`);
  }
}

const EventRowSchema = z.object({ event: z.string() });
const IndexRowSchema = z.object({ caseRef: z.string(), version: z.number().int().optional() });
const seqKey = (seq: number) => `ev-${String(seq).padStart(10, '0')}`;
export const effectKey = (seq: number, index: number) => `fx-${String(seq).padStart(10, '0')}-${String(index).padStart(3, '0')}`;

export type LoadedCase = { caseRef: string; events: CaseEvent[]; state: CaseState | undefined };

export class CaseStore {
  private readonly cases: TableClient;
  private readonly caseIndex: TableClient;
  constructor(
    tables: Tables,
    private readonly schedule: ScheduleIndex,
  ) {
    this.cases = tables.cases;
    this.caseIndex = tables.caseIndex;
  }

  static partitionOf(caseRef: string): string {
    return encodeKey(caseRef);
  }

  async load(caseRef: string): Promise<LoadedCase> {
    const partition = CaseStore.partitionOf(caseRef);
    const events: CaseEvent[] = [];
    const rows = this.cases.listEntities({
      queryOptions: { filter: odata`PartitionKey eq ${partition} and RowKey ge 'ev-' and RowKey lt 'ev.'`, select: ['event'] },
    });
    for await (const row of rows) {
      const { event } = EventRowSchema.parse(row);
      events.push(CaseEventSchema.parse(JSON.parse(event)));
    }
    return { caseRef, events, state: fold(events) };
  }

  /**
   * Appends events and their effects at `expectedVersion`. Schedule entries (deadlines, and a
   * recovery entry for the effects) are written first: a crash after them but before the commit
   * leaves a harmless stale entry, never a missed deadline or an effect nobody performs.
   */
  async append(args: {
    caseRef: string;
    expectedVersion: number;
    events: CaseEvent[];
    effects: Effect[];
    deadlines: Date[];
    effectsRecoverAt: Date;
  }): Promise<void> {
    const { caseRef, expectedVersion, events, effects } = args;
    if (events.length === 0) return;
    const partition = CaseStore.partitionOf(caseRef);
    await this.schedule.add(caseRef, args.deadlines);
    if (effects.length > 0) await this.schedule.add(caseRef, [args.effectsRecoverAt]);

    // A new case is listed before it exists, so a crash after the commit can never leave a case
    // the business unit's tab does not show; a listed case without events is simply skipped.
    if (expectedVersion === 0) await this.caseIndex.upsertEntity({ partitionKey: 'case', rowKey: partition, caseRef }, 'Merge');
    const firstSeq = expectedVersion + 1;
    const actions: TransactionAction[] = events.map((event, i) => [
      'create',
      { partitionKey: partition, rowKey: seqKey(firstSeq + i), type: event.type, at: event.at, event: JSON.stringify(event) },
    ]);
    const lastSeq = firstSeq + events.length - 1;
    effects.forEach((effect, i) => {
      actions.push(['create', { partitionKey: partition, rowKey: effectKey(lastSeq, i), effect: JSON.stringify(effect), status: 'pending' }]);
    });
    try {
      await this.cases.submitTransaction(actions);
    } catch (error) {
      if (isStatus(error, 409)) throw new ConcurrencyConflict(caseRef);
      throw error;
    }
    // The index row lists cases and their latest version (a cache hint); the log above is the truth.
    await this.caseIndex.upsertEntity({ partitionKey: 'case', rowKey: partition, caseRef, version: lastSeq, lastEventAt: events.at(-1)!.at }, 'Replace');
  }

  /** Every case ever logged, with the version its index row last saw (absent for a case not yet committed). */
  async listCases(): Promise<{ caseRef: string; version?: number }[]> {
    const listed: { caseRef: string; version?: number }[] = [];
    for await (const row of this.caseIndex.listEntities({ queryOptions: { filter: odata`PartitionKey eq 'case'`, select: ['caseRef', 'version'] } })) {
      const parsed = IndexRowSchema.parse(row);
      listed.push({ caseRef: parsed.caseRef, ...(parsed.version !== undefined ? { version: parsed.version } : {}) });
    }
    return listed;
  }
}
