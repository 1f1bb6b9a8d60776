import type { TableClient } from '@azure/data-tables';
import { z } from 'zod';
import { encodeKey, isStatus, type Tables } from './tables.js';

/**
 * What the Outlook absence check (app/awaySuggestions.ts) keeps between runs, in its own table:
 * - when it last ran, taken with an eTag so of two sweeps at once only one asks Graph;
 * - per person, the automatic-reply period they were last asked about, so a person is asked once
 *   per period, not at every run; cleared when their replies are off, so a later period asks again.
 * Only object ids and instants: no message text of anyone's automatic reply is kept.
 */

const RunRowSchema = z.object({ etag: z.string(), checkedAt: z.string() });
const AskedRowSchema = z.object({ period: z.string() });
const RUN = { partitionKey: 'run', rowKey: 'outlook' };

export class AwaySuggestionLedger {
  private readonly table: TableClient;
  constructor(tables: Pick<Tables, 'awaySuggestions'>) {
    this.table = tables.awaySuggestions;
  }

  /** Takes this run if the last began at least `everyMs` ago; false when it is not time, or another sweep took it. */
  async takeRun(now: Date, everyMs: number): Promise<boolean> {
    let row: z.infer<typeof RunRowSchema> | undefined;
    try {
      const parsed = RunRowSchema.safeParse(await this.table.getEntity(RUN.partitionKey, RUN.rowKey));
      row = parsed.success ? parsed.data : undefined;
    } catch (error) {
      if (!isStatus(error, 404)) throw error;
    }
    if (row && Date.parse(row.checkedAt) + everyMs > now.getTime()) return false;
    const entity = { ...RUN, checkedAt: now.toISOString() };
    try {
      if (row) await this.table.updateEntity(entity, 'Replace', { etag: row.etag });
      else await this.table.createEntity(entity);
      return true;
    } catch (error) {
      if (isStatus(error, 409) || isStatus(error, 412)) return false;
      throw error;
    }
  }

  async askedAbout(aadObjectId: string): Promise<string | undefined> {
    try {
      const parsed = AskedRowSchema.safeParse(await this.table.getEntity('asked', encodeKey(aadObjectId)));
      return parsed.success ? parsed.data.period : undefined;
    } catch (error) {
      if (isStatus(error, 404)) return undefined;
      throw error;
    }
  }

  /** The object ids of everyone with a period remembered. */
  async everyoneAsked(): Promise<string[]> {
    const ids: string[] = [];
    for await (const row of this.table.listEntities({ queryOptions: { filter: "PartitionKey eq 'asked'", select: ['RowKey'] } })) {
      if (typeof row.rowKey === 'string') ids.push(Buffer.from(row.rowKey, 'base64url').toString('utf8'));
    }
    return ids;
  }

  async asked(aadObjectId: string, period: string): Promise<void> {
    await this.table.upsertEntity({ partitionKey: 'asked', rowKey: encodeKey(aadObjectId), period }, 'Replace');
  }

  async clear(aadObjectId: string): Promise<void> {
    try {
      await this.table.deleteEntity('asked', encodeKey(aadObjectId));
    } catch (error) {
      if (!isStatus(error, 404)) throw error;
    }
  }
}
