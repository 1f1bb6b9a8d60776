import { ActivityTypes, type Activity } from 'botbuilder';
import { z } from 'zod';

/**
 * What the product trusts from an activity, read once. botbuilder has already validated the
 * token (outside local mode); the tenant and the person's Entra object id come from here and
 * from nowhere else (never from card data).
 */

/*
 * WHO SENT AN ACTIVITY, ACROSS TENANTS. Every assumption about the fields Teams puts on an
 * activity from a guest or from an external member of a shared channel is in this block, with a
 * table test (test/bot/activityFacts.test.ts), so it can be corrected after a first run in two
 * real tenants. Microsoft documents `channelData.tenant.id` and `conversation.tenantId` (the
 * tenant of the conversation) and `from.aadObjectId` (the sender's object id); it does not
 * document how a shared channel's external member is described. Assumed, NOT verified:
 *   - a guest in the partnership's tenant: conversation tenant = the partnership's, from.aadObjectId
 *     = the guest account's object id, no other tenant on `from` (or the partnership's);
 *   - an external member of a shared channel hosted by the partnership: conversation tenant = the
 *     host's (the partnership's), from.aadObjectId = their object id in their home tenant, and
 *     their home tenant in `from.tenantId` (TeamsChannelAccount's field, as Graph's member lists
 *     carry it). Without that field the sender is taken to be of the conversation's tenant, so an
 *     external member's home object id cannot match a home-tenant roster entry: refused, never
 *     mistaken for someone else.
 * Anything else fails closed: the two tenant fields disagreeing, a tenant or object id that is
 * not a string, or a `from.tenantId` of another type.
 */
const TenantIdSchema = z.string().min(1).max(100);
const TeamsChannelDataSchema = z
  .object({ tenant: z.object({ id: z.unknown() }).partial().optional() })
  .loose()
  .optional();

/** The conversation's tenant, or undefined when the activity does not say it consistently. */
export function tenantOf(activity: Partial<Activity>): string | undefined {
  const channelData = TeamsChannelDataSchema.safeParse(activity.channelData);
  if (!channelData.success) return undefined;
  const fromChannelData = channelData.data?.tenant?.id;
  const fromConversation: unknown = activity.conversation?.tenantId;
  const given = [fromChannelData, fromConversation].filter((t) => t !== undefined && t !== null);
  if (given.length === 0 || !given.every((t) => TenantIdSchema.safeParse(t).success)) return undefined;
  return new Set(given).size === 1 ? (given[0] as string) : undefined;
}

/** The sender as Teams describes it; anything of another shape is no identity at all. */
const FromSchema = z.object({
  id: z.string().min(1).max(1000),
  aadObjectId: z.string().min(1).max(100),
  name: z.string().max(1000).optional(),
  tenantId: TenantIdSchema.optional(),
});

/** The sender's Entra identity: their object id and the tenant that object id belongs to. */
export type Sender = { tenantId: string; aadObjectId: string; displayName: string };

export function senderOf(activity: Partial<Activity>): Sender | undefined {
  const conversationTenant = tenantOf(activity);
  const from = FromSchema.safeParse(activity.from);
  if (!conversationTenant || !from.success) return undefined;
  return { tenantId: from.data.tenantId ?? conversationTenant, aadObjectId: from.data.aadObjectId, displayName: from.data.name?.trim() || 'Unknown user' };
}

/**
 * What the bot keeps about where an activity came from, so it can post there later. Only
 * well-formed facts are kept: a malformed activity must not overwrite a good conversation
 * reference (and with it every later card to that channel).
 */
const ConversationFactsSchema = z.object({
  serviceUrl: z.string().min(1).max(2000),
  channelId: z.string().min(1).max(100),
  recipient: z.object({ id: z.string().min(1).max(1000), name: z.string().max(1000).optional() }),
  conversation: z.object({ id: z.string().min(1).max(1000), conversationType: z.enum(['personal', 'channel', 'groupChat']) }),
});
export type ConversationFacts = z.infer<typeof ConversationFactsSchema>;

export function conversationFactsOf(activity: Partial<Activity>): ConversationFacts | undefined {
  const facts = ConversationFactsSchema.safeParse(activity);
  return facts.success ? facts.data : undefined;
}

/*
 * WHAT A CONVERSATION IS CALLED, AND WHETHER IT IS SHARED, when the bot is added to it (issue 16:
 * the business unit chooses the channels from these). Documented: `channelData.team.name` on a
 * team install, `channelData.channel.name` on channel events, `conversation.name` on a named
 * group chat. Shared channels: Microsoft's published samples of the shared-channel events (the
 * Agents SDK issues "Support for bots and agents in shared channels") carry
 * `channelData.channel.type: "shared"` and the shared channel's (host's) tenant in
 * `channelData.tenant.id`. NOT verified in a real tenant. Anything not a short string is ignored:
 * a missing name only makes the tab say "without a name", a missing type means "not shared".
 */
const NameSchema = z.string().trim().min(1).max(200);
const InstallChannelDataSchema = z
  .object({
    team: z.object({ id: z.unknown(), name: z.unknown() }).partial().loose().optional().catch(undefined),
    channel: z.object({ name: z.unknown(), type: z.unknown() }).partial().loose().optional().catch(undefined),
  })
  .loose()
  .optional()
  .catch(undefined);

export type InstallFacts = { name?: string; channelType?: string; teamId?: string };

const text = (value: unknown) => {
  const parsed = NameSchema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
};

/** The team's name, when the activity comes from a team and says it. */
export function teamNameOf(activity: Partial<Activity>): string | undefined {
  return text(InstallChannelDataSchema.parse(activity.channelData)?.team?.name);
}

export function installFactsOf(activity: Partial<Activity>): InstallFacts {
  const data = InstallChannelDataSchema.parse(activity.channelData);
  const team = teamNameOf(activity);
  const channel = text(data?.channel?.name);
  const chat = text(activity.conversation?.name);
  const name = team && channel ? `${team} › ${channel}` : (team ?? channel ?? chat);
  const channelType = z.enum(['standard', 'shared', 'private']).safeParse(data?.channel?.type);
  const teamId = z.string().min(1).max(1000).safeParse(data?.team?.id);
  return { ...(name ? { name } : {}), ...(channelType.success ? { channelType: channelType.data } : {}), ...(teamId.success ? { teamId: teamId.data } : {}) };
}

/**
 * A team's channel created, renamed, deleted or restored, as Teams tells a bot installed in the
 * team (a `conversationUpdate` with `channelData.eventType` and `channelData.channel`, documented
 * for Teams bots). Undefined for anything else or anything of another shape.
 */
const ChannelEventSchema = z.object({
  eventType: z.enum(['channelCreated', 'channelRenamed', 'channelDeleted', 'channelRestored']),
  channel: z.object({ id: z.string().min(1).max(1000), name: z.unknown().optional(), type: z.unknown().optional() }),
});
export type ChannelEvent = { event: z.infer<typeof ChannelEventSchema>['eventType']; channelId: string; name?: string; channelType?: string };

export function channelEventOf(activity: Partial<Activity>): ChannelEvent | undefined {
  if (activity.type !== ActivityTypes.ConversationUpdate) return undefined;
  const parsed = ChannelEventSchema.safeParse(activity.channelData);
  if (!parsed.success) return undefined;
  const facts = installFactsOf(activity);
  return { event: parsed.data.eventType, channelId: parsed.data.channel.id, ...facts };
}

/** A reply inside a channel thread has ";messageid=..." on the conversation id; the channel itself does not. */
export function baseConversationId(conversationId: string): string {
  return conversationId.split(';messageid=')[0]!;
}

export const AdaptiveCardActionValueSchema = z.object({
  action: z.object({ type: z.literal('Action.Execute'), verb: z.string().max(100), data: z.unknown().optional() }).loose(),
}).loose();

/**
 * The activity types of the Bot Framework protocol (botbuilder's own list). Anything else is not
 * an activity a channel sends: the sender's mistake, answered 400 rather than silently accepted.
 */
export const KNOWN_ACTIVITY_TYPES: readonly string[] = Object.values(ActivityTypes);

/** The text of a message, when it is text: a message without any (a picture) has none. */
export function messageTextOf(activity: Partial<Activity>): { ok: true; text: string } | { ok: false } {
  const text: unknown = activity.text;
  if (text === undefined) return { ok: true, text: '' };
  return typeof text === 'string' ? { ok: true, text } : { ok: false };
}
