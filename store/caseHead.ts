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
 *
 * A change too large for one transaction (100 rows) is committed by this row alone: it holds
 * every event whose own row is not written yet (`rowsThrough` says how far the rows go), so the
 * events and the head are still one atomic write, and the rows that follow are copies written
 * from it (again, idempotently, by whoever finds them missing).
 */

/** A string property holds at most 32K UTF-16 characters; an entity at most 1 MiB. */
const CHUNK_CHARS = 30_000;
/** The events' share of the row; with the lists below, well inside 1 MiB at two bytes a character. */
const MAX_EVENT_CHARS = 360_000;
const MAX_HEAD_CHARS = 470_000;

const KeyListSchema = z.array(z.string());
const HeadRowSchema = z
  .object({
    etag: z.string(),
    version: z.number().int().nonnegative(),
    eventChunks: z.number().int().nonnegative(),
    /** Too much history for one row: the events are read from their rows instead (and the chunks, if any, hold the tail). */
    overflow: z.boolean().optional(),
    /** The chunks hold the events from this sequence number on; the rows hold those before. */
    eventsFrom: z.number().int().positive().optional(),
    /** Every event up to this sequence number has its own row (absent: all of them). */
    rowsThrough: z.number().int().nonnegative().optional(),
    pending: z.string(),
    pendingChunks: z.number().int().positive().optional(),
    tracked: z.string(),
    trackedChunks: z.number().int().positive().optional(),
  })
  .catchall(z.unknown());

export type CaseHead = {
  etag: string;
  version: number;
  /** Every event up to this sequence number has its own row; the head holds the rest. */
  rowsThrough: number;
  /** Outbox row keys of effects not known to be done (some may be done since: read before trusting). */
  pending: string[];
  /** Keys of tracked sends (their card rows exist once posted). */
  tracked: string[];
  /** The events, unless the case outgrew one row. */
  events: CaseEvent[] | undefined;
  /** When the case outgrew one row: the events from `from` on, which may not have rows yet. */
  tail?: { from: number; events: CaseEvent[] } | undefined;
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
  const copy = heads?.get(partition)?.head;
  let events: CaseEvent[] | undefined = copy?.etag === row.etag ? copy.events : undefined;
  let tail: CaseHead['tail'];
  if (!events && row.eventChunks > 0) {
    const chunks = Array.from({ length: row.eventChunks }, (_, i) => z.string().parse(raw[`e${i}`]));
    const parsed = z.array(CaseEventSchema).parse(JSON.parse(chunks.join('') || '[]'));
    if (row.eventsFrom === undefined) events = parsed;
    else tail = { from: row.eventsFrom, events: parsed };
  } else if (!events && !row.overflow) events = [];
  return {
    etag: row.etag,
    version: row.version,
    rowsThrough: row.rowsThrough ?? row.version,
    pending: readList(raw, 'pending', row.pendingChunks),
    tracked: readList(raw, 'tracked', row.trackedChunks),
    events,
    ...(tail ? { tail } : {}),
  };
}

type HeadContent = { version: number; events: CaseEvent[]; rowsThrough: number; pending: string[]; tracked: string[] };

/**
 * The head row's properties for a case at `version` with these events, of which those up to
 * `rowsThrough` have rows. Throws when even the events without rows do not fit: the caller must
 * commit more of them as rows in the same transaction.
 */
export function headEntity(partition: string, head: HeadContent): Record<string, unknown> & { partitionKey: string; rowKey: string } {
  const lists = { ...listProperties('pending', head.pending), ...listProperties('tracked', head.tracked) };
  const listChars = Object.values(lists).reduce<number>((n, v) => n + (typeof v === 'string' ? v.length : 0), 0);
  const budget = Math.min(MAX_EVENT_CHARS, MAX_HEAD_CHARS - listChars);
  let json = JSON.stringify(head.events);
  let eventsFrom: number | undefined;
  if (json.length > budget) {
    // Sequence numbers start at 1: the event at index i is number i + 1.
    json = JSON.stringify(head.events.slice(head.rowsThrough));
    eventsFrom = head.rowsThrough + 1;
    if (json.length > budget) throw new HeadTooLarge();
  }
  const chunks: string[] = [];
  for (let i = 0; i < json.length; i += CHUNK_CHARS) chunks.push(json.slice(i, i + CHUNK_CHARS));
  const entity: Record<string, unknown> & { partitionKey: string; rowKey: string } = {
    partitionKey: partition,
    rowKey: caseRowKeys.head(partition),
    version: head.version,
    rowsThrough: head.rowsThrough,
    eventChunks: chunks.length,
    overflow: eventsFrom !== undefined,
    ...(eventsFrom !== undefined ? { eventsFrom } : {}),
    ...lists,
  };
  chunks.forEach((chunk, i) => (entity[`e${i}`] = chunk));
  return entity;
}

/** The events without their own rows would not fit in the head row. */
export class HeadTooLarge extends Error {
  constructor() {
    super('The events without rows do not fit in the case head row');
  }
}

/**
 * A list of keys as one property when it fits in 32K characters, else over `name`, `name1`, ...
 * The count is always written: a Merge that shortens the list leaves old chunks behind, unread.
 */
export function listProperties(name: 'pending' | 'tracked', keys: string[]): Record<string, string | number> {
  const json = JSON.stringify(keys);
  const out: Record<string, string | number> = { [`${name}Chunks`]: Math.max(1, Math.ceil(json.length / CHUNK_CHARS)) };
  for (let i = 0, n = 0; i < json.length || n === 0; i += CHUNK_CHARS, n++) out[n === 0 ? name : `${name}${n}`] = json.slice(i, i + CHUNK_CHARS);
  return out;
}

function readList(raw: Record<string, unknown>, name: 'pending' | 'tracked', chunks = 1): string[] {
  const parts = Array.from({ length: chunks }, (_, i) => z.string().parse(raw[i === 0 ? name : `${name}${i}`]));
  return KeyListSchema.parse(JSON.parse(parts.join('')));
}
