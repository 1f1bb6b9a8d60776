import { inject } from 'vitest';
import { silentLogger } from '../../../app/ports.js';
import { readEnvironment } from '../../../functions/environment.js';
import { freePort } from '../../../local/azurite.js';
import { startLocalHost, type LocalHost } from '../../../local/host.js';
import type { LocalClock } from '../../../local/localClock.js';

/** The product behind its HTTP entry points, in this process, on given tables and configuration (a restart when called again). */
export async function inProcessHost(o: { prefix: string; configPath: string; clock: LocalClock; exportLinkSecret?: string }): Promise<LocalHost> {
  const env = readEnvironment({
    PARTNERSHIP_CONFIG: o.configPath,
    STORAGE_CONNECTION_STRING: inject('azuriteConnectionString'),
    TABLE_PREFIX: o.prefix,
    LOCAL_MODE: 'true',
    PUBLIC_BASE_URL: 'http://127.0.0.1:3978',
    ...(o.exportLinkSecret ? { EXPORT_LINK_SECRET: o.exportLinkSecret } : {}),
  });
  return startLocalHost({ env, port: await freePort(), log: silentLogger, clock: o.clock, sweepEveryMs: 0 });
}
