import { odata, type TableClient, type TransactionAction } from '@azure/data-tables';
import { z } from 'zod';
import { CaseEventSchema, type CaseEvent } from '../workflow/events.js';
import type { Effect } from '../workflow/effects.js';
import { fold, type CaseState } from '../workflow/state.js';
import { caseRowKeys } from './caseKeys.js';
import { headEntity, readHead, type CaseHead } from './caseHead.js';
import { encodeKey, isStatus, type Tables } from './tables.js';
import type { ScheduleIndex } from './scheduleIndex.js';
import type { HeadCache } from './headCache.js';

/**
 * A case's event log with optimistic concurrency. Each event is a row whose key is its sequence
 * number, inserted (never upserted) in one transaction with the effects it causes and the case's
 * head row (replaced only if its eTag is still the one read), so two writers that read the same
 * version cannot both append: the second gets a conflict, reloads and decides again. No event or
 * effect row is updated in place or deleted.
 */

export class ConcurrencyConflict extends Error {
  constructor(caseRef: string) {
    super(`Case ${caseRef} changed while this request was being handled`);
  }
}

const EventRowSchema = z.object({ event: z.string() });
const IndexRowSchema = z.object({ caseRef: z.string() });

export type LoadedCase = {
  caseRef: string;
  events: CaseEvent[];
  state: CaseState | undefined;
  head: CaseHead | undefined;
  /** Taken from this process's copy of the head, not read: it may be out of date. */
  cached?: boolean;
};

/** An effect just committed, as the outbox will see it. */
export type CommittedEffect = { rowKey: string; etag: string; effect: Effect };
export type Appended = { head: CaseHead; effects: CommittedEffect[] };

export class CaseStore {
  private readonly tables: Tables;
  private readonly caseIndex: TableClient;
  constructor(
    tables: Tables,
    private readonly schedule: ScheduleIndex,
    private readonly heads: HeadCache,
  ) {
    this.tables = tables;
    this.caseIndex = tables.caseIndex;
  }

  private casesOf(partition: string): TableClient {
    return this.tables.cases(partition);
  }

  static partitionOf(caseRef: string): string {
    return encodeKey(caseRef);
  }

  /** The case as stored now (one point read of its head row). */
  async load(caseRef: string): Promise<LoadedCase> {
    const partition = CaseStore.partitionOf(caseRef);
    const head = await readHead(this.casesOf(partition), partition, this.heads);
    const events = head?.events ?? (await this.eventRows(caseRef));
    const state = fold(events);
    if (head?.events) this.heads.set(partition, { head, state });
    return { caseRef, events, state, head };
  }

  /**
   * The case to decide a command on: this process's copy of its head when it has one, else as
   * stored. Only for a caller that appends with the head's eTag (a stale copy then conflicts and
   * is read again) and that reads again before trusting a refusal.
   */
  async loadToDecide(caseRef: string): Promise<LoadedCase> {
    const cached = this.heads.get(CaseStore.partitionOf(caseRef));
    if (cached?.head.events) return { caseRef, events: cached.head.events, state: cached.state, head: cached.head, cached: true };
    return this.load(caseRef);
  }

  /** The event rows themselves: for a case without a head row (written before there was one) or too long for it. */
  async eventRows(caseRef: string): Promise<CaseEvent[]> {
    const partition = CaseStore.partitionOf(caseRef);
    const events: CaseEvent[] = [];
    const rows = this.casesOf(partition).listEntities({
      queryOptions: { filter: odata`PartitionKey eq ${partition} and RowKey ge 'ev-' and RowKey lt 'ev.'`, select: ['event'] },
    });
    for await (const row of rows) {
      const { event } = EventRowSchema.parse(row);
      events.push(CaseEventSchema.parse(JSON.parse(event)));
    }
    return events;
  }

  /**
   * Appends events and their effects to the case as loaded. Schedule entries (deadlines, and a
   * recovery entry for the effects) are written first: a crash after them but before the commit
   * leaves a harmless stale entry, never a missed deadline or an effect nobody performs.
   */
  async append(args: {
    loaded: LoadedCase;
    events: CaseEvent[];
    /** The case once these events are applied (kept as this process's copy of the head). */
    state: CaseState;
    effects: Effect[];
    deadlines: Date[];
    effectsRecoverAt: Date;
    now: Date;
  }): Promise<Appended> {
    const { loaded, events, effects } = args;
    const { caseRef } = loaded;
    if (events.length === 0) throw new Error('append needs at least one event');
    const partition = CaseStore.partitionOf(caseRef);
    await this.schedule.add(caseRef, effects.length > 0 ? [...args.deadlines, args.effectsRecoverAt] : args.deadlines, args.now);

    const expectedVersion = loaded.state?.version ?? 0;
    // A new case is listed before it exists, so a crash after the commit can never leave a case the
    // business unit's tab does not show; a listed case without events is simply skipped.
    if (expectedVersion === 0) await this.index(caseRef, args.now.toISOString());
    const firstSeq = expectedVersion + 1;
    const lastSeq = firstSeq + events.length - 1;
    const effectKeys = effects.map((_, i) => caseRowKeys.effect(partition, lastSeq, i));
    const trackedKeys = effects.flatMap((e) => (e.type === 'send' && e.tracked ? [e.key] : []));
    const head = {
      version: lastSeq,
      events: [...loaded.events, ...events],
      pending: [...(loaded.head?.pending ?? []), ...effectKeys],
      tracked: [...new Set([...(loaded.head?.tracked ?? []), ...trackedKeys])],
    };
    const headRow = headEntity(partition, head);
    const actions: TransactionAction[] = [loaded.head ? ['update', headRow, 'Replace', { etag: loaded.head.etag }] : ['create', headRow]];
    events.forEach((event, i) => {
      actions.push(['create', { partitionKey: partition, rowKey: caseRowKeys.event(partition, firstSeq + i), type: event.type, at: event.at, event: JSON.stringify(event) }]);
    });
    effects.forEach((effect, i) => {
      actions.push(['create', { partitionKey: partition, rowKey: effectKeys[i]!, effect: JSON.stringify(effect), status: 'pending' }]);
    });
    let response: Awaited<ReturnType<TableClient['submitTransaction']>>;
    try {
      response = await this.casesOf(partition).submitTransaction(actions);
    } catch (error) {
      // Whatever happened, this process's copy of the head can no longer be trusted.
      this.heads.forget(partition);
      // 409: an event row with that sequence exists; 412: the head moved on since it was read.
      if (isStatus(error, 409) || isStatus(error, 412)) throw new ConcurrencyConflict(caseRef);
      throw error;
    }
    // Sub-responses come in the order of the actions (an update's carries no row key to match by).
    const etagOf = (index: number) => {
      const etag = response.subResponses[index]?.etag;
      if (!etag) throw new Error('Table Storage committed the case without returning an eTag');
      return etag;
    };
    const written: CaseHead = { etag: etagOf(0), version: head.version, pending: head.pending, tracked: head.tracked, events: head.events };
    this.heads.set(partition, { head: written, state: args.state });
    return {
      head: written,
      effects: effects.map((effect, i) => ({ rowKey: effectKeys[i]!, etag: etagOf(1 + events.length + i), effect })),
    };
  }

  /**
   * The index row lists the case; it is written once, just before the case's first commit, and
   * never changed (a case's version and latest event are in its head row).
   */
  async index(caseRef: string, createdAt: string): Promise<void> {
    await this.caseIndex.upsertEntity({ partitionKey: 'case', rowKey: CaseStore.partitionOf(caseRef), caseRef, createdAt }, 'Replace');
  }

  /** Every case ever listed, including one whose first commit failed (it has no events and is skipped by readers). */
  async listCases(): Promise<string[]> {
    const listed: string[] = [];
    for await (const row of this.caseIndex.listEntities({ queryOptions: { filter: odata`PartitionKey eq 'case'`, select: ['caseRef'] } })) {
      listed.push(IndexRowSchema.parse(row).caseRef);
    }
    return listed;
  }
}
