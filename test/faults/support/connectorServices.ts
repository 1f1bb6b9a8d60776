import { inject } from 'vitest';
import { silentLogger } from '../../../app/ports.js';
import { buildServices, type Services } from '../../../functions/compositionRoot.js';
import { readEnvironment } from '../../../functions/environment.js';
import type { StoredConversation } from '../../../store/conversations.js';
import { PEOPLE } from '../../support/sampleConfig.js';
import { uniquePrefix, writeConfig, type TestClock } from '../../support/services.js';

export const CHAIR_CHAT = 'personal-chair';
export const DIRECTOR_CHAT = 'personal-director';

/**
 * The product's real services with no messenger given, so the bot's own TeamsMessenger talks
 * through botbuilder to `serviceUrl` (a stand-in Bot Connector). The chair and the director have
 * 1:1 chats there, and the bot is in the monitoring and decision channels.
 */
export async function servicesTalkingTo(serviceUrl: string, clock: TestClock): Promise<Services> {
  const env = readEnvironment({
    PARTNERSHIP_CONFIG: await writeConfig(),
    STORAGE_CONNECTION_STRING: inject('azuriteConnectionString'),
    TABLE_PREFIX: uniquePrefix(),
    LOCAL_MODE: 'true',
    PUBLIC_BASE_URL: 'http://127.0.0.1:3978',
  });
  const s = await buildServices(env, { clock, log: silentLogger });
  const chat = (conversationId: string): StoredConversation => ({ conversationId, serviceUrl, channelId: 'msteams', tenantId: 'tenant-1', botId: '28:sin-bot', conversationType: 'personal' });
  await s.conversations.savePersonalConversation(PEOPLE.chair.aadObjectId, chat(CHAIR_CHAT));
  await s.conversations.savePersonalConversation(PEOPLE.director.aadObjectId, chat(DIRECTOR_CHAT));
  for (const id of ['conv-monitoring', 'conv-decision']) await s.conversations.saveConversation({ ...chat(id), conversationType: 'channel' });
  return s;
}
