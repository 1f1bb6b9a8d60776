import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { freePort } from '../../../local/azurite.js';

/**
 * A Bot Connector stand-in that misbehaves as Teams can: 429 with Retry-After, 412, 502, 504, or
 * a request that is never answered; or, worst of all, a message it delivers and then answers
 * 502/504 for, or whose connection it drops (an ambiguous failure: the bot cannot tell it
 * arrived). `plan` decides each request's fate from its number in its conversation (1-based).
 * Delivered messages are kept with the instant the connector accepted them, so order is measured
 * where Teams would see it; every request (POST or PUT, accepted or not) is kept as an attempt,
 * because Teams' per-conversation limit counts requests, not successes.
 */
export type Fate =
  | 'ok'
  | { status: 429; retryAfterSeconds: number }
  | { status: 412 | 502 | 504 }
  | 'hang'
  | { deliveredThen: 502 | 504 | 'drop' };
export type Delivered = { conversationId: string; activityId: string; at: number; card: unknown; method: 'POST' | 'PUT' };
export type Attempt = { conversationId: string; at: number; fate: string; method: 'POST' | 'PUT' };

const fateName = (fate: Fate): string => (typeof fate === 'string' ? fate : 'deliveredThen' in fate ? `delivered then ${fate.deliveredThen}` : String(fate.status));

export class FaultyConnector {
  readonly delivered: Delivered[] = [];
  readonly attempts: Attempt[] = [];
  readonly injected: string[] = [];
  private server: Server | undefined;
  private hung: ServerResponse[] = [];
  private perConversation = new Map<string, number>();
  private counter = 0;
  url = '';

  constructor(public plan: (n: number, conversationId: string) => Fate = () => 'ok') {}

  async start(): Promise<this> {
    const port = await freePort();
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(port, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${port}/`;
    return this;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    const body = text ? (JSON.parse(text) as { attachments?: { content?: unknown }[] }) : {};
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const json = (status: number, value: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(JSON.stringify(value));
    };
    if (req.method === 'POST' && path === '/v3/conversations') return json(200, { id: `personal-${++this.counter}`, activityId: `a-${this.counter}` });
    const match = /^\/v3\/conversations\/([^/]+)\/activities(?:\/([^/]+))?$/.exec(path);
    if (!match) return json(404, { error: { code: 'NotFound' } });
    const conversationId = decodeURIComponent(match[1]!);
    const n = (this.perConversation.get(conversationId) ?? 0) + 1;
    this.perConversation.set(conversationId, n);
    const fate = this.plan(n, conversationId);
    const at = Date.now();
    const method = req.method === 'PUT' ? 'PUT' : 'POST';
    this.attempts.push({ conversationId, at, fate: fateName(fate), method });
    if (fate === 'hang') {
      this.injected.push('hang');
      this.hung.push(res);
      return;
    }
    if (fate !== 'ok' && 'status' in fate) {
      this.injected.push(String(fate.status));
      const headers: Record<string, string> = fate.status === 429 ? { 'retry-after': String(fate.retryAfterSeconds) } : {};
      return json(fate.status, { error: { code: fate.status === 429 ? 'Throttled' : 'ServiceError', message: 'injected' } }, headers);
    }
    const activityId = match[2] ? decodeURIComponent(match[2]) : `a-${++this.counter}`;
    this.delivered.push({ conversationId, activityId, at, card: body.attachments?.[0]?.content, method });
    if (fate === 'ok') return json(200, { id: activityId });
    // Delivered, and then the answer is lost: the bot sees a failure for a message Teams shows.
    this.injected.push(fateName(fate));
    if (fate.deliveredThen === 'drop') {
      res.socket?.destroy();
      return;
    }
    json(fate.deliveredThen, { error: { code: 'ServiceError', message: 'injected after delivery' } });
  }

  /** The most requests (POST or PUT, accepted or not) that reached the connector in any one-second window, for one conversation. */
  maxPerSecond(conversationId: string): number {
    const times = this.attempts.filter((a) => a.conversationId === conversationId).map((a) => a.at);
    let max = 0;
    for (let i = 0, j = 0; i < times.length; i++) {
      while (times[i]! - times[j]! >= 1000) j++;
      max = Math.max(max, i - j + 1);
    }
    return max;
  }

  async stop(): Promise<void> {
    for (const res of this.hung) res.destroy();
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
