import { randomUUID } from 'node:crypto';
import type { Person } from '../../workflow/partnership.js';

/** Teams-shaped activities, as the Teams service (or the Playground) posts them to the bot. */
export type ActivityOptions = {
  from: Person;
  conversationId: string;
  conversationType?: 'personal' | 'channel' | 'groupChat';
  tenantId?: string;
  /** The sender's home tenant on `from` (how an external member of a shared channel is assumed to arrive: bot/activityFacts.ts). */
  fromTenantId?: string;
  serviceUrl: string;
};

function base(o: ActivityOptions) {
  return {
    id: randomUUID(),
    timestamp: new Date().toISOString(),
    serviceUrl: o.serviceUrl,
    channelId: 'msteams',
    from: { id: `29:${o.from.aadObjectId}`, name: o.from.displayName, aadObjectId: o.from.aadObjectId, ...(o.fromTenantId ? { tenantId: o.fromTenantId } : {}) },
    recipient: { id: '28:sin-bot', name: 'SIN decisions' },
    conversation: { id: o.conversationId, conversationType: o.conversationType ?? 'channel', tenantId: o.tenantId ?? 'tenant-1', isGroup: o.conversationType !== 'personal' },
    channelData: { tenant: { id: o.tenantId ?? 'tenant-1' } },
  };
}

export function messageActivity(o: ActivityOptions, text: string) {
  return { ...base(o), type: 'message', text };
}

export function cardActionActivity(o: ActivityOptions, verb: string, data: Record<string, unknown>, replyToId = 'clicked-card') {
  return { ...base(o), type: 'invoke', name: 'adaptiveCard/action', replyToId, value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' } };
}
