import type { TableClient } from '@azure/data-tables';
import { z } from 'zod';
import { encodeKey, isStatus, type Tables } from './tables.js';

/**
 * Where the bot can post without being spoken to first. Saved from every activity it receives
 * (install, message, click), so proactive cards still reach people after a restart.
 */

export const StoredConversationSchema = z.object({
  conversationId: z.string().min(1),
  serviceUrl: z.string().min(1),
  channelId: z.string().min(1),
  tenantId: z.string().min(1),
  conversationType: z.string().optional(),
  botId: z.string().min(1),
  botName: z.string().optional(),
});
export type StoredConversation = z.infer<typeof StoredConversationSchema>;

/** A person as Teams knows them: their member id in this bot's conversations, for creating a 1:1 chat. */
export const KnownMemberSchema = z.object({ memberId: z.string().min(1), aadObjectId: z.string().min(1), name: z.string().optional() });
export type KnownMember = z.infer<typeof KnownMemberSchema>;

export class ConversationDirectory {
  private readonly table: TableClient;
  constructor(tables: Tables) {
    this.table = tables.conversations;
  }

  async saveConversation(conversation: StoredConversation): Promise<void> {
    await this.table.upsertEntity({ partitionKey: 'conversation', rowKey: encodeKey(conversation.conversationId), ...conversation }, 'Replace');
  }

  async conversation(conversationId: string): Promise<StoredConversation | undefined> {
    return this.read('conversation', encodeKey(conversationId), StoredConversationSchema);
  }

  /** The 1:1 chat with a person, once one exists. */
  async savePersonalConversation(aadObjectId: string, conversation: StoredConversation): Promise<void> {
    await this.table.upsertEntity({ partitionKey: 'personal', rowKey: encodeKey(aadObjectId), ...conversation }, 'Replace');
  }

  async personalConversation(aadObjectId: string): Promise<StoredConversation | undefined> {
    return this.read('personal', encodeKey(aadObjectId), StoredConversationSchema);
  }

  async saveMember(member: KnownMember): Promise<void> {
    await this.table.upsertEntity({ partitionKey: 'member', rowKey: encodeKey(member.aadObjectId), ...member }, 'Replace');
  }

  async member(aadObjectId: string): Promise<KnownMember | undefined> {
    return this.read('member', encodeKey(aadObjectId), KnownMemberSchema);
  }

  /** Any conversation in the tenant: its service URL is where new 1:1 chats are created. */
  async anyConversation(): Promise<StoredConversation | undefined> {
    for await (const row of this.table.listEntities({ queryOptions: { filter: "PartitionKey eq 'conversation'" } })) {
      return StoredConversationSchema.parse(row);
    }
    return undefined;
  }

  private async read<T>(partition: string, rowKey: string, schema: z.ZodType<T>): Promise<T | undefined> {
    try {
      return schema.parse(await this.table.getEntity(partition, rowKey));
    } catch (error) {
      if (isStatus(error, 404)) return undefined;
      throw error;
    }
  }
}
