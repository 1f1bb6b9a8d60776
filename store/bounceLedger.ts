import { createHash } from 'node:crypto';
import type { TableClient } from '@azure/data-tables';
import { z } from 'zod';
import { isStatus, type Tables } from './tables.js';

/**
 * What the bounce check (app/bounceWatch.ts) keeps between runs, in its own table:
 * - the watermark: reports received before it have been read;
 * - one row per non-delivery report taken, created before it is reported, so of two checks
 *   reading the same report (they overlap, or the watermark did not move) one reports it; a take
 *   that was never finished (the process died) can be taken again after `leaseMs`;
 * - whether the inbox's refusal was reported, so the business unit is told once, not every run.
 */

const WatermarkRowSchema = z.object({ etag: z.string(), since: z.string(), checkedAt: z.string() });
const TakenRowSchema = z.object({ etag: z.string(), takenAt: z.string(), reportedAt: z.string().optional() });

const WATCH = { partitionKey: 'watch', rowKey: 'inbox' };
const ALARM = { partitionKey: 'alarm', rowKey: 'inboxRefused' };

export type Watermark = { since: Date; checkedAt: Date; etag: string };

export class BounceLedger {
  private readonly table: TableClient;
  constructor(tables: Pick<Tables, 'mailBounces'>) {
    this.table = tables.mailBounces;
  }

  async watermark(): Promise<Watermark | undefined> {
    const row = WatermarkRowSchema.safeParse(await this.read(WATCH.partitionKey, WATCH.rowKey));
    return row.success ? { since: new Date(row.data.since), checkedAt: new Date(row.data.checkedAt), etag: row.data.etag } : undefined;
  }

  /** Moves the watermark on from the one read; false when another check moved it first (theirs stands). */
  async advance(from: Watermark | undefined, since: Date, checkedAt: Date): Promise<boolean> {
    const entity = { ...WATCH, since: since.toISOString(), checkedAt: checkedAt.toISOString() };
    try {
      if (from) await this.table.updateEntity(entity, 'Replace', { etag: from.etag });
      else await this.table.createEntity(entity);
      return true;
    } catch (error) {
      if (isStatus(error, 409) || isStatus(error, 412)) return false;
      throw error;
    }
  }

  /**
   * Takes a report to tell the business unit of it: an eTag to finish with, or undefined when it
   * was reported already or another check is reporting it now.
   */
  async take(reportId: string, now: Date, leaseMs: number): Promise<string | undefined> {
    const rowKey = keyOf(reportId);
    try {
      return (await this.table.createEntity({ partitionKey: 'ndr', rowKey, takenAt: now.toISOString() })).etag;
    } catch (error) {
      if (!isStatus(error, 409)) throw error;
    }
    const row = TakenRowSchema.safeParse(await this.read('ndr', rowKey));
    if (!row.success || row.data.reportedAt || Date.parse(row.data.takenAt) + leaseMs > now.getTime()) return undefined;
    try {
      return (await this.table.updateEntity({ partitionKey: 'ndr', rowKey, takenAt: now.toISOString() }, 'Merge', { etag: row.data.etag })).etag;
    } catch (error) {
      if (isStatus(error, 412) || isStatus(error, 404)) return undefined;
      throw error;
    }
  }

  async reported(reportId: string, etag: string, now: Date): Promise<void> {
    await this.table.updateEntity({ partitionKey: 'ndr', rowKey: keyOf(reportId), reportedAt: now.toISOString() }, 'Merge', { etag });
  }

  /** Gives a take back (telling the business unit failed), so the next check tries again. */
  async release(reportId: string, etag: string): Promise<void> {
    try {
      await this.table.deleteEntity('ndr', keyOf(reportId), { etag });
    } catch (error) {
      if (!isStatus(error, 404) && !isStatus(error, 412)) throw error;
    }
  }

  /** The inbox refused us: true for the one check that should tell the business unit. */
  async inboxRefused(now: Date, detail: string): Promise<boolean> {
    try {
      await this.table.createEntity({ ...ALARM, at: now.toISOString(), detail: detail.slice(0, 1000) });
      return true;
    } catch (error) {
      if (isStatus(error, 409)) return false;
      throw error;
    }
  }

  /** The inbox can be read (again): a later refusal is reported afresh. True if it had been refused. */
  async inboxReadable(): Promise<boolean> {
    try {
      await this.table.deleteEntity(ALARM.partitionKey, ALARM.rowKey);
      return true;
    } catch (error) {
      if (isStatus(error, 404)) return false;
      throw error;
    }
  }

  private async read(partitionKey: string, rowKey: string): Promise<Record<string, unknown> | undefined> {
    try {
      return await this.table.getEntity(partitionKey, rowKey);
    } catch (error) {
      if (isStatus(error, 404)) return undefined;
      throw error;
    }
  }
}

/** A report's id (an Internet message id: angle brackets, @, slashes) as a row key. */
function keyOf(reportId: string): string {
  return createHash('sha256').update(reportId).digest('hex');
}
