import type { AdaptiveCard } from '../../cards/adaptiveCard.js';
import type { Messenger } from '../../app/ports.js';

/** Records what would reach Teams, in order; can be told to fail, to simulate a crash or an outage. */
export class RecordingMessenger implements Messenger {
  readonly sent: { to: string; card: AdaptiveCard; activityId: string; conversationId: string }[] = [];
  readonly updates: { conversationId: string; activityId: string; card: AdaptiveCard }[] = [];
  failNext: 'send' | 'update' | undefined;
  private counter = 0;

  async sendToConversation(conversationId: string, card: AdaptiveCard) {
    this.maybeFail('send');
    const activityId = `act-${++this.counter}`;
    this.sent.push({ to: conversationId, card, activityId, conversationId });
    return { activityId };
  }

  async sendToPerson(aadObjectId: string, card: AdaptiveCard) {
    this.maybeFail('send');
    const activityId = `act-${++this.counter}`;
    const conversationId = `personal-${aadObjectId}`;
    this.sent.push({ to: aadObjectId, card, activityId, conversationId });
    return { activityId, conversationId };
  }

  async update(conversationId: string, activityId: string, card: AdaptiveCard) {
    this.maybeFail('update');
    this.updates.push({ conversationId, activityId, card });
  }

  private maybeFail(kind: 'send' | 'update') {
    if (this.failNext === kind) {
      this.failNext = undefined;
      throw new Error(`simulated ${kind} failure`);
    }
  }
}

/** The visible text of a card, for asserting what a person reads. */
export function cardText(card: unknown): string {
  const out: string[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (node && typeof node === 'object') {
      for (const [key, value] of Object.entries(node)) {
        if ((key === 'text' || key === 'title' || key === 'value') && typeof value === 'string') out.push(value);
        else walk(value);
      }
    }
  };
  walk(card);
  return out.join('\n');
}
