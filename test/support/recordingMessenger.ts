import type { AdaptiveCard } from '../../cards/adaptiveCard.js';
import type { Messenger } from '../../app/ports.js';

/** Records what would reach Teams, in order; can be told to fail, to simulate a crash or an outage. */
export class RecordingMessenger implements Messenger {
  readonly sent: { to: string; card: AdaptiveCard; activityId: string; conversationId: string }[] = [];
  readonly updates: { conversationId: string; activityId: string; card: AdaptiveCard }[] = [];
  failNext: 'send' | 'update' | undefined;
  /** Every call fails while set: Teams unreachable, or the process gone. */
  down = false;
  /** Every call to these recipients (person id or conversation id) fails: a chat that cannot be reached. */
  readonly unreachable = new Set<string>();
  /** Simulated Teams latency per call. */
  latencyMs = 0;
  /** Runs before each card update is recorded: lets a test make something happen mid-refresh. */
  beforeUpdate: (() => Promise<void>) | undefined;
  private counter = 0;

  async sendToConversation(conversationId: string, card: AdaptiveCard) {
    await this.maybeFail('send', conversationId);
    const activityId = `act-${++this.counter}`;
    this.sent.push({ to: conversationId, card, activityId, conversationId });
    return { activityId };
  }

  async sendToPerson(aadObjectId: string, card: AdaptiveCard) {
    await this.maybeFail('send', aadObjectId);
    const activityId = `act-${++this.counter}`;
    const conversationId = `personal-${aadObjectId}`;
    this.sent.push({ to: aadObjectId, card, activityId, conversationId });
    return { activityId, conversationId };
  }

  async update(conversationId: string, activityId: string, card: AdaptiveCard) {
    await this.maybeFail('update', conversationId);
    await this.beforeUpdate?.();
    this.updates.push({ conversationId, activityId, card });
  }

  private async maybeFail(kind: 'send' | 'update', target: string) {
    if (this.latencyMs) await new Promise((r) => setTimeout(r, this.latencyMs));
    if (this.down) throw new Error('simulated outage');
    if (this.unreachable.has(target)) throw new Error(`simulated: ${target} cannot be reached`);
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
