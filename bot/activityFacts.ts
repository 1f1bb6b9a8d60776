import { ActivityTypes, type Activity } from 'botbuilder';
import { z } from 'zod';

/**
 * What the product trusts from an activity, read once. botbuilder has already validated the
 * token (outside local mode); the tenant and the person's Entra object id come from here and
 * from nowhere else (never from card data).
 */
const TeamsChannelDataSchema = z
  .object({ tenant: z.object({ id: z.string() }).partial().optional() })
  .loose()
  .optional();

export function tenantOf(activity: Partial<Activity>): string | undefined {
  const channelData = TeamsChannelDataSchema.safeParse(activity.channelData);
  return (channelData.success ? channelData.data?.tenant?.id : undefined) ?? activity.conversation?.tenantId;
}

/** The sender as Teams describes it; anything of another shape is no identity at all. */
const FromSchema = z.object({ id: z.string().min(1).max(1000), aadObjectId: z.string().min(1).max(100), name: z.string().max(1000).optional() });

export function actorOf(activity: Partial<Activity>): { aadObjectId: string; displayName: string } | undefined {
  const from = FromSchema.safeParse(activity.from);
  if (!from.success) return undefined;
  return { aadObjectId: from.data.aadObjectId, displayName: from.data.name?.trim() || 'Unknown user' };
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
