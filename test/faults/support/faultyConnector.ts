import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { freePort } from '../../../local/azurite.js';

/**
 * A Bot Connector stand-in that misbehaves as Teams can: 429 with Retry-After, 412, 502, 504, or
 * a request that is never answered. `plan` decides each request's fate from its number in its
 * conversation (1-based). Only answered-with-success sends count as delivered, with the instant
 * the connector accepted them, so pacing and order are measured where Teams would see them.
 */
export type Fate = 'ok' | { status: 429; retryAfterSeconds: number } | { status: 412 | 502 | 504 } | 'hang';
export type Delivered = { conversationId: string; activityId: string; at: number; card: unknown; method: 'POST' | 'PUT' };

export class FaultyConnector {
  readonly delivered: Delivered[] = [];
  readonly attempts: { conversationId: string; at: number; fate: string }[] = [];
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
    this.attempts.push({ conversationId, at, fate: typeof fate === 'string' ? fate : String(fate.status) });
    if (fate === 'hang') {
      this.injected.push('hang');
      this.hung.push(res);
      return;
    }
    if (fate !== 'ok') {
      this.injected.push(String(fate.status));
      const headers: Record<string, string> = fate.status === 429 ? { 'retry-after': String(fate.retryAfterSeconds) } : {};
      return json(fate.status, { error: { code: fate.status === 429 ? 'Throttled' : 'ServiceError', message: 'injected' } }, headers);
    }
    const activityId = match[2] ? decodeURIComponent(match[2]) : `a-${++this.counter}`;
    this.delivered.push({ conversationId, activityId, at, card: body.attachments?.[0]?.content, method: req.method === 'PUT' ? 'PUT' : 'POST' });
    json(200, { id: activityId });
  }

  /** The most messages accepted in any one-second window, per conversation. */
  maxPerSecond(conversationId: string): number {
    const times = this.delivered.filter((d) => d.conversationId === conversationId && d.method === 'POST').map((d) => d.at);
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
