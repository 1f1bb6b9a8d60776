import { caseCard } from '../cards/index.js';
import type { CardSpec, Effect, Recipient } from '../workflow/effects.js';
import type { PartnershipConfig } from '../workflow/partnership.js';
import type { CaseState } from '../workflow/state.js';
import type { CaseStore } from '../store/caseStore.js';
import type { Outbox, PendingEffect } from '../store/outbox.js';
import type { Logger, Messenger } from './ports.js';

/**
 * Performs a case's pending effects in order, each once: claimed with a lease, performed, marked
 * done. Cards are rendered from the case's current state at the moment they are sent, so a late
 * retry never shows an older truth than the log.
 */
export class EffectRunner {
  constructor(
    private readonly deps: { outbox: Outbox; store: CaseStore; messenger: Messenger; config: PartnershipConfig; log: Logger; leaseMs?: number },
  ) {}

  /** Returns how many effects are still pending (held by another process, or failed). */
  async runFor(caseRef: string, now: Date): Promise<number> {
    const { outbox, log } = this.deps;
    const pending = await outbox.pending(caseRef);
    if (pending.length === 0) return 0;
    const { state } = await this.deps.store.load(caseRef);
    if (!state) return pending.length;
    let done = 0;
    for (const effect of pending) {
      const etag = await outbox.claim(caseRef, effect, now, this.deps.leaseMs ?? 60_000);
      // Another process holds this one; later effects wait so a conversation sees them in order.
      if (!etag) break;
      try {
        await this.perform(caseRef, effect, state, now);
      } catch (error) {
        log.error('effect failed; the sweep will retry it', { caseRef, effect: describe(effect.effect), error: errorText(error) });
        break;
      }
      await outbox.markDone(caseRef, effect.rowKey, etag, now);
      done++;
    }
    return pending.length - done;
  }

  private async deliver(to: Recipient, card: ReturnType<typeof caseCard>): Promise<{ conversationId: string; activityId: string }> {
    if (to.kind === 'person') return this.deps.messenger.sendToPerson(to.aadObjectId, card);
    const conversationId = this.deps.config.channels[to.target].conversationId;
    const { activityId } = await this.deps.messenger.sendToConversation(conversationId, card);
    return { conversationId, activityId };
  }

  private async perform(caseRef: string, pending: PendingEffect, state: CaseState, now: Date): Promise<void> {
    const { messenger, outbox, config } = this.deps;
    const effect = pending.effect;
    if (effect.type === 'refreshCards') {
      for (const tracked of await outbox.trackedCards(caseRef)) {
        const card = caseCard(JSON.parse(tracked.card) as CardSpec, { state, config, now, recipient: JSON.parse(tracked.recipient) as Recipient });
        await messenger.update(tracked.conversationId, tracked.activityId, card);
      }
      return;
    }
    // A send that already happened (crash after sending, before marking done) is not repeated.
    if (effect.tracked && (await outbox.trackedCard(caseRef, effect.key))) return;
    const card = caseCard(effect.card, { state, config, now, recipient: effect.to });
    const sent = await this.deliver(effect.to, card);
    if (effect.tracked) {
      await outbox.saveTrackedCard(caseRef, effect.key, {
        conversationId: sent.conversationId,
        activityId: sent.activityId,
        card: JSON.stringify(effect.card),
        recipient: JSON.stringify(effect.to),
      });
    }
  }
}

function describe(effect: Effect): string {
  return effect.type === 'send' ? `send ${effect.card.kind} (${effect.key})` : effect.type;
}

export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
