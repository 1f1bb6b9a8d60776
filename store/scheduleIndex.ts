import { odata, type TableClient } from '@azure/data-tables';
import { z } from 'zod';
import { encodeKey, isStatus, type Tables } from './tables.js';

/**
 * Instants at which a case needs the sweep. Row keys start with the ISO instant, so "what is due"
 * is one range query whose cost grows with what is due, not with how many cases are open.
 */

const PARTITION = 'due';
const EntrySchema = z.object({ partitionKey: z.string(), rowKey: z.string(), caseRef: z.string() });
export type ScheduleEntry = z.infer<typeof EntrySchema>;

export class ScheduleIndex {
  private readonly table: TableClient;
  constructor(tables: Tables) {
    this.table = tables.schedule;
  }

  async add(caseRef: string, instants: Date[]): Promise<void> {
    const unique = [...new Set(instants.map((d) => d.toISOString()))];
    await Promise.all(
      unique.map((iso) => this.table.upsertEntity({ partitionKey: PARTITION, rowKey: `${iso}|${encodeKey(caseRef)}`, caseRef }, 'Replace')),
    );
  }

  async due(now: Date, limit: number): Promise<ScheduleEntry[]> {
    // '|' sorts after every character of an ISO instant, so this includes everything due at `now`.
    const upper = `${now.toISOString()}|~`;
    const entries: ScheduleEntry[] = [];
    const pages = this.table.listEntities({ queryOptions: { filter: odata`PartitionKey eq ${PARTITION} and RowKey le ${upper}` } }).byPage({ maxPageSize: Math.min(limit, 1000) });
    for await (const page of pages) {
      for (const row of page) {
        entries.push(EntrySchema.parse(row));
        if (entries.length >= limit) return entries;
      }
    }
    return entries;
  }

  async remove(entry: ScheduleEntry): Promise<void> {
    try {
      await this.table.deleteEntity(entry.partitionKey, entry.rowKey);
    } catch (error) {
      // Another sweep removed it first: the outcome is the same.
      if (!isStatus(error, 404)) throw error;
    }
  }
}
