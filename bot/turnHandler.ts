import type { PartnershipFile } from '../config/partnershipFile.js';
import { ActivityTypes, CardFactory, TeamsInfo, TurnContext, type Activity } from 'botbuilder';
import type { AdaptiveCard } from '../cards/adaptiveCard.js';
import { noticeCard } from '../cards/index.js';
import type { Interactions } from '../app/interactions.js';
import type { Logger } from '../app/ports.js';
import type { ConversationDirectory, StoredConversation } from '../store/conversations.js';
import type { InstalledConversation, InstalledConversations } from '../store/installedConversations.js';
import { AdaptiveCardActionValueSchema, baseConversationId, channelEventOf, conversationFactsOf, installFactsOf, messageTextOf, senderOf, teamNameOf, tenantOf } from './activityFacts.js';
import { isOnRoster } from '../workflow/access.js';
import { offRosterKey, rosterPersonFor } from '../app/rosterIdentity.js';
import { isTeamsChannel, isTeamsServiceUrl } from './teamsChannel.js';
import { z } from 'zod';

/** A team's channel as the connector lists it; anything of another shape is skipped. */
const TeamChannelSchema = z.object({ id: z.string().min(1).max(1000), name: z.string().trim().min(1).max(200).nullish(), type: z.enum(['standard', 'shared', 'private']).nullish() });

export const UNKNOWN_INVOKE = 'This app answers only its own Adaptive Card buttons (adaptiveCard/action); nothing was done.';

/**
 * One Teams turn: check the tenant, remember where we can post, then route a typed command or a
 * card click to the application. The person acting is whoever the activity says, never the card.
 */
export function createTurnHandler(deps: { config: PartnershipFile; interactions: Interactions; conversations: ConversationDirectory; installed: InstalledConversations; now: () => Date; log: Logger; localMode: boolean }) {
  const { config, interactions, conversations, installed, now, log, localMode } = deps;
  const onRoster = (aadObjectId: string) => isOnRoster(config, aadObjectId);

  const cardMessage = (card: AdaptiveCard): Partial<Activity> => ({ type: ActivityTypes.Message, attachments: [CardFactory.adaptiveCard(card)] });
  const invokeCard = async (context: TurnContext, card: AdaptiveCard) =>
    context.sendActivity({
      type: ActivityTypes.InvokeResponse,
      value: { status: 200, body: { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: card } },
    });

  /**
   * The person acting, as the roster knows them: the sender's (tenant, object id) matched against
   * the roster, passed on under their roster key. Anyone not matched is passed on under a key no
   * roster entry has, so the procedure treats them as off the roster. Names come from the roster:
   * the name an activity carries is shown on cards as Markdown and kept in the record, so it is
   * not trusted for people on it.
   */
  function actorOf(activity: Activity): { aadObjectId: string; displayName: string } | undefined {
    const sender = senderOf(activity);
    if (!sender) return undefined;
    const person = rosterPersonFor(config, sender);
    if (!person) {
      if (sender.tenantId !== config.tenantId) log.info('sender from another tenant is not on the roster', { activityType: activity.type });
      return { aadObjectId: offRosterKey(sender), displayName: sender.displayName };
    }
    return { aadObjectId: person.aadObjectId, displayName: person.displayName };
  }

  /**
   * Where the bot can post in `conversationId`, from an activity Teams sent about it or about its
   * team: the activity's service URL, the bot as the activity names it, and the partnership's
   * tenant (checked before the turn). The messages function refuses anything but Teams before the
   * turn; checked again here because a stored reference is where later posts (and the bot's
   * connector token) go. Undefined when the activity is not of that shape.
   */
  function referenceFrom(activity: Activity, conversationId: string, conversationType: string): StoredConversation | undefined {
    const facts = conversationFactsOf(activity);
    if (!facts || !isTeamsChannel(facts.channelId) || !isTeamsServiceUrl(facts.serviceUrl, { localMode })) return undefined;
    return {
      conversationId,
      serviceUrl: facts.serviceUrl,
      channelId: facts.channelId,
      tenantId: config.tenantId,
      botId: facts.recipient.id,
      conversationType,
      ...(facts.recipient.name ? { botName: facts.recipient.name } : {}),
    };
  }

  /**
   * A team channel the bot learned of without an activity from it (listed on install, or
   * announced as created, renamed or restored). Microsoft's proactive-messaging guide: store the
   * tenant and the channel id ("The channelId is global"; the bot must be installed in the team)
   * with the service URL from the team's activities. The messenger posts to a channel with the
   * channel id as the conversation id (a new post, as for the channel the install came from);
   * without this reference it cannot post there, and the channel would be offered in vain.
   */
  async function rememberTeamChannel(activity: Activity, channelId: string): Promise<void> {
    if (!installFactsOf(activity).teamId) return;
    const reference = referenceFrom(activity, channelId, 'channel');
    if (reference) await conversations.saveConversation(reference);
  }

  /**
   * Offers a conversation for the business unit to choose as a channel (app/channelChoice.ts),
   * with the tenant of whoever added the bot (it decides whether it is offered) and when.
   */
  async function offer(activity: Activity, conversation: Omit<InstalledConversation, 'addedFromTenantId' | 'addedAt' | 'removedAt'>): Promise<void> {
    const addedFrom = senderOf(activity)?.tenantId;
    await installed.added({ ...conversation, ...(addedFrom ? { addedFromTenantId: addedFrom } : {}), addedAt: now().toISOString() });
  }

  async function remember(activity: Activity): Promise<void> {
    const facts = conversationFactsOf(activity);
    if (!facts) return;
    const conversationId = baseConversationId(facts.conversation.id);
    const stored = referenceFrom(activity, conversationId, facts.conversation.conversationType);
    if (!stored) return;
    // 1:1 chats and Teams ids are kept for the roster only: the bot never writes to anyone else,
    // so it keeps nothing about them. A channel or group chat is learned when the bot is added to it
    // or when someone on the roster acts there: a stranger's message or click writes nothing at all
    // (not even where later posts would go).
    const from = activity.from;
    const person = actorOf(activity);
    const rostered = Boolean(person && from && onRoster(person.aadObjectId));
    if (rostered || (facts.conversation.conversationType !== 'personal' && botWasAdded(activity))) await conversations.saveConversation(stored);
    // What the business unit chooses the channels from (app/channelChoice.ts): every team channel
    // or group chat the bot is added to, whoever added it (the tenant was checked above; who added
    // it is kept, and decides whether it is offered), and its removal.
    const kind = facts.conversation.conversationType;
    const tenantId = tenantOf(activity);
    if (kind !== 'personal' && tenantId && botWasAdded(activity)) await offer(activity, { conversationId, kind, tenantId, ...installFactsOf(activity) });
    if (kind !== 'personal' && botWasRemoved(activity)) {
      await installed.removed(conversationId, now());
      const teamId = installFactsOf(activity).teamId;
      if (teamId) await installed.teamRemoved(teamId, now());
    }
    // A team's channel created, renamed or restored is offered (by its new name); a deleted one no longer.
    const channelEvent = channelEventOf(activity);
    if (channelEvent && tenantId) {
      if (channelEvent.event === 'channelDeleted') await installed.removed(channelEvent.channelId, now());
      else {
        const { event: _event, channelId, ...named } = channelEvent;
        await rememberTeamChannel(activity, channelId);
        await offer(activity, { conversationId: channelId, kind: 'channel', tenantId, ...named });
      }
    }
    // A 1:1 chat is only ever with someone of the partnership's tenant (a guest included): a
    // shared channel's external member is told by email, so nothing is kept to reach them in Teams.
    if (!person || !from || !rostered || senderOf(activity)?.tenantId !== config.tenantId) return;
    if (facts.conversation.conversationType === 'personal') await conversations.savePersonalConversation(person.aadObjectId, stored);
    // A name is needed for the 1:1 chat; an activity without one does not erase the one we know.
    if (typeof from.name === 'string' && from.name.trim()) await conversations.saveMember({ memberId: from.id, aadObjectId: person.aadObjectId, name: from.name });
  }

  /**
   * When the app is added to a team or group chat, learn the Teams id of every member who is on
   * the partnership's roster: a proactive 1:1 chat is created with that id (the Entra object id
   * alone is not accepted everywhere). Nobody else is ever written to, so nothing is kept about
   * them, not even a name.
   */
  async function learnMembers(context: TurnContext): Promise<void> {
    try {
      let continuationToken: string | undefined;
      do {
        const page = await TeamsInfo.getPagedMembers(context, 100, continuationToken);
        for (const member of page.members) {
          // Members listed with their home tenant (a shared channel's external members) are not
          // kept: the bot cannot open a 1:1 chat with them, and their object id is another tenant's.
          const tenantId = member.tenantId ?? config.tenantId;
          if (member.aadObjectId && tenantId === config.tenantId && rosterPersonFor(config, { tenantId, aadObjectId: member.aadObjectId })) await conversations.saveMember({ memberId: member.id, aadObjectId: member.aadObjectId, ...(member.name ? { name: member.name } : {}) });
        }
        continuationToken = page.continuationToken;
      } while (continuationToken);
    } catch (error) {
      log.warn('could not list the members of a conversation', { error: error instanceof Error ? error.message : String(error) });
    }
  }

  /**
   * When the app is added to a team, Teams names one conversation (the team's General channel):
   * the team's other channels are listed so the business unit can choose any of them as a channel
   * (app/channelChoice.ts), with the same tenant and "added by" as the install itself.
   */
  async function learnTeamChannels(context: TurnContext): Promise<void> {
    const activity = context.activity;
    const tenantId = tenantOf(activity);
    const facts = conversationFactsOf(activity);
    if (!tenantId || !facts) return;
    const here = baseConversationId(facts.conversation.id);
    const team = teamNameOf(activity);
    const teamId = installFactsOf(activity).teamId;
    try {
      for (const listed of await TeamsInfo.getTeamChannels(context)) {
        const channel = TeamChannelSchema.safeParse(listed);
        if (!channel.success || channel.data.id === here) continue;
        const name = channel.data.name ?? undefined;
        await rememberTeamChannel(activity, channel.data.id);
        await offer(activity, {
          conversationId: channel.data.id,
          kind: 'channel',
          tenantId,
          ...(name ? { name: team ? `${team} › ${name}` : name } : {}),
          ...(channel.data.type ? { channelType: channel.data.type } : {}),
          ...(teamId ? { teamId } : {}),
        });
      }
    } catch (error) {
      log.warn("could not list the team's channels", { error: error instanceof Error ? error.message : String(error) });
    }
  }

  const botWasRemoved = (activity: Activity) =>
    (activity.type === ActivityTypes.InstallationUpdate && activity.action === 'remove') ||
    (activity.type === ActivityTypes.ConversationUpdate && (activity.membersRemoved ?? []).some((m) => m.id === activity.recipient?.id));

  const botWasAdded = (activity: Activity) =>
    (activity.type === ActivityTypes.InstallationUpdate && activity.action === 'add') ||
    (activity.type === ActivityTypes.ConversationUpdate && (activity.membersAdded ?? []).some((m) => m.id === activity.recipient?.id));

  return async function onTurn(context: TurnContext): Promise<void> {
    const activity = context.activity;
    const isCardAction = activity.type === ActivityTypes.Invoke && activity.name === 'adaptiveCard/action';
    if (tenantOf(activity) !== config.tenantId) {
      log.warn('activity from another tenant refused', { activityType: activity.type });
      const refusal = noticeCard('Not available', `This bot serves ${config.partnership.name} only. Nothing was recorded.`);
      if (isCardAction) await invokeCard(context, refusal);
      else if (activity.type === ActivityTypes.Message) await context.sendActivity(cardMessage(refusal));
      else if (activity.type === ActivityTypes.Invoke) await context.sendActivity({ type: ActivityTypes.InvokeResponse, value: { status: 403, body: { error: 'This bot serves one partnership only.' } } });
      return;
    }
    await remember(activity);

    const actor = actorOf(activity);
    if (activity.type === ActivityTypes.Message) {
      if (!actor) {
        await context.sendActivity(cardMessage(noticeCard('Not available', 'Your Teams identity could not be read, so nothing can be done for you here.')));
        return;
      }
      // Text that is not a string (null, an object) is not something Teams sends; botbuilder's
      // mention removal would throw on it and the person would be told to try again, in vain.
      const sent = messageTextOf(activity);
      if (!sent.ok) {
        await context.sendActivity(cardMessage(noticeCard('That message could not be read', 'Nothing was recorded. Type "help" to see what you can do.')));
        return;
      }
      // In a channel the bot is @mentioned; the mention is not part of the command.
      const text = (TurnContext.removeRecipientMention(activity) ?? sent.text).replace(/<at>[^<]*<\/at>/g, ' ');
      const reply = await interactions.textCommand(text, actor, { personal: activity.conversation.conversationType === 'personal' });
      await context.sendActivity(cardMessage(reply.card));
      return;
    }

    if (isCardAction) {
      const value = AdaptiveCardActionValueSchema.safeParse(activity.value);
      if (!actor || !value.success) {
        await invokeCard(context, noticeCard('That action could not be understood', 'Nothing was recorded. Type "help" to see what you can do.'));
        return;
      }
      const reply = await interactions.cardAction({ verb: value.data.action.verb, data: value.data.action.data ?? {} }, actor);
      await invokeCard(context, reply.card);
      if (reply.updateClickedCardForEveryone && activity.replyToId) {
        await context.updateActivity({ ...cardMessage(reply.card), id: activity.replyToId });
      }
      return;
    }

    if (activity.type === ActivityTypes.Invoke) {
      // Other invokes (message extensions, task modules) are not part of this app: the sender asked
      // for something it was never offered (400), which is no failure of ours (5xx).
      await context.sendActivity({ type: ActivityTypes.InvokeResponse, value: { status: 400, body: { error: UNKNOWN_INVOKE } } });
      return;
    }

    if (botWasAdded(activity) && activity.conversation.conversationType !== 'personal') await learnMembers(context);
    if (botWasAdded(activity) && activity.conversation.conversationType === 'channel' && installFactsOf(activity).teamId) await learnTeamChannels(context);
    if (activity.type === ActivityTypes.InstallationUpdate && activity.action === 'add' && activity.conversation.conversationType === 'personal') {
      await context.sendActivity(cardMessage((await interactions.textCommand('help', actor ?? { aadObjectId: '', displayName: '' })).card));
    }
  };
}
