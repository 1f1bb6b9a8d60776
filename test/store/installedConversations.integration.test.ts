import { inject, describe, expect, it } from 'vitest';
import { openTables } from '../../store/tables.js';
import { InstalledConversations } from '../../store/installedConversations.js';
import { ConversationDirectory } from '../../store/conversations.js';
import { uniquePrefix } from '../support/services.js';

/** The conversations the bot has been added to, in Table Storage (Azurite): what the channels are chosen from. */

async function open() {
  const tables = await openTables(inject('azuriteConnectionString'), uniquePrefix());
  return { installed: new InstalledConversations(tables), directory: new ConversationDirectory(tables) };
}

const monitoring = { conversationId: '19:monitoring@thread.tacv2', kind: 'channel' as const, name: 'Safeguarding › SIN monitoring', tenantId: 'tenant-1', addedFromTenantId: 'tenant-1', channelType: 'standard', addedAt: '2026-05-05T09:00:00.000Z' };

describe('the conversations the bot has been added to', () => {
  it('keeps each one with its kind, name and tenants, oldest first; a conversation id with any characters is its key', async () => {
    const { installed } = await open();
    const chat = { conversationId: '19:meeting_a/b?c#d@thread.v2', kind: 'groupChat' as const, tenantId: 'tenant-1', addedAt: '2026-05-05T10:00:00.000Z' };
    await installed.added(chat);
    await installed.added(monitoring);
    expect(await installed.list()).toEqual([monitoring, chat]);
    expect(await installed.get(chat.conversationId)).toEqual(chat);
    expect(await installed.get('19:never@thread.v2')).toBeUndefined();
  });

  it('a removal is kept and dated; added again, it is offered again with the latest facts', async () => {
    const { installed } = await open();
    await installed.added(monitoring);
    await installed.removed(monitoring.conversationId, new Date('2026-05-06T09:00:00.000Z'));
    expect(await installed.get(monitoring.conversationId)).toEqual({ ...monitoring, removedAt: '2026-05-06T09:00:00.000Z' });
    await installed.added({ ...monitoring, name: 'Safeguarding › Monitoring', addedAt: '2026-05-07T09:00:00.000Z' });
    expect(await installed.get(monitoring.conversationId)).toEqual({ ...monitoring, name: 'Safeguarding › Monitoring', addedAt: '2026-05-07T09:00:00.000Z' });
  });

  it('a removal of a conversation never added writes nothing', async () => {
    const { installed } = await open();
    await installed.removed('19:unknown@thread.tacv2', new Date('2026-05-06T09:00:00.000Z'));
    expect(await installed.list()).toEqual([]);
  });

  it('shares the conversations table with the posting references without touching them', async () => {
    const { installed, directory } = await open();
    await directory.saveConversation({ conversationId: monitoring.conversationId, serviceUrl: 'https://smba.trafficmanager.net/uk/', channelId: 'msteams', tenantId: 'tenant-1', botId: '28:bot' });
    await installed.added(monitoring);
    expect((await directory.anyConversation())?.conversationId).toBe(monitoring.conversationId);
    expect(await installed.list()).toEqual([monitoring]);
  });
});
