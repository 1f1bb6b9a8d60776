import type { TableClient } from '@azure/data-tables';
import { z } from 'zod';
import { encodeKey, isStatus, type Tables } from './tables.js';

/**
 * Where the bot can post without being spoken to first. Saved from the activities it receives
 * (install, message, click; unchanged ones once per process), so proactive cards still reach
 * people after a restart.
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

/** Enough for every conversation and person of a partnership many times over; past it, start again. */
const MAX_REMEMBERED = 10_000;
const RECENT_MS = 60_000;

export class ConversationDirectory {
  private readonly table: TableClient;
  /**
   * What this process has already saved, row by row: activities repeat the same reference on
   * every click, and writing it again each time was two Table writes on every turn. A row
   * changed by another process is simply written again here when it differs from ours.
   */
  private readonly saved = new Map<string, string>();
  private readonly recent = new Map<string, { value: StoredConversation; until: number }>();
  constructor(tables: Tables) {
    this.table = tables.conversations;
  }

  async saveConversation(conversation: StoredConversation): Promise<void> {
    await this.upsert('conversation', encodeKey(conversation.conversationId), conversation);
  }

  /**
   * Read on every card sent or updated, so a reference read (or saved) in the last minute is
   * used as it is: a reference changes only when Teams moves a tenant's service URL, and a
   * message sent to an old one fails and is retried by the sweep.
   */
  async conversation(conversationId: string): Promise<StoredConversation | undefined> {
    return this.readRecent('conversation', encodeKey(conversationId));
  }

  /** The 1:1 chat with a person, once one exists. */
  async savePersonalConversation(aadObjectId: string, conversation: StoredConversation): Promise<void> {
    await this.upsert('personal', encodeKey(aadObjectId), conversation);
  }

  async personalConversation(aadObjectId: string): Promise<StoredConversation | undefined> {
    return this.readRecent('personal', encodeKey(aadObjectId));
  }

  async saveMember(member: KnownMember): Promise<void> {
    await this.upsert('member', encodeKey(member.aadObjectId), member);
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

  private async upsert(partition: string, rowKey: string, value: Record<string, string | undefined>): Promise<void> {
    const id = `${partition}/${rowKey}`;
    const json = JSON.stringify(value);
    if (this.saved.get(id) === json) return;
    await this.table.upsertEntity({ partitionKey: partition, rowKey, ...value }, 'Replace');
    if (this.saved.size >= MAX_REMEMBERED) this.saved.clear();
    this.saved.set(id, json);
    if (partition === 'conversation' || partition === 'personal') this.keepRecent(id, StoredConversationSchema.parse(value));
  }

  private async readRecent(partition: 'conversation' | 'personal', rowKey: string): Promise<StoredConversation | undefined> {
    const id = `${partition}/${rowKey}`;
    const recent = this.recent.get(id);
    if (recent && recent.until > Date.now()) return recent.value;
    const value = await this.read(partition, rowKey, StoredConversationSchema);
    if (value) this.keepRecent(id, value);
    return value;
  }

  private keepRecent(id: string, value: StoredConversation): void {
    if (this.recent.size >= MAX_REMEMBERED) this.recent.clear();
    this.recent.set(id, { value, until: Date.now() + RECENT_MS });
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
