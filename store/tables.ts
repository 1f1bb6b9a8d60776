import { TableClient, TableServiceClient, type TableServiceClientOptions } from '@azure/data-tables';

/**
 * The tables the product keeps. One storage account (Azurite locally) holds them all.
 * - cases: per case partition: its head row, its events (the audit trail), its outbox and its tracked cards
 * - schedule: no longer written (kept so older deployments' tables still open); see `dueTable`
 * - due tables, one per UTC day (`<prefix>DueYYYYMMDD`): instants at which the sweep must look at a case again
 * - conversations: where the bot can post proactively (saved from activities it receives)
 * - caseIndex: one row per case, for listing cases
 */
export type Tables = {
  cases: TableClient;
  schedule: TableClient;
  conversations: TableClient;
  caseIndex: TableClient;
  /** The due table of one UTC day ('20260610'); it may not exist yet. */
  dueTable(day: string): TableClient;
  /** The days that have a due table, oldest first. */
  dueDays(): Promise<string[]>;
  /** Removes a day's due table once nothing in it is left to do. */
  dropDueTable(day: string): Promise<void>;
};

const DUE = 'Due';

export async function openTables(connectionString: string, prefix = ''): Promise<Tables> {
  const options: TableServiceClientOptions = { allowInsecureConnection: connectionString.includes('http://') || connectionString.includes('UseDevelopmentStorage') };
  const open = (name: string) => TableClient.fromConnectionString(connectionString, `${prefix}${name}`, options);
  const service = TableServiceClient.fromConnectionString(connectionString, options);
  const duePrefix = `${prefix}${DUE}`;
  const tables: Tables = {
    cases: open('Cases'),
    schedule: open('Schedule'),
    conversations: open('Conversations'),
    caseIndex: open('CaseIndex'),
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
  await Promise.all([tables.cases, tables.schedule, tables.conversations, tables.caseIndex].map((t) => t.createTable()));
  return tables;
}

/** Table keys may not contain / \ # ? or control characters; case references and Teams ids are encoded. */
export function encodeKey(value: string): string {
  return Buffer.from(value, 'utf8').toString('base64url');
}

export function isStatus(error: unknown, status: number): boolean {
  return typeof error === 'object' && error !== null && 'statusCode' in error && (error as { statusCode: unknown }).statusCode === status;
}
