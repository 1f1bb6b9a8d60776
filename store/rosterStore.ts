import { odata, RestError, type TableClient } from '@azure/data-tables';
import { z } from 'zod';
import type { Tables } from './tables.js';

/**
 * The roster's changes, one row each, appended and never changed (the roster as live data,
 * issue 16). A change holds the complete new roster, so the latest row is the current roster
 * and every earlier one is its history. A row's key is its version, written with
 * "insert, never replace": two people saving a change to the same version cannot both succeed,
 * which is the optimistic concurrency the tab relies on. Who downloaded the history is kept in
 * its own partition of the same table.
 *
 * The one thing set on a change after it is written is whether its open cases were brought up to
 * date (`followedUp`): written false with the change itself, so a change whose follow-up failed
 * part-way is never lost, and the sweep finishes it (app/rosterFollowUp.ts). Rows written before
 * it was kept have none: they were followed up when saved.
 */

const CHANGES = 'changes';
const DOWNLOADS = 'downloads';
/** A table property holds at most 64 KiB (32K UTF-16 characters); the roster is split across several. */
const CHUNK = 30_000;
const MAX_VERSION = 9_999_999_999;

/** Newest first when listed: the row key counts down as versions go up. */
const rowKeyOf = (version: number) => String(MAX_VERSION - version).padStart(10, '0');

export const RosterChangeSchema = z.object({
  version: z.number().int().min(1),
  at: z.iso.datetime(),
  by: z.object({ aadObjectId: z.string().min(1), displayName: z.string() }),
  why: z.string().min(1),
  /** The complete roster after the change, as validated when it was made. */
  roster: z.unknown(),
  /**
   * Where cards are posted from this version on (the monitoring and decision channels), as
   * validated when it was made; absent on changes made before channels were kept here, which
   * leave the partnership file's channels in force.
   */
  channels: z.unknown().optional(),
});
export type RosterChange = z.infer<typeof RosterChangeSchema>;

const RowSchema = z.object({ version: z.number(), at: z.string(), byId: z.string(), byName: z.string(), why: z.string(), chunks: z.number().int().min(1) }).loose();

export const RosterDownloadSchema = z.object({ at: z.iso.datetime(), by: z.object({ aadObjectId: z.string(), displayName: z.string() }), format: z.enum(['csv', 'json']) });
export type RosterDownload = z.infer<typeof RosterDownloadSchema>;

export class RosterStore {
  private readonly table: TableClient;
  constructor(tables: Pick<Tables, 'roster'>) {
    this.table = tables.roster;
  }

  /** The latest version, 0 when the roster has never been changed (the partnership file is then the roster). */
  async latestVersion(): Promise<number> {
    const page = await this.table.listEntities({ queryOptions: { filter: odata`PartitionKey eq ${CHANGES}`, select: ['version'] } }).byPage({ maxPageSize: 1 }).next();
    const first = page.done ? undefined : page.value[0];
    return first ? z.number().parse(first.version) : 0;
  }

  /** One version's change, or undefined. */
  async get(version: number): Promise<RosterChange | undefined> {
    try {
      return fromRow(await this.table.getEntity(CHANGES, rowKeyOf(version)));
    } catch (error) {
      if (error instanceof RestError && error.statusCode === 404) return undefined;
      throw error;
    }
  }

  /** Appends the change; 'conflict' when that version was already written (someone changed the roster first). */
  async append(change: RosterChange): Promise<'ok' | 'conflict'> {
    const parsed = RosterChangeSchema.parse(change);
    const json = JSON.stringify(parsed.roster);
    const chunks: Record<string, string> = {};
    for (let i = 0, n = 0; i < json.length || n === 0; i += CHUNK, n++) chunks[`roster${n}`] = json.slice(i, i + CHUNK);
    try {
      await this.table.createEntity({
        partitionKey: CHANGES,
        rowKey: rowKeyOf(parsed.version),
        version: parsed.version,
        at: parsed.at,
        byId: parsed.by.aadObjectId,
        byName: parsed.by.displayName,
        why: parsed.why,
        chunks: Object.keys(chunks).length,
        ...chunks,
        // Two conversation ids and labels: far below a property's 64 KiB.
        ...(parsed.channels !== undefined ? { channels: JSON.stringify(parsed.channels) } : {}),
        followedUp: false,
      });
      return 'ok';
    } catch (error) {
      if (error instanceof RestError && error.statusCode === 409) return 'conflict';
      throw error;
    }
  }

  /** The versions whose open cases are not yet brought up to date, oldest first. */
  async notFollowedUp(): Promise<number[]> {
    const out: number[] = [];
    for await (const entity of this.table.listEntities({ queryOptions: { filter: odata`PartitionKey eq ${CHANGES} and followedUp eq false`, select: ['version'] } })) out.push(z.number().parse(entity.version));
    return out.sort((a, b) => a - b);
  }

  /** The change's open cases are all brought up to date. */
  async markFollowedUp(version: number, at: Date): Promise<void> {
    await this.table.updateEntity({ partitionKey: CHANGES, rowKey: rowKeyOf(version), followedUp: true, followedUpAt: at.toISOString() }, 'Merge');
  }

  /** Every change, newest first. */
  async history(): Promise<RosterChange[]> {
    const out: RosterChange[] = [];
    for await (const entity of this.table.listEntities({ queryOptions: { filter: odata`PartitionKey eq ${CHANGES}` } })) out.push(fromRow(entity));
    return out.sort((a, b) => b.version - a.version);
  }

  /** A download of the history, kept like the case history's exports. */
  async recordDownload(download: RosterDownload): Promise<void> {
    const d = RosterDownloadSchema.parse(download);
    // Sortable by time, then by this process's order (two downloads in one millisecond), then apart by a random tail.
    const rowKey = `${d.at}-${String(process.hrtime.bigint()).padStart(20, '0')}-${Math.random().toString(36).slice(2, 8)}`;
    await this.table.createEntity({ partitionKey: DOWNLOADS, rowKey, record: JSON.stringify(d) });
  }

  async downloads(): Promise<RosterDownload[]> {
    const out: { rowKey: string; download: RosterDownload }[] = [];
    for await (const entity of this.table.listEntities({ queryOptions: { filter: odata`PartitionKey eq ${DOWNLOADS}` } })) out.push({ rowKey: z.string().parse(entity.rowKey), download: RosterDownloadSchema.parse(JSON.parse(z.string().parse(entity.record))) });
    return out.sort((a, b) => (a.rowKey < b.rowKey ? -1 : a.rowKey > b.rowKey ? 1 : 0)).map((x) => x.download);
  }
}

function fromRow(entity: Record<string, unknown>): RosterChange {
  const row = RowSchema.parse(entity);
  let json = '';
  for (let n = 0; n < row.chunks; n++) json += z.string().parse(entity[`roster${n}`]);
  const channels = typeof entity.channels === 'string' ? { channels: JSON.parse(entity.channels) as unknown } : {};
  return RosterChangeSchema.parse({ version: row.version, at: row.at, by: { aadObjectId: row.byId, displayName: row.byName }, why: row.why, roster: JSON.parse(json), ...channels });
}
