import { writeFile } from 'node:fs/promises';
import { Session } from 'node:inspector/promises';
import { createRequire } from 'node:module';

/**
 * Azurite's Table service, in memory, in its own process: the same server code and options as
 * local/azurite.ts (127.0.0.1, --skipApiVersionCheck, --disableProductStyleUrl, --silent,
 * --inMemoryPersistence) with telemetry off, so nothing leaves the machine.
 *
 * It also answers one request over IPC that the HTTP API cannot serve fast enough: copying
 * template rows (written through the API first, so they are exactly what Azurite stores) into
 * many partitions at once. Azurite checks every insert with findOne({RowKey, PartitionKey}), which
 * walks every row sharing the RowKey ("ev-0000000001" is in every case), so seeding 100,000 cases
 * through the API is quadratic; here the copies are inserted with the indices rebuilt once.
 */

type LokiDoc = { PartitionKey: string; RowKey: string; $loki?: number; meta?: unknown; [key: string]: unknown };
type LokiCollection = {
  find(query: Record<string, unknown>): LokiDoc[];
  insert(docs: LokiDoc[]): unknown;
  count(): number;
  adaptiveBinaryIndices: boolean;
  ensureAllIndexes(force: boolean): void;
};
type MetadataStore = { db: { getCollection(name: string): LokiCollection | null; listCollections(): { name: string; count: number }[] }; getTableCollectionName(account: string, table: string): string };
type TableServerLike = { start(): Promise<void>; close(): Promise<void>; metadataStore: MetadataStore };

export type ReplicateRequest = {
  id: number;
  type: 'replicate';
  table: string;
  /** The rows to copy, by key. */
  template: { partitionKey: string; rowKey: string }[];
  /** One list of [from, to] string replacements per copy, applied to keys and every string property. */
  copies: [string, string][][];
  /** Where the copies go, when not into `table` itself (an existing table). */
  into?: string;
};
export type ChildRequest =
  | ReplicateRequest
  | { id: number; type: 'stats' }
  | { id: number; type: 'profileStart' }
  | { id: number; type: 'profileStop'; file: string }
  | { id: number; type: 'shutdown' };
export type ChildReply = { id: number; ok: true; inserted?: number; ms?: number; rssBytes?: number; collections?: { name: string; count: number }[] } | { id: number; ok: false; error: string };

const ACCOUNT = 'devstoreaccount1';
const require = createRequire(import.meta.url);
const { default: TableServer } = require('azurite/dist/src/table/TableServer.js') as { default: new (config: unknown) => TableServerLike };
const { default: TableConfiguration } = require('azurite/dist/src/table/TableConfiguration.js') as {
  default: new (...args: unknown[]) => unknown;
};
const telemetry = require('azurite/dist/src/common/Telemetry.js') as { AzuriteTelemetryClient: { enableTelemetry: boolean } };
telemetry.AzuriteTelemetryClient.enableTelemetry = false;

const port = Number(process.argv[2]);
if (!Number.isInteger(port) || port <= 0) throw new Error('usage: azuriteChild.ts <port>');

// host, port, keepAliveTimeout, metadataDBPath, enableDebugLog, enableAccessLog, accessLogWriteStream,
// debugLogFilePath, loose, skipApiVersionCheck, cert, key, pwd, oauth, disableProductStyleUrl, isMemoryPersistence
const config = new TableConfiguration('127.0.0.1', port, undefined, '__azurite_db_table__.json', false, false, undefined, undefined, false, true, '', '', '', undefined, true, true);
const server = new TableServer(config);

function replace(value: unknown, pairs: [string, string][]): unknown {
  if (typeof value === 'string') {
    let out = value;
    for (const [from, to] of pairs) if (out.includes(from)) out = out.split(from).join(to);
    return out;
  }
  if (Array.isArray(value)) return value.map((v) => replace(v, pairs));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, replace(v, pairs)]));
  return value;
}

function replicate(request: ReplicateRequest): number {
  const store = server.metadataStore;
  const collection = store.db.getCollection(store.getTableCollectionName(ACCOUNT, request.table));
  if (!collection) throw new Error(`no table ${request.table}`);
  const templates = request.template.map(({ partitionKey, rowKey }) => {
    const doc = collection.find({ PartitionKey: partitionKey, RowKey: rowKey })[0];
    if (!doc) throw new Error(`no template row ${partitionKey}/${rowKey} in ${request.table}`);
    const { $loki: _id, meta: _meta, ...rest } = doc;
    return rest;
  });
  const docs: LokiDoc[] = [];
  for (const pairs of request.copies) for (const template of templates) docs.push(replace(template, pairs) as LokiDoc);
  // Lazy indices while inserting (one rebuild at the end), then adaptive again as Azurite runs them.
  const target = request.into ? store.db.getCollection(store.getTableCollectionName(ACCOUNT, request.into)) : collection;
  if (!target) throw new Error(`no table ${request.into}`);
  target.adaptiveBinaryIndices = false;
  target.insert(docs);
  target.adaptiveBinaryIndices = true;
  target.ensureAllIndexes(true);
  return docs.length;
}

/** A CPU profile of this process over a window the bench chooses (bench/profile.ts). */
let profiler: Session | undefined;
async function profile(message: Extract<ChildRequest, { type: 'profileStart' | 'profileStop' }>): Promise<void> {
  if (message.type === 'profileStart') {
    profiler = new Session();
    profiler.connect();
    await profiler.post('Profiler.enable');
    await profiler.post('Profiler.start');
    return;
  }
  if (!profiler) throw new Error('no profile was started');
  const { profile: result } = await profiler.post('Profiler.stop');
  await writeFile(message.file, JSON.stringify(result));
  profiler.disconnect();
  profiler = undefined;
}

process.on('message', (message: ChildRequest) => {
  const reply = (r: ChildReply) => process.send?.(r);
  try {
    if (message.type === 'profileStart' || message.type === 'profileStop') {
      profile(message).then(
        () => reply({ id: message.id, ok: true }),
        (error: unknown) => reply({ id: message.id, ok: false, error: error instanceof Error ? error.message : String(error) }),
      );
    } else if (message.type === 'replicate') {
      const started = performance.now();
      const inserted = replicate(message);
      reply({ id: message.id, ok: true, inserted, ms: performance.now() - started });
    } else if (message.type === 'stats') {
      reply({ id: message.id, ok: true, rssBytes: process.memoryUsage().rss, collections: server.metadataStore.db.listCollections().map((c) => ({ name: c.name, count: c.count })) });
    } else {
      void server.close().finally(() => {
        reply({ id: message.id, ok: true });
        process.exit(0);
      });
    }
  } catch (error) {
    reply({ id: message.id, ok: false, error: error instanceof Error ? error.message : String(error) });
  }
});
// Never outlive the bench that started it.
process.on('disconnect', () => process.exit(0));

await server.start();
process.send?.({ id: 0, ok: true });
