import { TableClient, TableServiceClient, type TableServiceClientOptions } from '@azure/data-tables';
import type { TokenCredential } from '@azure/identity';

/** A connection string (local mode, tests), or in Azure the Table service URL and a token credential (the managed identity). */
export type TableAccess = string | { endpoint: string; credential: TokenCredential };

/**
 * The tables the product keeps. One storage account (Azurite locally) holds them all.
 * - cases, spread over CASE_SHARDS tables by a hash of the partition: per case partition its head
 *   row, its events (the audit trail), its outbox and its tracked cards. Azure Table Storage
 *   does not need the spreading; Azurite does: every write to one of its tables (an insert, a
 *   merge, a replace) costs time in proportion to the rows already in that table (LokiJS keeps
 *   each index as one sorted array, and finds a changed row in it by a linear scan).
 * - due tables, one per UTC day (`<prefix>DueYYYYMMDD`): instants at which the sweep must look at a case again
 * - conversations: where the bot can post proactively (saved from activities it receives)
 * - caseIndex: one row per case, for listing cases
 * - caseAccess: who viewed or downloaded a case's history (insert-only, apart from the events so a
 *   read never changes the case's version)
 * - mailBounces: the bounce check's watermark, the non-delivery reports already taken, and whether
 *   a refused inbox was reported (store/bounceLedger.ts)
 * - rosterChanges: the roster as the business unit keeps it, one row per change (store/rosterStore.ts)
 * - awaySuggestions: who was asked to record an absence Outlook's automatic replies suggest
 *   (store/awaySuggestionLedger.ts)
 */
export type Tables = {
  /** The table that holds this case partition's rows. */
  cases(partition: string): TableClient;
  conversations: TableClient;
  caseIndex: TableClient;
  caseAccess: TableClient;
  mailBounces: TableClient;
  /** The roster's changes and who downloaded their history (store/rosterStore.ts). */
  roster: TableClient;
  /** The Outlook absence check's last run and who was asked about which period (store/awaySuggestionLedger.ts). */
  awaySuggestions: TableClient;
  /** The due table of one UTC day ('20260610'); it may not exist yet. */
  dueTable(day: string): TableClient;
  /** The days that have a due table, oldest first. */
  dueDays(): Promise<string[]>;
  /** Removes a day's due table once nothing in it is left to do. */
  dropDueTable(day: string): Promise<void>;
};

const DUE = 'Due';
export const CASE_SHARDS = 16;

/** Which of the Cases tables holds a partition: FNV-1a of the key, so every process agrees. */
export function caseShard(partition: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < partition.length; i++) hash = Math.imul(hash ^ partition.charCodeAt(i), 0x01000193) >>> 0;
  return hash % CASE_SHARDS;
}

export const caseTableName = (shard: number): string => `Cases${String(shard).padStart(2, '0')}`;

export async function openTables(access: TableAccess, prefix = ''): Promise<Tables> {
  const address = typeof access === 'string' ? access : access.endpoint;
  const options: TableServiceClientOptions = {
    allowInsecureConnection: address.includes('http://') || address.includes('UseDevelopmentStorage'),
    // A blip is retried, but an outage must fail fast: a card click has about 10 s before Teams shows
    // an error, and the person should read "please try again" instead (the SDK default spends ~7 s).
    retryOptions: { maxRetries: 3, retryDelayInMs: 150, maxRetryDelayInMs: 800 },
  };
  const open = (name: string) =>
    typeof access === 'string' ? TableClient.fromConnectionString(access, `${prefix}${name}`, options) : new TableClient(access.endpoint, `${prefix}${name}`, access.credential, options);
  const service = typeof access === 'string' ? TableServiceClient.fromConnectionString(access, options) : new TableServiceClient(access.endpoint, access.credential, options);
  const duePrefix = `${prefix}${DUE}`;
  const caseTables = Array.from({ length: CASE_SHARDS }, (_, shard) => open(caseTableName(shard)));
  const tables: Tables = {
    cases: (partition) => caseTables[caseShard(partition)]!,
    conversations: open('Conversations'),
    caseIndex: open('CaseIndex'),
    caseAccess: open('CaseAccess'),
    mailBounces: open('MailBounces'),
    roster: open('RosterChanges'),
    awaySuggestions: open('AwaySuggestions'),
    dueTable: (day) => open(`${DUE}${day}`),
    async dueDays() {
      // Filtered here, not by OData: table names compare case-insensitively in Azure but not in
      // every emulator, and the account holds a few tables per day of pending work at most.
      const days: string[] = [];
      for await (const table of service.listTables()) {
        const name = table.name ?? '';
        const day = name.slice(duePrefix.length);
        if (name.length === duePrefix.length + 8 && name.toLowerCase().startsWith(duePrefix.toLowerCase()) && /^\d{8}$/.test(day)) days.push(day);
      }
      return days.sort();
    },
    async dropDueTable(day) {
      await service.deleteTable(`${duePrefix}${day}`);
    },
  };
  await Promise.all([...caseTables, tables.conversations, tables.caseIndex, tables.caseAccess, tables.mailBounces, tables.roster, tables.awaySuggestions].map((t) => t.createTable()));
  return tables;
}

/** Table keys may not contain / \ # ? or control characters; case references and Teams ids are encoded. */
export function encodeKey(value: string): string {
  return Buffer.from(value, 'utf8').toString('base64url');
}

export function isStatus(error: unknown, status: number): boolean {
  return typeof error === 'object' && error !== null && 'statusCode' in error && (error as { statusCode: unknown }).statusCode === status;
}
