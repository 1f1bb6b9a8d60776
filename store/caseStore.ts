import { randomBytes } from 'node:crypto';
import { odata, type TableClient, type TransactionAction } from '@azure/data-tables';
import { z } from 'zod';
import { CaseEventSchema, type CaseEvent } from '../workflow/events.js';
import type { Effect } from '../workflow/effects.js';
import { fold, type CaseState } from '../workflow/state.js';
import { caseRowKeys } from './caseKeys.js';
import { HeadTooLarge, headEntity, readHead, type CaseHead } from './caseHead.js';
import { MAX_BATCH_OPERATIONS, batches } from './batches.js';
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
    private readonly options: { crash?: (point: 'staged' | 'headCommitted') => void } = {},
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
    // Too long for the head: the rows, and the tail the head holds beyond them (a split change).
    const events = head?.events ?? (head?.tail ? [...(await this.eventRows(caseRef, head.tail.from)), ...head.tail.events] : await this.eventRows(caseRef));
    const state = fold(events);
    if (head) this.heads.set(partition, { head: { ...head, events }, state });
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
  async eventRows(caseRef: string, before?: number): Promise<CaseEvent[]> {
    const partition = CaseStore.partitionOf(caseRef);
    const events: CaseEvent[] = [];
    const upper = before === undefined ? 'ev.' : caseRowKeys.event(partition, before);
    const rows = this.casesOf(partition).listEntities({
      queryOptions: { filter: odata`PartitionKey eq ${partition} and RowKey ge 'ev-' and RowKey lt ${upper}`, select: ['event'] },
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
   *
   * A change that fits in one transaction (100 rows, 4 MiB) is one: the head, the event rows and
   * the outbox rows. A larger one is written in steps, each safe to stop after:
   * 1. the outbox rows, under keys no other attempt uses, which nothing reads until a head lists
   *    them (a crash or a conflict leaves them unread);
   * 2. the head with every event and the outbox list, and as many event rows as fit: the commit;
   * 3. the remaining event rows, copied from the head (again by whoever finds them missing).
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
    if (effects.length > MAX_EFFECTS) throw new Error(`one change may cause at most ${MAX_EFFECTS} effects (this one: ${effects.length})`);
    const partition = CaseStore.partitionOf(caseRef);
    const table = this.casesOf(partition);
    const expectedVersion = loaded.state?.version ?? 0;
    const firstSeq = expectedVersion + 1;
    const lastSeq = firstSeq + events.length - 1;
    const eventRow = (event: CaseEvent, seq: number) => ({ partitionKey: partition, rowKey: caseRowKeys.event(partition, seq), type: event.type, at: event.at, event: JSON.stringify(event) });
    const effectRow = (effect: Effect, rowKey: string, status: 'pending' | 'staged') => ({ partitionKey: partition, rowKey, effect: JSON.stringify(effect), status });
    const trackedKeys = effects.flatMap((e) => (e.type === 'send' && e.tracked ? [e.key] : []));
    const content = (effectKeys: string[], rowsThrough: number) => ({
      version: lastSeq,
      events: [...loaded.events, ...events],
      rowsThrough,
      pending: [...(loaded.head?.pending ?? []), ...effectKeys],
      tracked: [...new Set([...(loaded.head?.tracked ?? []), ...trackedKeys])],
    });
    const headAction = (headRow: Record<string, unknown> & { partitionKey: string; rowKey: string }): TransactionAction =>
      loaded.head ? ['update', headRow, 'Replace', { etag: loaded.head.etag }] : ['create', headRow];

    // One transaction, when the whole change fits in one.
    const width = effects.length > 1_000 ? 4 : 3;
    const plainKeys = effects.map((_, i) => caseRowKeys.effect(partition, lastSeq, i, width));
    const whole = [
      ...events.map((event, i): TransactionAction => ['create', eventRow(event, firstSeq + i)]),
      ...effects.map((effect, i): TransactionAction => ['create', effectRow(effect, plainKeys[i]!, 'pending')]),
    ];
    const rowsBefore = loaded.head && loaded.head.rowsThrough < expectedVersion ? loaded.head.rowsThrough : expectedVersion;
    const single = rowsBefore === expectedVersion ? tryHead(partition, content(plainKeys, lastSeq)) : undefined;
    const fitsOne = single !== undefined && batches([headAction(single), ...whole]).length === 1;

    await this.schedule.add(caseRef, effects.length > 0 || !fitsOne ? [...args.deadlines, args.effectsRecoverAt] : args.deadlines, args.now);
    // A new case is listed before it exists, so a crash after the commit can never leave a case the
    // business unit's tab does not show; a listed case without events is simply skipped.
    if (expectedVersion === 0) await this.index(caseRef, args.now.toISOString());

    if (fitsOne) {
      const actions = [headAction(single!), ...whole];
      const response = await this.commit(caseRef, () => table.submitTransaction(actions));
      // Sub-responses come in the order of the actions (an update's carries no row key to match by).
      const written = this.written(partition, etagOf(response, 0), content(plainKeys, lastSeq), args.state);
      return { head: written, effects: effects.map((effect, i) => ({ rowKey: plainKeys[i]!, etag: etagOf(response, 1 + events.length + i), effect })) };
    }

    // An earlier split change whose rows were not all copied yet: copied now, so the head need
    // hold only this change's events beyond the rows.
    if (rowsBefore < expectedVersion) await this.completeRows(loaded);
    // 1. The outbox rows, staged under this attempt's own keys.
    const attempt = randomBytes(4).toString('hex');
    const stagedKeys = effects.map((_, i) => caseRowKeys.stagedEffect(partition, lastSeq, i, attempt, width));
    const staged = effects.map((effect, i): TransactionAction => ['create', effectRow(effect, stagedKeys[i]!, 'staged')]);
    const stagedEtags: string[] = [];
    for (const batch of batches(staged)) {
      const response = await table.submitTransaction(batch);
      batch.forEach((_, i) => stagedEtags.push(etagOf(response, i)));
    }
    this.crash('staged');
    // 2. The commit: the head and as many of the event rows as fit beside it.
    const rows = events.map((event, i): TransactionAction => ['create', eventRow(event, firstSeq + i)]);
    let inCommit = Math.min(rows.length, MAX_BATCH_OPERATIONS - 1);
    let headRow: ReturnType<typeof headEntity> | undefined;
    for (; inCommit >= 0; inCommit--) {
      headRow = tryHead(partition, content(stagedKeys, expectedVersion + inCommit));
      if (headRow && batches([headAction(headRow), ...rows.slice(0, inCommit)]).length === 1) break;
      headRow = undefined;
    }
    if (!headRow) throw new HeadTooLarge();
    const commitActions = [headAction(headRow), ...rows.slice(0, inCommit)];
    let response: TransactionResponse;
    try {
      response = await this.commit(caseRef, () => table.submitTransaction(commitActions));
    } catch (error) {
      // Nothing lists them: removed so a losing attempt leaves nothing behind (a crash may).
      await Promise.allSettled(batches(stagedKeys.map((rowKey): TransactionAction => ['delete', { partitionKey: partition, rowKey }])).map((b) => table.submitTransaction(b)));
      throw error;
    }
    let written = this.written(partition, etagOf(response, 0), content(stagedKeys, expectedVersion + inCommit), args.state);
    this.crash('headCommitted');
    // 3. The rest of the event rows, from what the head now holds.
    written = await this.copyRows(caseRef, written, [...loaded.events, ...events], args.state);
    return { head: written, effects: effects.map((effect, i) => ({ rowKey: stagedKeys[i]!, etag: stagedEtags[i]!, effect })) };
  }

  /**
   * Writes the rows of events the head holds but that have none yet (a split change, or one
   * that stopped part way), then records that they exist. Idempotent: the head fixes each row's
   * content, so writing it twice writes the same.
   */
  async completeRows(loaded: LoadedCase): Promise<void> {
    if (!loaded.head || loaded.head.rowsThrough >= loaded.head.version || !loaded.state) return;
    await this.copyRows(loaded.caseRef, loaded.head, loaded.events, loaded.state);
  }

  private async copyRows(caseRef: string, head: CaseHead, events: CaseEvent[], state: CaseState): Promise<CaseHead> {
    const partition = CaseStore.partitionOf(caseRef);
    const table = this.casesOf(partition);
    const missing = events.slice(head.rowsThrough, head.version).map((event, i): TransactionAction => [
      'upsert',
      { partitionKey: partition, rowKey: caseRowKeys.event(partition, head.rowsThrough + 1 + i), type: event.type, at: event.at, event: JSON.stringify(event) },
      'Replace',
    ]);
    if (missing.length === 0) return head;
    for (const batch of batches(missing)) await table.submitTransaction(batch);
    try {
      const response = await table.updateEntity({ partitionKey: partition, rowKey: caseRowKeys.head(partition), rowsThrough: head.version }, 'Merge', { etag: head.etag });
      if (!response.etag) return head;
      const moved: CaseHead = { ...head, etag: response.etag, rowsThrough: head.version };
      // The rows exist now; a head that still held only the tail keeps it (it is read with them).
      if (this.heads.get(partition)?.head.etag === head.etag) this.heads.set(partition, { head: { ...moved, events }, state });
      return moved;
    } catch (error) {
      // Someone appended meanwhile: they copied these rows first, and their head says so.
      if (!isStatus(error, 412)) throw error;
      return head;
    }
  }

  private async commit(caseRef: string, submit: () => Promise<TransactionResponse>): Promise<TransactionResponse> {
    try {
      return await submit();
    } catch (error) {
      // Whatever happened, this process's copy of the head can no longer be trusted.
      this.heads.forget(CaseStore.partitionOf(caseRef));
      // 409: an event row with that sequence exists; 412: the head moved on since it was read.
      if (isStatus(error, 409) || isStatus(error, 412)) throw new ConcurrencyConflict(caseRef);
      throw error;
    }
  }

  private written(partition: string, etag: string, head: Parameters<typeof headEntity>[1], state: CaseState): CaseHead {
    const written: CaseHead = { etag, version: head.version, rowsThrough: head.rowsThrough, pending: head.pending, tracked: head.tracked, events: head.events };
    this.heads.set(partition, { head: written, state });
    return written;
  }

  private crash(point: 'staged' | 'headCommitted'): void {
    this.options.crash?.(point);
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

type TransactionResponse = Awaited<ReturnType<TableClient['submitTransaction']>>;

/** Outbox keys number a change's effects with at most four digits, in the order they are performed. */
const MAX_EFFECTS = 10_000;

function etagOf(response: TransactionResponse, index: number): string {
  const etag = response.subResponses[index]?.etag;
  if (!etag) throw new Error('Table Storage committed the case without returning an eTag');
  return etag;
}

function tryHead(partition: string, content: Parameters<typeof headEntity>[1]): ReturnType<typeof headEntity> | undefined {
  try {
    return headEntity(partition, content);
  } catch (error) {
    if (error instanceof HeadTooLarge) return undefined;
    throw error;
  }
}
