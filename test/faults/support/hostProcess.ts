import type { AccessToken } from '@azure/identity';
import { silentLogger, consoleLogger } from '../../../app/ports.js';
import { readEnvironment } from '../../../functions/environment.js';
import { createGraphClient } from '../../../graph/graphClient.js';
import { startLocalHost } from '../../../local/host.js';
import { LocalClock } from '../../../local/localClock.js';

/**
 * The product's local host (local/host.ts, the real function handlers) as its own process, so the
 * fault suite can SIGKILL it and start it again against the same Azurite tables. Everything comes
 * from the environment, as in production; the test-only parts are:
 * - HOST_PORT, and CLOCK_AT: the local clock starts frozen at that instant (moved on through
 *   /api/local/clock), so deadlines are the same in every run;
 * - FAKE_GRAPH_URL: Microsoft Graph's address is rewritten to a stand-in the test runs, with a
 *   stub token, so the real Graph client code books meetings across a crash.
 */

const graphUrl = process.env.FAKE_GRAPH_URL;
const graphClient = graphUrl
  ? createGraphClient({
      credential: { getToken: async (): Promise<AccessToken> => ({ token: 'fault-suite', expiresOnTimestamp: Date.now() + 3_600_000 }) },
      transport: {
        fetch: (input, init) => fetch(String(input instanceof Request ? input.url : input).replace('https://graph.microsoft.com', graphUrl), init),
        attempts: 2,
        backoffMs: () => 50,
      },
    })
  : undefined;

const env = readEnvironment(process.env);
const clockAt = Date.parse(process.env.CLOCK_AT ?? '');
if (!Number.isFinite(clockAt)) throw new Error('CLOCK_AT must be an ISO instant');
const host = await startLocalHost({
  env,
  port: Number(process.env.HOST_PORT),
  log: process.env.VERBOSE ? consoleLogger : silentLogger,
  clock: new LocalClock(() => clockAt),
  sweepEveryMs: 0,
  ...(graphClient ? { graphClient } : {}),
});
// Stopped as a host is recycled (SIGTERM): answered clicks' cards are finished first. SIGKILL, the
// crash tests' way, skips this, and the restarted host's sweep has to finish the work instead.
process.once('SIGTERM', () => {
  void host.close().finally(() => process.exit(0));
});
process.stdout.write(`ready ${host.url}\n`);
