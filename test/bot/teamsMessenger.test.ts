import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { silentLogger } from '../../app/ports.js';
import { createAdapter } from '../../bot/adapter.js';
import { TeamsMessenger } from '../../bot/teamsMessenger.js';
import { noticeCard } from '../../cards/index.js';
import { ConversationDirectory } from '../../store/conversations.js';
import { openTables } from '../../store/tables.js';
import { RecordingConnector } from '../support/recordingConnector.js';
import { uniquePrefix } from '../support/services.js';

/**
 * A conversation reference is where the bot's posts, and its own connector token, go. The intake
 * refuses activities naming anywhere but Teams' connector hosts; a reference stored before that
 * check existed, or written another way, is refused again when it is used.
 */

let connector: RecordingConnector;
let conversations: ConversationDirectory;

beforeAll(async () => {
  connector = await new RecordingConnector().start();
  conversations = new ConversationDirectory(await openTables(inject('azuriteConnectionString'), uniquePrefix()));
  const stored = { channelId: 'msteams', tenantId: 'tenant-1', botId: '28:sin-bot', conversationType: 'channel' as const };
  await conversations.saveConversation({ ...stored, conversationId: 'conv-foreign', serviceUrl: 'https://smba.trafficmanager.net.evil.example.org/uk/' });
  await conversations.saveConversation({ ...stored, conversationId: 'conv-loopback', serviceUrl: connector.url });
});
afterAll(() => connector?.stop());

const messenger = (localMode: boolean) =>
  new TeamsMessenger({ adapter: createAdapter({ mode: 'local' }, silentLogger), conversations, botAppId: '', tenantId: 'tenant-1', audience: '', localMode });

describe('posting through a stored conversation reference', () => {
  it('posts nothing to a reference outside Teams, and says what to do', async () => {
    const before = connector.calls.length;
    await expect(messenger(true).sendToConversation('conv-foreign', noticeCard('Test', 'Nothing.'))).rejects.toThrow(/does not point at a Teams connector host; nothing was posted/);
    expect(connector.calls.length).toBe(before);
  });

  it('outside local mode, refuses even a loopback reference (the stand-ins are for local mode only)', async () => {
    const before = connector.calls.length;
    await expect(messenger(false).sendToConversation('conv-loopback', noticeCard('Test', 'Nothing.'))).rejects.toThrow(/not point at a Teams connector host/);
    expect(connector.calls.length).toBe(before);
  });

  it('posts to the loopback connector in local mode (the control)', async () => {
    const sent = await messenger(true).sendToConversation('conv-loopback', noticeCard('Test', 'Posted.'));
    expect(sent.activityId).toBeTruthy();
    expect(connector.calls.some((c) => c.conversationId === 'conv-loopback')).toBe(true);
  });
});
