import { odata, type TableClient } from '@azure/data-tables';
import { z } from 'zod';
import { encodeKey, isStatus, type Tables } from './tables.js';

/**
 * The team channels and group chats the bot has been added to (issue 16): what the business unit
 * chooses the monitoring and decision channels from, so nobody types a conversation id. Written
 * by the bot when it is added or removed (bot/turnHandler.ts), from an activity whose token and
 * tenant were checked; read by the tab. Kept in the conversations table, in its own partition.
 */

const INSTALLED = 'installed';

export const InstalledConversationSchema = z.object({
  conversationId: z.string().min(1).max(1000),
  kind: z.enum(['channel', 'groupChat']),
  /** The name Teams gave with the activity (team and channel, or the chat's topic); a chat may have none. */
  name: z.string().max(500).optional(),
  /** The conversation's tenant, as the activity said it consistently (bot/activityFacts.ts tenantOf). */
  tenantId: z.string().min(1),
  /** The tenant of whoever added the bot, when the activity said; absent when it could not be read. */
  addedFromTenantId: z.string().min(1).optional(),
  /** The team a channel belongs to, when Teams said: the bot removed from the team leaves all its channels. */
  teamId: z.string().min(1).max(1000).optional(),
  /** Teams' channel type ("standard", "shared", "private") when the activity carried one. */
  channelType: z.string().max(50).optional(),
  addedAt: z.iso.datetime(),
  /** When the bot was removed from it; it is no longer offered. */
  removedAt: z.iso.datetime().optional(),
});
export type InstalledConversation = z.infer<typeof InstalledConversationSchema>;

export class InstalledConversations {
  private readonly table: TableClient;
  constructor(tables: Pick<Tables, 'conversations'>) {
    this.table = tables.conversations;
  }

  /** The bot was added (again): the latest facts replace the earlier ones, and it is offered again. */
  async added(conversation: InstalledConversation): Promise<void> {
    const c = InstalledConversationSchema.omit({ removedAt: true }).parse(conversation);
    await this.table.upsertEntity({ partitionKey: INSTALLED, rowKey: encodeKey(c.conversationId), record: JSON.stringify(c) }, 'Replace');
  }

  /** The bot was removed: kept (what was chosen earlier stays explainable), no longer offered. */
  async removed(conversationId: string, at: Date): Promise<void> {
    const known = await this.get(conversationId);
    if (!known) return;
    await this.table.upsertEntity({ partitionKey: INSTALLED, rowKey: encodeKey(conversationId), record: JSON.stringify({ ...known, removedAt: at.toISOString() }) }, 'Replace');
  }

  /** The bot was removed from a team: none of the team's channels is offered any more. */
  async teamRemoved(teamId: string, at: Date): Promise<void> {
    for (const c of await this.list()) if (c.teamId === teamId && !c.removedAt) await this.removed(c.conversationId, at);
  }

  async get(conversationId: string): Promise<InstalledConversation | undefined> {
    try {
      const entity = await this.table.getEntity(INSTALLED, encodeKey(conversationId));
      return InstalledConversationSchema.parse(JSON.parse(z.string().parse(entity.record)));
    } catch (error) {
      if (isStatus(error, 404)) return undefined;
      throw error;
    }
  }

  /** Every conversation the bot was ever added to, oldest first; removed ones carry `removedAt`. */
  async list(): Promise<InstalledConversation[]> {
    const out: InstalledConversation[] = [];
    for await (const entity of this.table.listEntities({ queryOptions: { filter: odata`PartitionKey eq ${INSTALLED}` } })) {
      const parsed = InstalledConversationSchema.safeParse(JSON.parse(z.string().parse(entity.record)));
      if (parsed.success) out.push(parsed.data);
    }
    return out.sort((a, b) => a.addedAt.localeCompare(b.addedAt));
  }
}
