import { TableClient, TableServiceClient } from '@azure/data-tables';

/**
 * Everything the product has stored under one table prefix, as comparable text: every row of
 * every table whose name starts with the prefix (the case shards, the day tables, the directory
 * and the index), without the service's own bookkeeping (eTag, Timestamp), which a same-value
 * upsert changes. Two equal snapshots mean no state changed, and a table appearing is a change.
 */
export async function snapshotter(connectionString: string, prefix: string): Promise<() => Promise<string>> {
  const options = { allowInsecureConnection: true };
  const service = TableServiceClient.fromConnectionString(connectionString, options);
  return async () => {
    const out: Record<string, string[]> = {};
    for await (const table of service.listTables()) {
      const name = table.name ?? '';
      if (!name.toLowerCase().startsWith(prefix.toLowerCase())) continue;
      const rows: string[] = [];
      for await (const entity of TableClient.fromConnectionString(connectionString, name, options).listEntities()) {
        const { etag: _etag, timestamp: _timestamp, ...rest } = entity as Record<string, unknown>;
        rows.push(JSON.stringify(Object.fromEntries(Object.entries(rest).sort(([a], [b]) => a.localeCompare(b)))));
      }
      out[name] = rows.sort();
    }
    return JSON.stringify(out, Object.keys(out).sort());
  };
}
