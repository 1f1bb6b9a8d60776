import { openTables, type Tables } from '../../../store/tables.js';

/**
 * Everything the product has stored under one table prefix, as comparable text: every row of
 * every table, without the service's own bookkeeping (eTag, Timestamp) which a same-value upsert
 * changes. Two equal snapshots mean no state changed.
 */
export async function tableSnapshot(tables: Tables): Promise<string> {
  const out: Record<string, string[]> = {};
  for (const [name, client] of Object.entries(tables)) {
    const rows: string[] = [];
    for await (const entity of client.listEntities()) {
      const { etag: _etag, timestamp: _timestamp, ...rest } = entity as Record<string, unknown>;
      rows.push(JSON.stringify(Object.fromEntries(Object.entries(rest).sort(([a], [b]) => a.localeCompare(b)))));
    }
    out[name] = rows.sort();
  }
  return JSON.stringify(out);
}

export async function snapshotter(connectionString: string, prefix: string): Promise<() => Promise<string>> {
  const tables = await openTables(connectionString, prefix);
  return () => tableSnapshot(tables);
}
