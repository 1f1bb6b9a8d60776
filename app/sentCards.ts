import { createHash } from 'node:crypto';
import type { AdaptiveCard } from '../cards/adaptiveCard.js';
import { RecentMap } from '../store/recentMap.js';

/**
 * What this process last put in each message it posted or updated, as a digest. A refresh renders
 * every tracked card of a case after any change, but most changes alter only some of them (a
 * partner's reply changes the partners' card, not the chair's 1:1 request): sending an identical
 * card again would only spend the conversation's seven messages a second. A process that does not
 * know a message (a restart, another instance) simply sends it once more.
 */

const MAX_MESSAGES = 20_000;

export class SentCards {
  private readonly digests = new RecentMap<string, string>(MAX_MESSAGES);

  static digest(card: AdaptiveCard): string {
    return createHash('sha256').update(JSON.stringify(card)).digest('base64url');
  }

  /** True when this message already shows exactly this card (as far as this process knows). */
  shows(conversationId: string, activityId: string, digest: string): boolean {
    return this.digests.peek(`${conversationId}|${activityId}`) === digest;
  }

  remember(conversationId: string, activityId: string, digest: string): void {
    this.digests.set(`${conversationId}|${activityId}`, digest);
  }

  /** After a failed update the message may show anything: send it next time. */
  forget(conversationId: string, activityId: string): void {
    this.digests.delete(`${conversationId}|${activityId}`);
  }
}
