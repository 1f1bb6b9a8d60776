import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import type { Client } from '@microsoft/microsoft-graph-client';
import { silentLogger, type Clock } from '../../app/ports.js';
import { buildServices, type Services } from '../../functions/compositionRoot.js';
import { readEnvironment, type Environment } from '../../functions/environment.js';
import { freePort } from '../../local/azurite.js';
import { startLocalHost, type LocalHost } from '../../local/host.js';
import type { LocalClock } from '../../local/localClock.js';
import type { PartnershipFile } from '../../config/partnershipFile.js';
import { sampleConfig } from './sampleConfig.js';
import { RecordingMessenger } from './recordingMessenger.js';

/** A settable clock for tests: time is always passed in, never read from the machine. */
export class TestClock implements Clock {
  constructor(private current: Date) {}
  now() {
    return this.current;
  }
  set(iso: string) {
    this.current = new Date(iso);
  }
}

export async function writeConfig(config: PartnershipFile = sampleConfig): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'partnership-'));
  const path = join(dir, 'partnership.json');
  await writeFile(path, JSON.stringify(config, null, 2));
  return path;
}

/** Tables unique to one test, in the run's real Azurite. */
export function uniquePrefix(): string {
  return `t${randomBytes(5).toString('hex')}`;
}

/** The environment of a local-mode product on the run's Azurite, in tables under `prefix`. */
export function testEnvironment(o: { configPath: string; prefix: string; env?: Record<string, string> }): Environment {
  return readEnvironment({
    PARTNERSHIP_CONFIG: o.configPath,
    STORAGE_CONNECTION_STRING: inject('azuriteConnectionString'),
    TABLE_PREFIX: o.prefix,
    LOCAL_MODE: 'true',
    PUBLIC_BASE_URL: 'http://127.0.0.1:3978',
    ...o.env,
  });
}

/**
 * The product's real services against Azurite, with Teams replaced by a recorder. Two calls with
 * the same prefix are two processes sharing one storage account (a restart, or a second instance).
 */
export async function testServices(options: { prefix: string; clock: Clock; messenger?: RecordingMessenger; configPath?: string; graphClient?: Client; env?: Record<string, string> }): Promise<Services & { messenger: RecordingMessenger }> {
  const messenger = options.messenger ?? new RecordingMessenger();
  const env = testEnvironment({ configPath: options.configPath ?? (await writeConfig()), prefix: options.prefix, ...(options.env ? { env: options.env } : {}) });
  const services = await buildServices(env, { clock: options.clock, log: silentLogger, messenger, ...(options.graphClient ? { graphClient: options.graphClient } : {}) });
  return Object.assign(services, { messenger });
}

/** The product behind its HTTP entry points (the local host), on a free port, with the sample partnership. */
export async function startTestHost(clock: LocalClock): Promise<LocalHost> {
  const env = testEnvironment({ configPath: await writeConfig(), prefix: uniquePrefix() });
  return startLocalHost({ env, port: await freePort(), log: silentLogger, clock, sweepEveryMs: 0 });
}
