import { TableClient, type TableServiceClientOptions } from '@azure/data-tables';

/**
 * The four tables the product keeps. One storage account (Azurite locally) holds them all.
 * - cases: per case partition: its events (the audit trail), its outbox and its tracked cards
 * - schedule: one partition of instants at which the sweep must look at a case again
 * - conversations: where the bot can post proactively (saved from every activity it receives)
 * - caseIndex: one row per case, for listing and for the sweep's cost to follow what is due
 */
export type Tables = {
  cases: TableClient;
  schedule: TableClient;
  conversations: TableClient;
  caseIndex: TableClient;
};

export async function openTables(connectionString: string, prefix = ''): Promise<Tables> {
  const options: TableServiceClientOptions = {
    allowInsecureConnection: connectionString.includes('http://') || connectionString.includes('UseDevelopmentStorage'),
    // A blip is retried, but an outage must fail fast: a card click has about 10 s before Teams shows
    // an error, and the person should read "please try again" instead (the SDK default spends ~7 s).
    retryOptions: { maxRetries: 3, retryDelayInMs: 150, maxRetryDelayInMs: 800 },
  };
  const open = (name: string) => TableClient.fromConnectionString(connectionString, `${prefix}${name}`, options);
  const tables: Tables = {
    cases: open('Cases'),
    schedule: open('Schedule'),
    conversations: open('Conversations'),
    caseIndex: open('CaseIndex'),
  };
  await Promise.all(Object.values(tables).map((t) => t.createTable()));
  return tables;
}

/** Table keys may not contain / \ # ? or control characters; case references and Teams ids are encoded. */
export function encodeKey(value: string): string {
  return Buffer.from(value, 'utf8').toString('base64url');
}

export function isStatus(error: unknown, status: number): boolean {
  return typeof error === 'object' && error !== null && 'statusCode' in error && (error as { statusCode: unknown }).statusCode === status;
}
