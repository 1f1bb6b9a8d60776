import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Client } from '@microsoft/microsoft-graph-client';
import { silentLogger } from '../../app/ports.js';
import { freePort } from '../../local/azurite.js';
import { startLocalHost, type LocalHost } from '../../local/host.js';
import type { LocalClock } from '../../local/localClock.js';
import { installBot, startPlayground, type RunningPlayground } from '../../local/playground.js';
import { PlaygroundClient } from './playgroundClient.js';
import { testEnvironment, uniquePrefix } from './services.js';

/**
 * The product as `npm start` runs it, for the end-to-end tests: the real handlers on the local
 * host (own tables in the run's Azurite), and the Agents Playground as Teams, with the bot added
 * to the sample's chats and channels and every member's Teams id learned.
 */

export const ROOT = resolve(import.meta.dirname, '../..');
export const BOT = { id: '00000000-0000-0000-0000-00000000000011', name: 'SIN decisions' };
export const USERS = { alex: 'user-id-0', megan: 'user-id-1', adele: 'user-id-2', isaiah: 'user-id-3', patti: 'user-id-4', lynne: 'user-id-5' };
export const MONITORING = 'channel-sin-monitoring';
export const DECISIONS = 'groupchat-sin-decisions';
export const PERSONAL = 'personal-chat-alex';
const SAMPLE_PEOPLE = ['20', '21', '22', '23', '24', '25'].map((n) => `00000000-0000-0000-0000-00000000000${n}`);

export type PlaygroundStack = { host: LocalHost; playground: RunningPlayground; client: PlaygroundClient; close(): Promise<void> };

export async function startPlaygroundStack(options: { clock: LocalClock; configPath?: string; graphClient?: Client }): Promise<PlaygroundStack> {
  const env = testEnvironment({ configPath: options.configPath ?? resolve(ROOT, 'config/sample-partnership.json'), prefix: uniquePrefix() });
  const host = await startLocalHost({ env, port: await freePort(), log: silentLogger, clock: options.clock, sweepEveryMs: 0, ...(options.graphClient ? { graphClient: options.graphClient } : {}) });
  const playground = await startPlayground({
    port: await freePort(),
    botEndpoint: `${host.url}/api/messages`,
    configPath: resolve(ROOT, '.m365agentsplayground.yml'),
    workDir: await mkdtemp(join(tmpdir(), 'playground-')),
    openBrowser: false,
  });
  const client = new PlaygroundClient(playground.url);
  await client.connect();
  for (const id of [PERSONAL, DECISIONS, 'team-sample-scp', MONITORING]) await installBot(playground.url, id);
  const { conversations } = host.services;
  const installed = async () =>
    Boolean(await conversations.conversation(MONITORING)) &&
    Boolean(await conversations.conversation(DECISIONS)) &&
    (await Promise.all(SAMPLE_PEOPLE.map((id) => conversations.member(id)))).every(Boolean);
  const deadline = Date.now() + 15_000;
  while (!(await installed())) {
    if (Date.now() > deadline) throw new Error('the bot was not installed in the Playground');
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    host,
    playground,
    client,
    close: async () => {
      client.close();
      await playground.stop();
      await host.close();
    },
  };
}
