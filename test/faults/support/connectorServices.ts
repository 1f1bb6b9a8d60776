import { silentLogger } from '../../../app/ports.js';
import { buildServices, type Services } from '../../../functions/compositionRoot.js';
import type { StoredConversation } from '../../../store/conversations.js';
import { cardText } from '../../support/recordingMessenger.js';
import { PEOPLE } from '../../support/sampleConfig.js';
import { testEnvironment, uniquePrefix, writeConfig, type TestClock } from '../../support/services.js';

export const CHAIR_CHAT = 'personal-chair';
export const DIRECTOR_CHAT = 'personal-director';

/**
 * The product's real services with no messenger given, so the bot's own TeamsMessenger talks
 * through botbuilder to `serviceUrl` (a stand-in Bot Connector). The chair and the director have
 * 1:1 chats there, and the bot is in the monitoring and decision channels.
 */
export async function servicesTalkingTo(serviceUrl: string, clock: TestClock): Promise<Services> {
  const env = testEnvironment({ configPath: await writeConfig(), prefix: uniquePrefix() });
  const s = await buildServices(env, { clock, log: silentLogger });
  const chat = (conversationId: string): StoredConversation => ({ conversationId, serviceUrl, channelId: 'msteams', tenantId: 'tenant-1', botId: '28:sin-bot', conversationType: 'personal' });
  await s.conversations.savePersonalConversation(PEOPLE.chair.aadObjectId, chat(CHAIR_CHAT));
  await s.conversations.savePersonalConversation(PEOPLE.director.aadObjectId, chat(DIRECTOR_CHAT));
  for (const id of ['conv-monitoring', 'conv-decision']) await s.conversations.saveConversation({ ...chat(id), conversationType: 'channel' });
  return s;
}

/** What a posted card is, in the connector tests' fan-out: which case, and a request or its reminder. */
export function fanOutCards(caseRefs: readonly string[]) {
  return {
    kindOf: (card: unknown) => (cardText(card).includes('Reminder') ? 'reminder' : 'request'),
    caseOf: (card: unknown) => caseRefs.find((ref) => cardText(card).includes(ref)) ?? '?',
  };
}
