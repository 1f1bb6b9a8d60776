import { odata, type TableClient } from '@azure/data-tables';
import { z } from 'zod';
import type { Effect } from '../workflow/effects.js';
import { CaseStore } from './caseStore.js';
import { isStatus, type Tables } from './tables.js';

/**
 * The effects committed with a case's events, and the cards they posted. An effect is claimed
 * with an eTag-conditioned lease before it is performed, so two processes running the outbox
 * at once perform it once; a lease that expires (the process died) lets another take over.
 */

const OutboxRowSchema = z.object({
  partitionKey: z.string(),
  rowKey: z.string(),
  etag: z.string(),
  effect: z.string(),
  status: z.enum(['pending', 'done']),
  leaseUntil: z.string().optional(),
  attempts: z.number().int().optional(),
});

export type PendingEffect = { rowKey: string; etag: string; effect: Effect; leaseUntil?: string; attempts: number };

const TrackedCardRowSchema = z.object({
  rowKey: z.string(),
  conversationId: z.string(),
  activityId: z.string(),
  card: z.string(),
  recipient: z.string(),
  postedAt: z.string().optional(),
});
export type TrackedCardRow = z.infer<typeof TrackedCardRowSchema>;

export class Outbox {
  private readonly cases: TableClient;
  constructor(tables: Tables) {
    this.cases = tables.cases;
  }

  async pending(caseRef: string): Promise<PendingEffect[]> {
    const partition = CaseStore.partitionOf(caseRef);
    const out: PendingEffect[] = [];
    const rows = this.cases.listEntities({
      queryOptions: { filter: odata`PartitionKey eq ${partition} and RowKey ge 'fx-' and RowKey lt 'fx.' and status eq 'pending'` },
    });
    for await (const raw of rows) {
      const row = OutboxRowSchema.parse(raw);
      out.push({ rowKey: row.rowKey, etag: row.etag, effect: JSON.parse(row.effect) as Effect, attempts: row.attempts ?? 0, ...(row.leaseUntil ? { leaseUntil: row.leaseUntil } : {}) });
    }
    return out.sort((a, b) => a.rowKey.localeCompare(b.rowKey));
  }

  /** Takes the effect for `leaseMs`; false if another process holds it or changed it first. */
  async claim(caseRef: string, effect: PendingEffect, now: Date, leaseMs: number): Promise<string | undefined> {
    if (effect.leaseUntil && Date.parse(effect.leaseUntil) > now.getTime()) return undefined;
    try {
      const result = await this.cases.updateEntity(
        { partitionKey: CaseStore.partitionOf(caseRef), rowKey: effect.rowKey, leaseUntil: new Date(now.getTime() + leaseMs).toISOString() },
        'Merge',
        { etag: effect.etag },
      );
      return result.etag;
    } catch (error) {
      if (isStatus(error, 412)) return undefined;
      throw error;
    }
  }

  async markDone(caseRef: string, rowKey: string, etag: string, doneAt: Date): Promise<void> {
    try {
      await this.cases.updateEntity({ partitionKey: CaseStore.partitionOf(caseRef), rowKey, status: 'done', doneAt: doneAt.toISOString() }, 'Merge', { etag });
    } catch (error) {
      // Our lease ran out and another process took the effect over: it will mark it done (and,
      // thanks to the sent/tracked markers, without performing it again).
      if (!isStatus(error, 412)) throw error;
    }
  }

  /** Counts a failed attempt and releases the lease so the next sweep can try again. */
  async recordFailure(caseRef: string, effect: PendingEffect, etag: string): Promise<number> {
    const attempts = effect.attempts + 1;
    try {
      await this.cases.updateEntity({ partitionKey: CaseStore.partitionOf(caseRef), rowKey: effect.rowKey, attempts, leaseUntil: '' }, 'Merge', { etag });
    } catch (error) {
      if (!isStatus(error, 412)) throw error;
    }
    return attempts;
  }

  /** Remembers that an untracked send happened, so a retry after a crash does not post it twice. */
  async markSent(caseRef: string, key: string, activityId: string): Promise<void> {
    await this.cases.upsertEntity({ partitionKey: CaseStore.partitionOf(caseRef), rowKey: `sent-${key}`, activityId }, 'Replace');
  }

  async wasSent(caseRef: string, key: string): Promise<boolean> {
    try {
      await this.cases.getEntity(CaseStore.partitionOf(caseRef), `sent-${key}`);
      return true;
    } catch (error) {
      if (isStatus(error, 404)) return false;
      throw error;
    }
  }

  async saveTrackedCard(caseRef: string, key: string, row: { conversationId: string; activityId: string; card: string; recipient: string; postedAt: string }): Promise<void> {
    await this.cases.upsertEntity({ partitionKey: CaseStore.partitionOf(caseRef), rowKey: `card-${key}`, ...row }, 'Replace');
  }

  async trackedCard(caseRef: string, key: string): Promise<TrackedCardRow | undefined> {
    try {
      return TrackedCardRowSchema.parse(await this.cases.getEntity(CaseStore.partitionOf(caseRef), `card-${key}`));
    } catch (error) {
      if (isStatus(error, 404)) return undefined;
      throw error;
    }
  }

  async trackedCards(caseRef: string): Promise<TrackedCardRow[]> {
    const partition = CaseStore.partitionOf(caseRef);
    const out: TrackedCardRow[] = [];
    for await (const raw of this.cases.listEntities({ queryOptions: { filter: odata`PartitionKey eq ${partition} and RowKey ge 'card-' and RowKey lt 'card.'` } })) {
      out.push(TrackedCardRowSchema.parse(raw));
    }
    return out;
  }
}
