import type { Client } from '@microsoft/microsoft-graph-client';
import type { GraphClientOptions } from './graphClient.js';

/**
 * The Graph client, built when a meeting is first booked or cancelled rather than when the
 * functions start: @azure/identity alone took about 140 ms to import, on every cold start,
 * for a feature that runs on a few disputes a month and only where Graph is configured.
 * A failed build (a bad secret) is not kept, so the next booking tries again.
 */
export function lazyGraphClient(options: GraphClientOptions): () => Promise<Client> {
  let client: Promise<Client> | undefined;
  return () =>
    (client ??= import('./graphClient.js')
      .then(({ createGraphClient }) => createGraphClient(options))
      .catch((error: unknown) => {
        client = undefined;
        throw error;
      }));
}
