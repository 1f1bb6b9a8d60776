import { odata, type TransactionAction } from '@azure/data-tables';
import { batches } from './batches.js';
import { z } from 'zod';
import { encodeKey, isStatus, type Tables } from './tables.js';
import { RecentMap } from './recentMap.js';

/**
 * Instants at which a case needs the sweep, in one small table per UTC day. Row keys start with
 * the ISO instant, so "what is due" is a range query over the tables of the days up to now: its
 * cost follows what is due in those days, never how many cases are open. (One table for every
 * instant was a single range query too, but Azurite answers any query by scanning the whole
 * table, so a sweep with 100,000 open cases took 50 s locally.)
 *
 * An entry is never written into a day before the writer's own day (an instant already past goes
 * into today's table, still due at once), and the sweep drops a day's table only when it is
 * empty and at least GRACE_DAYS old, so a writer whose clock lags never writes into a dropped table.
 */

const PARTITION = 'due';
const GRACE_DAYS = 2;
/**
 * An entry this process wrote is known to be there while it is not yet due: only a sweep removes
 * entries, and only due ones. This margin allows for another instance's clock running ahead
 * (instances keep time by NTP, to well within a second).
 */
const KNOWN_MARGIN_MS = 60_000;
const MAX_KNOWN_CASES = 5_000;
const EntryRowSchema = z.object({
  partitionKey: z.string(),
  rowKey: z.string(),
  caseRef: z.string(),
  /** Written by the sweep after the case failed: its success ends the failure streak. */
  retry: z.boolean().optional(),
});
export const ScheduleEntrySchema = EntryRowSchema.extend({ day: z.string().regex(/^\d{8}$/) });
export type ScheduleEntry = z.infer<typeof ScheduleEntrySchema>;

export const dayOf = (instant: Date): string => instant.toISOString().slice(0, 10).replaceAll('-', '');

export class ScheduleIndex {
  /** Day tables this process has created: creating one is a round trip worth saving on every append. */
  private readonly created = new Set<string>();
  /**
   * Entries this process has written, by case: a case's deadlines are written again with every
   * change to it (the set is recomputed from its state), and a reply need not pay a round trip
   * for entries that are certainly still there.
   */
  private readonly known = new RecentMap<string, Set<string>>(MAX_KNOWN_CASES);
  constructor(private readonly tables: Tables) {}

  async add(caseRef: string, instants: Date[], now: Date = new Date(), options: { retry?: boolean } = {}): Promise<void> {
    const today = dayOf(now);
    const byDay = new Map<string, { partitionKey: string; rowKey: string; caseRef: string; retry?: boolean }[]>();
    const known = this.known.peek(caseRef);
    const certainlyThere = (iso: string) => !options.retry && known?.has(iso) === true && Date.parse(iso) > now.getTime() + KNOWN_MARGIN_MS;
    const wanted = [...new Set(instants.map((d) => d.toISOString()))];
    for (const iso of wanted.filter((i) => !certainlyThere(i))) {
      const day = [dayOf(new Date(iso)), today].sort().at(-1)!;
      byDay.set(day, [...(byDay.get(day) ?? []), { partitionKey: PARTITION, rowKey: `${iso}|${encodeKey(caseRef)}`, caseRef, ...(options.retry ? { retry: true } : {}) }]);
    }
    // One transaction per day table (its entries share the partition), of at most 100 entries each.
    await Promise.all(
      [...byDay].map(async ([day, entities]) => {
        const write = () =>
          entities.length === 1
            ? this.tables.dueTable(day).upsertEntity(entities[0]!, 'Replace')
            : Promise.all(batches(entities.map((e): TransactionAction => ['upsert', e, 'Replace'])).map((batch) => this.tables.dueTable(day).submitTransaction(batch)));
        await this.ensureDay(day);
        try {
          await write();
        } catch (error) {
          // Another process (or the sweep dropping an old, empty day) removed it: create it again.
          if (!isStatus(error, 404)) throw error;
          this.created.delete(day);
          await this.ensureDay(day);
          await write();
        }
      }),
    );
    this.remember(caseRef, wanted, now);
  }

  private remember(caseRef: string, written: string[], now: Date): void {
    const horizon = now.getTime() + KNOWN_MARGIN_MS;
    const still = [...(this.known.peek(caseRef) ?? []), ...written].filter((iso) => Date.parse(iso) > horizon);
    if (still.length === 0) this.known.delete(caseRef);
    else this.known.set(caseRef, new Set(still));
  }

  async due(now: Date, limit: number): Promise<ScheduleEntry[]> {
    // '|' sorts after every character of an ISO instant, so this includes everything due at `now`.
    const upper = `${now.toISOString()}|~`;
    const today = dayOf(now);
    const days = (await this.tables.dueDays()).filter((day) => day <= today);
    const entries: ScheduleEntry[] = [];
    for (const day of days) {
      const pages = this.tables
        .dueTable(day)
        .listEntities({ queryOptions: { filter: odata`PartitionKey eq ${PARTITION} and RowKey le ${upper}` } })
        .byPage({ maxPageSize: Math.min(limit, 1000) });
      let any = false;
      try {
        for await (const page of pages) {
          for (const row of page) {
            any = true;
            entries.push({ ...EntryRowSchema.parse(row), day });
            if (entries.length >= limit) return entries;
          }
        }
      } catch (error) {
        // Dropped by another sweep since it was listed: it was empty.
        if (isStatus(error, 404)) continue;
        throw error;
      }
      if (!any && day < dayOf(new Date(now.getTime() - GRACE_DAYS * 86_400_000))) await this.dropIfEmpty(day);
    }
    return entries;
  }

  /** A case's entries, in one transaction per day table; one by one if another sweep removed some first. */
  async removeAll(entries: ScheduleEntry[]): Promise<void> {
    const byDay = new Map<string, ScheduleEntry[]>();
    for (const entry of entries) byDay.set(entry.day, [...(byDay.get(entry.day) ?? []), entry]);
    await Promise.all(
      [...byDay].map(async ([day, group]) => {
        const deletes = group.map((e): TransactionAction => ['delete', { partitionKey: e.partitionKey, rowKey: e.rowKey }]);
        await Promise.all(
          batches(deletes).map(async (batch) => {
            if (batch.length > 1) {
              try {
                await this.tables.dueTable(day).submitTransaction(batch);
                return;
              } catch (error) {
                if (!isStatus(error, 404)) throw error;
              }
            }
            await Promise.all(batch.map(([, e]) => this.remove({ ...e, day, caseRef: '' })));
          }),
        );
      }),
    );
  }

  async remove(entry: ScheduleEntry): Promise<void> {
    try {
      await this.tables.dueTable(entry.day).deleteEntity(entry.partitionKey, entry.rowKey);
    } catch (error) {
      // Another sweep removed it first: the outcome is the same.
      if (!isStatus(error, 404)) throw error;
    }
  }

  private async ensureDay(day: string): Promise<void> {
    if (this.created.has(day)) return;
    await this.tables.dueTable(day).createTable();
    this.created.add(day);
  }

  /** A day wholly in the past whose entries are all done: its table goes, so listing stays short. */
  private async dropIfEmpty(day: string): Promise<void> {
    const table = this.tables.dueTable(day);
    for await (const page of table.listEntities({ queryOptions: { select: ['RowKey'] } }).byPage({ maxPageSize: 1 })) {
      if (page.length > 0) return;
      break;
    }
    try {
      await this.tables.dropDueTable(day);
    } catch (error) {
      if (!isStatus(error, 404)) throw error;
    }
  }
}
