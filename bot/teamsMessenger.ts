import { ActivityTypes, CardFactory, TurnContext, type CloudAdapter, type ConversationReference } from 'botbuilder';
import type { AdaptiveCard } from '../cards/adaptiveCard.js';
import type { Messenger } from '../app/ports.js';
import type { ConversationDirectory, StoredConversation } from '../store/conversations.js';
import { baseConversationId } from './activityFacts.js';
import { isTeamsServiceUrl } from './teamsChannel.js';
import { ConversationPacer, type PacingOptions } from './connectorPacing.js';

/**
 * Proactive Teams messaging through the Bot Connector, from conversation references saved when
 * the bot was installed or spoken to (never kept in memory or a local file).
 */
export class TeamsMessenger implements Messenger {
  constructor(
    private readonly deps: {
      adapter: CloudAdapter;
      conversations: ConversationDirectory;
      botAppId: string;
      tenantId: string;
      /** The Bot Connector audience; empty in local mode, where the connector takes no token. */
      audience: string;
      /** Local mode's connector stand-ins listen on loopback; nowhere else but Teams' connector hosts. */
      localMode: boolean;
      pacing?: PacingOptions;
    },
  ) {
    this.pacer = new ConversationPacer(deps.pacing);
  }

  /** Per conversation: at most about 7 messages a second, and retries when Teams is busy (bot/connectorPacing.ts). */
  private readonly pacer: ConversationPacer;

  async sendToConversation(conversationId: string, card: AdaptiveCard): Promise<{ activityId: string }> {
    const stored = await this.deps.conversations.conversation(conversationId);
    if (!stored) {
      throw new Error(`The bot has not been added to conversation ${conversationId} yet: add the app there so it can post.`);
    }
    return { activityId: await this.send(stored, card) };
  }

  async sendToPerson(aadObjectId: string, card: AdaptiveCard): Promise<{ conversationId: string; activityId: string }> {
    const { conversations } = this.deps;
    const existing = await conversations.personalConversation(aadObjectId);
    if (existing) return { conversationId: existing.conversationId, activityId: await this.send(existing, card) };

    const anywhere = await conversations.anyConversation();
    if (!anywhere) throw new Error('The bot has not been added to any conversation yet, so it cannot start a 1:1 chat.');
    this.mustBeTeams(anywhere);
    const member = await conversations.member(aadObjectId);
    let result: { conversationId: string; activityId: string } | undefined;
    await this.deps.adapter.createConversationAsync(
      this.deps.botAppId,
      anywhere.channelId,
      anywhere.serviceUrl,
      this.deps.audience,
      {
        isGroup: false,
        bot: { id: anywhere.botId, name: anywhere.botName ?? '' },
        // Teams accepts the member id seen in a conversation, or the Entra object id for a user who has the app.
        members: [{ id: member?.memberId ?? aadObjectId, name: member?.name ?? '' }],
        tenantId: this.deps.tenantId,
        channelData: { tenant: { id: this.deps.tenantId } },
        activity: undefined as never,
        topicName: '',
      },
      async (context) => {
        const conversationId = context.activity.conversation.id;
        const stored: StoredConversation = { ...anywhere, conversationId, conversationType: 'personal' };
        await conversations.savePersonalConversation(aadObjectId, stored);
        await conversations.saveConversation(stored);
        const sent = await context.sendActivity({ type: ActivityTypes.Message, attachments: [CardFactory.adaptiveCard(card)] });
        result = { conversationId, activityId: requireId(sent?.id) };
      },
    );
    if (!result) throw new Error('Teams did not create the 1:1 chat.');
    return result;
  }

  async update(conversationId: string, activityId: string, card: AdaptiveCard): Promise<void> {
    const stored = await this.deps.conversations.conversation(baseConversationId(conversationId));
    if (!stored) throw new Error(`No saved reference for conversation ${conversationId}`);
    this.mustBeTeams(stored);
    await this.pacer.call(conversationId, () =>
      this.continue({ ...stored, conversationId }, async (context) => {
        await context.updateActivity({ type: ActivityTypes.Message, id: activityId, attachments: [CardFactory.adaptiveCard(card)] });
      }),
    );
  }

  private async send(stored: StoredConversation, card: AdaptiveCard): Promise<string> {
    // Checked before pacing: a reference that can never be used is not a failure worth retrying.
    this.mustBeTeams(stored);
    return this.pacer.call(stored.conversationId, async () => {
      let id: string | undefined;
      await this.continue(stored, async (context) => {
        const sent = await context.sendActivity({ type: ActivityTypes.Message, attachments: [CardFactory.adaptiveCard(card)] });
        id = sent?.id;
      });
      return requireId(id);
    });
  }

  /**
   * A stored reference is checked again before it is used: the bot's own connector token goes with
   * every post, so one saved before the intake checks existed (or written some other way) must not
   * send it anywhere but Teams.
   */
  private mustBeTeams(stored: StoredConversation): void {
    if (!isTeamsServiceUrl(stored.serviceUrl, { localMode: this.deps.localMode })) {
      throw new Error(`The saved reference for conversation ${stored.conversationId} does not point at a Teams connector host; nothing was posted. Remove the app from that conversation and add it again.`);
    }
  }

  private async continue(stored: StoredConversation, logic: (context: TurnContext) => Promise<void>): Promise<void> {
    const reference: Partial<ConversationReference> = {
      channelId: stored.channelId,
      serviceUrl: stored.serviceUrl,
      bot: { id: stored.botId, name: stored.botName ?? '' },
      conversation: { id: stored.conversationId, isGroup: stored.conversationType !== 'personal', conversationType: stored.conversationType ?? '', tenantId: stored.tenantId, name: '' },
    };
    await this.deps.adapter.continueConversationAsync(this.deps.botAppId, reference, this.deps.audience, logic);
  }
}

function requireId(id: string | undefined): string {
  if (!id) throw new Error('Teams accepted the message but returned no activity id');
  return id;
}
