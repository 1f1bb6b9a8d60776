import { silentLogger } from '../../../app/ports.js';
import { freePort } from '../../../local/azurite.js';
import { startLocalHost, type LocalHost } from '../../../local/host.js';
import type { LocalClock } from '../../../local/localClock.js';
import { testEnvironment } from '../../support/services.js';

/** The product behind its HTTP entry points, in this process, on given tables and configuration (a restart when called again). */
export async function inProcessHost(o: { prefix: string; configPath: string; clock: LocalClock; exportLinkSecret?: string }): Promise<LocalHost> {
  const env = testEnvironment({ configPath: o.configPath, prefix: o.prefix, ...(o.exportLinkSecret ? { env: { EXPORT_LINK_SECRET: o.exportLinkSecret } } : {}) });
  return startLocalHost({ env, port: await freePort(), log: silentLogger, clock: o.clock, sweepEveryMs: 0 });
}
