import type { Activity } from 'botbuilder';
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

export function actorOf(activity: Partial<Activity>): { aadObjectId: string; displayName: string } | undefined {
  const id = activity.from?.aadObjectId;
  if (!id) return undefined;
  return { aadObjectId: id, displayName: activity.from?.name?.trim() || 'Unknown user' };
}

/** A reply inside a channel thread has ";messageid=..." on the conversation id; the channel itself does not. */
export function baseConversationId(conversationId: string): string {
  return conversationId.split(';messageid=')[0]!;
}

export const AdaptiveCardActionValueSchema = z.object({
  action: z.object({ type: z.literal('Action.Execute'), verb: z.string().max(100), data: z.unknown().optional() }).loose(),
}).loose();
