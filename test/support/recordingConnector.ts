import { createServer, type Server } from 'node:http';
import { freePort } from '../../local/azurite.js';

/**
 * A Bot Connector stand-in on loopback that records what the bot sends and answers at once.
 * The bot's real botbuilder client code path runs against it (serviceUrl = this server).
 */
export type ConnectorCall = { method: string; path: string; conversationId: string; activityId?: string; body: Record<string, unknown> };

export class RecordingConnector {
  readonly calls: ConnectorCall[] = [];
  /** The Authorization header of each request, in order (the bot's Bot Connector token, if any). */
  readonly authorizations: (string | undefined)[] = [];
  private server: Server | undefined;
  private counter = 0;
  url = '';
  /** Who the connector says is in every conversation (the bot lists them when it is added to a team). */
  members: { id: string; name?: string; aadObjectId?: string }[] = [];
  /** The channels of every team, as the connector lists them (the bot lists them when it is added to a team). */
  channels: { id: string; name?: string; type?: string }[] = [];

  async start(): Promise<this> {
    const port = await freePort();
    this.server = createServer(async (req, res) => {
      const chunks: Buffer[] = [];
      for await (const c of req) chunks.push(c as Buffer);
      const text = Buffer.concat(chunks).toString('utf8');
      const body = text ? (JSON.parse(text) as Record<string, unknown>) : {};
      const path = new URL(req.url ?? '/', 'http://x').pathname;
      this.authorizations.push(req.headers.authorization);
      const match = /^\/v3\/conversations(?:\/([^/]+)\/activities(?:\/([^/]+))?)?$/.exec(path);
      const conversationId = match?.[1] ? decodeURIComponent(match[1]) : '';
      const activityId = match?.[2] ? decodeURIComponent(match[2]) : undefined;
      this.calls.push({ method: req.method ?? '', path, conversationId, ...(activityId ? { activityId } : {}), body });
      res.writeHead(200, { 'content-type': 'application/json' });
      if (req.method === 'GET' && /^\/v3\/conversations\/[^/]+\/pagedmembers$/.test(path)) {
        res.end(JSON.stringify({ members: this.members }));
      } else if (req.method === 'GET' && /^\/v3\/teams\/[^/]+\/conversations$/.test(path)) {
        res.end(JSON.stringify({ conversations: this.channels }));
      } else if (req.method === 'POST' && path === '/v3/conversations') {
        res.end(JSON.stringify({ id: `personal-${++this.counter}`, activityId: `a-${this.counter}` }));
      } else {
        res.end(JSON.stringify({ id: activityId && req.method === 'PUT' ? activityId : `a-${++this.counter}` }));
      }
    });
    await new Promise<void>((resolve) => this.server!.listen(port, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${port}/`;
    return this;
  }

  /** Messages the bot posted (not updates), with the card they carried. */
  posted(): { conversationId: string; card: unknown; text?: string }[] {
    return this.calls
      .filter((c) => c.method === 'POST' && c.conversationId)
      .map((c) => {
        const attachments = c.body.attachments as { content?: unknown }[] | undefined;
        return { conversationId: c.conversationId, card: attachments?.[0]?.content, ...(typeof c.body.text === 'string' ? { text: c.body.text } : {}) };
      });
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
