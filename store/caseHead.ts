import type { TableClient } from '@azure/data-tables';
import { z } from 'zod';
import { CaseEventSchema, type CaseEvent } from '../workflow/events.js';
import { caseRowKeys } from './caseKeys.js';
import { isStatus } from './tables.js';
import type { HeadCache } from './headCache.js';

/**
 * A case's head row: its version, a copy of its events, the effects not yet known to be done and
 * the keys of its tracked cards. It is written in the same transaction as the event rows, with the
 * eTag read (or as a new row for a new case), so it can never disagree with the history; the
 * event rows stay the audit trail. One point read gives what a partition query over the event
 * rows gave before, without scanning anything (a query costs O(rows in the table) on Azurite).
 */

/** A string property holds at most 32K UTF-16 characters; an entity at most 1 MiB. */
const CHUNK_CHARS = 30_000;
const MAX_CHUNKS = 12;

const KeyListSchema = z.array(z.string());
const HeadRowSchema = z
  .object({
    etag: z.string(),
    version: z.number().int().nonnegative(),
    eventChunks: z.number().int().nonnegative(),
    /** Too much history for one row: the events are read from their rows instead. */
    overflow: z.boolean().optional(),
    pending: z.string(),
    tracked: z.string(),
  })
  .catchall(z.unknown());

export type CaseHead = {
  etag: string;
  version: number;
  /** Outbox row keys of effects not known to be done (some may be done since: read before trusting). */
  pending: string[];
  /** Keys of tracked sends (their card rows exist once posted). */
  tracked: string[];
  /** The events, unless the case outgrew one row. */
  events: CaseEvent[] | undefined;
};

/**
 * The case's head row as stored. `heads` is this process's copy: a row whose eTag is the copy's
 * has the copy's events (an eTag changes with every write), so validating a case's whole history
 * again, a tenth of a reply's time, is skipped.
 */
export async function readHead(cases: TableClient, partition: string, heads?: HeadCache): Promise<CaseHead | undefined> {
  let raw: Record<string, unknown>;
  try {
    raw = await cases.getEntity(partition, caseRowKeys.head(partition));
  } catch (error) {
    if (isStatus(error, 404)) return undefined;
    throw error;
  }
  const row = HeadRowSchema.parse(raw);
  let events: CaseEvent[] | undefined;
  if (!row.overflow) {
    const copy = heads?.get(partition)?.head;
    events = copy?.etag === row.etag ? copy.events : undefined;
    if (!events) {
      const chunks = Array.from({ length: row.eventChunks }, (_, i) => z.string().parse(raw[`e${i}`]));
      events = z.array(CaseEventSchema).parse(JSON.parse(chunks.join('') || '[]'));
    }
  }
  return { etag: row.etag, version: row.version, pending: KeyListSchema.parse(JSON.parse(row.pending)), tracked: KeyListSchema.parse(JSON.parse(row.tracked)), events };
}

/** The head row's properties for a case at `version` with these events. */
export function headEntity(partition: string, head: { version: number; events: CaseEvent[]; pending: string[]; tracked: string[] }): Record<string, unknown> & { partitionKey: string; rowKey: string } {
  const json = JSON.stringify(head.events);
  const chunks: string[] = [];
  for (let i = 0; i < json.length; i += CHUNK_CHARS) chunks.push(json.slice(i, i + CHUNK_CHARS));
  const overflow = chunks.length > MAX_CHUNKS;
  const entity: Record<string, unknown> & { partitionKey: string; rowKey: string } = {
    partitionKey: partition,
    rowKey: caseRowKeys.head(partition),
    version: head.version,
    eventChunks: overflow ? 0 : chunks.length,
    overflow,
    pending: JSON.stringify(head.pending),
    tracked: JSON.stringify(head.tracked),
  };
  if (!overflow) chunks.forEach((chunk, i) => (entity[`e${i}`] = chunk));
  return entity;
}
