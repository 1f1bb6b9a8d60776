import { createHash, randomBytes } from 'node:crypto';
import { odata, RestError, type TableClient } from '@azure/data-tables';
import { z } from 'zod';
import { AccessRecordSchema, type AccessRecord } from '../workflow/accessRecord.js';
import { encodeKey, type Tables } from './tables.js';

/**
 * The case's access records (workflow/accessRecord.ts), one row each in their own table, inserted
 * and never changed. Apart from the case's partition on purpose: the case's head, its version
 * and the cached copy of it stay as they were, so a history view never makes a card out of date.
 */

const RowSchema = z.object({ record: z.string() });

export class AccessLog {
  private readonly table: TableClient;
  constructor(tables: Pick<Tables, 'caseAccess'>) {
    this.table = tables.caseAccess;
  }

  async record(caseRef: string, record: AccessRecord): Promise<void> {
    const partition = encodeKey(caseRef);
    // Sortable by time; the random part keeps two reads in the same millisecond apart. The
    // partition ends the key, as in the case tables, so Azurite's row-key index stays selective.
    const rowKey = `${record.at}-${randomBytes(6).toString('hex')}~${partition}`;
    await this.table.createEntity({ partitionKey: partition, rowKey, record: JSON.stringify(AccessRecordSchema.parse(record)) });
  }

  /**
   * Marks a signed download link as used; false if it already was. A link works once: a copy left
   * behind (in a browser's history, a proxy's or the platform's request log) downloads nothing.
   * The row holds a hash of the signature, never the signature itself.
   */
  async claimLink(caseRef: string, signature: string): Promise<boolean> {
    const partition = encodeKey(caseRef);
    const rowKey = `link-${createHash('sha256').update(signature).digest('hex')}~${partition}`;
    try {
      await this.table.createEntity({ partitionKey: partition, rowKey, linkUsed: true });
      return true;
    } catch (error) {
      if (error instanceof RestError && error.statusCode === 409) return false;
      throw error;
    }
  }

  /** Every access record of the case, oldest first. */
  async of(caseRef: string): Promise<AccessRecord[]> {
    const partition = encodeKey(caseRef);
    const out: AccessRecord[] = [];
    for await (const entity of this.table.listEntities({ queryOptions: { filter: odata`PartitionKey eq ${partition}` } })) {
      // Used-link markers share the partition; they are not access records.
      if (entity.linkUsed === true) continue;
      out.push(AccessRecordSchema.parse(JSON.parse(RowSchema.parse(entity).record)));
    }
    return out.sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  }
}
