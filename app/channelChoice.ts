import { z } from 'zod';
import type { ConversationTarget } from '../config/partnershipFile.js';
import type { InstalledConversation } from '../store/installedConversations.js';
import type { Channels } from './liveRoster.js';

/**
 * Which conversations the business unit may choose as the monitoring and the partners' decision
 * channel (issue 16): only ones the bot has been added to, so nobody types a conversation id, and
 * only ones whose cards stay in the partnership's hands. Failing closed:
 *   - the conversation's tenant (the one the activity said, consistently) must be the partnership's;
 *   - whoever added the bot must be of the partnership's tenant, unless the conversation is a
 *     shared channel (Teams' `channelData.channel.type` "shared"), which is then hosted by the
 *     partnership (its tenant is the partnership's) with external members in it: the issue's
 *     option for the partners' decision card;
 *   - who added it unknown, or the bot since removed: not offered;
 *   - no conversation reference saved for it (store/conversations.ts, what the messenger posts
 *     through): not offered, and refused if sent anyway. Every card there would fail, and since
 *     the undeliverable-card reports go to the monitoring channel, nobody would be told.
 * The rule is the same for both channels: the monitoring channel is the business unit's own.
 */

const ChosenSchema = z.object({ conversationId: z.string().min(1).max(1000), label: z.string().trim().min(1, 'give the channel a name people will recognise').max(100) });
export const ChannelsEditSchema = z.object({
  baseVersion: z.number().int().min(0),
  why: z.string().trim().min(1, 'say why the channels are changing').max(500),
  monitoring: ChosenSchema,
  decision: ChosenSchema,
});
export type ChannelsEdit = z.infer<typeof ChannelsEditSchema>;

export type ChannelRole = keyof Channels;
export const CHANNEL_ROLES: readonly ChannelRole[] = ['monitoring', 'decision'];

/** Why a conversation the bot cannot post to is neither offered nor taken, and what to do about it. */
export const CANNOT_POST_YET = "The bot cannot post there yet: add the app to that channel's team again, or post @bot in the channel";

/**
 * Undefined when it may be chosen; otherwise why not, in the business unit's words. `canPost`:
 * a conversation reference is saved for it (the caller looks; this module does no I/O).
 */
export function whyNotOffered(c: InstalledConversation, partnershipTenantId: string, canPost: boolean): string | undefined {
  if (c.removedAt) return 'the bot has been removed from it';
  if (c.tenantId !== partnershipTenantId) return "it belongs to another organisation's tenant";
  if (c.addedFromTenantId === undefined) return 'Teams did not say who added the bot';
  if (c.addedFromTenantId !== partnershipTenantId && c.channelType !== 'shared') return 'the bot was added by someone of another organisation, and it is not a shared channel hosted by the partnership';
  if (!canPost) return lowerFirst(CANNOT_POST_YET);
  return undefined;
}

const lowerFirst = (words: string) => words.charAt(0).toLowerCase() + words.slice(1);

export type Offer = { conversationId: string; kind: ConversationTarget['kind']; name: string; current: boolean };

/** `canPost`: the conversations (of those in `current`, `file` and `installed`) with a conversation reference saved. */
export type ChannelSources = { current: Channels; file: Channels; installed: InstalledConversation[]; partnershipTenantId: string; canPost: ReadonlySet<string> };

/** The conversations whose references decide what is offered: the caller looks each up in the conversation store. */
export function candidateIds(o: Omit<ChannelSources, 'canPost'>): string[] {
  return [...new Set([...CHANNEL_ROLES.flatMap((role) => [o.current[role].conversationId, o.file[role].conversationId]), ...o.installed.filter((c) => !c.removedAt).map((c) => c.conversationId)])];
}

/**
 * What the tab offers for one channel: the one in force (kept, whatever else is chosen; a post
 * that fails there is reported like any other); the partnership file's (set up with the
 * deployment, where the bot may have been added before it kept a list), unless the bot has since
 * been removed from it or cannot post there; then every conversation the bot has been added to
 * that may be chosen.
 */
export function offersFor(role: ChannelRole, o: ChannelSources): Offer[] {
  const now = o.current[role];
  const fromFile = o.file[role];
  const removed = new Set(o.installed.filter((c) => c.removedAt).map((c) => c.conversationId));
  const offers: Offer[] = [{ conversationId: now.conversationId, kind: now.kind, name: now.label, current: true }];
  if (fromFile.conversationId !== now.conversationId && !removed.has(fromFile.conversationId) && o.canPost.has(fromFile.conversationId)) offers.push({ conversationId: fromFile.conversationId, kind: fromFile.kind, name: fromFile.label, current: false });
  for (const c of o.installed) {
    if (offers.some((x) => x.conversationId === c.conversationId) || whyNotOffered(c, o.partnershipTenantId, o.canPost.has(c.conversationId)) !== undefined) continue;
    offers.push({ conversationId: c.conversationId, kind: c.kind, name: c.name ?? (c.kind === 'groupChat' ? 'A group chat without a name' : 'A channel without a name'), current: false });
  }
  return offers;
}

export type Resolved = { ok: true; channels: Channels } | { ok: false; issues: { path: (string | number)[]; message: string }[] };

/** The channels chosen, each either the one in force or one on offer; anything else is refused, nothing changed. */
export function resolveChoice(edit: ChannelsEdit, o: ChannelSources): Resolved {
  const issues: { path: (string | number)[]; message: string }[] = [];
  const channels: Partial<Channels> = {};
  for (const role of CHANNEL_ROLES) {
    const chosen = edit[role];
    const offer = offersFor(role, o).find((o) => o.conversationId === chosen.conversationId);
    if (!offer) {
      issues.push({ path: ['channels', role, 'conversationId'], message: onlyCannotPost(chosen.conversationId, role, o) ? `${CANNOT_POST_YET}.` : 'Choose one of the conversations the bot has been added to (listed here).' });
      continue;
    }
    channels[role] = { conversationId: offer.conversationId, kind: offer.kind, label: chosen.label };
  }
  return issues.length > 0 ? { ok: false, issues } : { ok: true, channels: channels as Channels };
}

/** A conversation that would be offered but for the missing reference: the refusal says what to do. */
function onlyCannotPost(conversationId: string, role: ChannelRole, o: ChannelSources): boolean {
  if (o.canPost.has(conversationId)) return false;
  const installed = o.installed.find((c) => c.conversationId === conversationId);
  if (installed) return whyNotOffered(installed, o.partnershipTenantId, true) === undefined;
  return o.file[role].conversationId === conversationId;
}
