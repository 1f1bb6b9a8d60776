import { createServer, type Server } from 'node:http';
import { freePort } from '../../../local/azurite.js';

/**
 * Microsoft Graph's calendar, as far as booking dispute meetings needs it, over HTTP for a child
 * process: everyone is free in getSchedule, and event creation is idempotent by transactionId
 * (as Graph is), so a booking repeated after a crash returns the meeting already made.
 */
export class FakeGraph {
  readonly eventPosts: { transactionId: string }[] = [];
  readonly events = new Map<string, { id: string; transactionId: string }>();
  private server: Server | undefined;
  url = '';

  async start(): Promise<this> {
    const port = await freePort();
    this.server = createServer(async (req, res) => {
      const chunks: Buffer[] = [];
      for await (const c of req) chunks.push(c as Buffer);
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as Record<string, unknown>;
      const path = new URL(req.url ?? '/', 'http://x').pathname;
      res.setHeader('content-type', 'application/json');
      if (path.endsWith('/calendar/getSchedule')) {
        const schedules = (body.schedules as string[]) ?? [];
        return res.end(JSON.stringify({ value: schedules.map((scheduleId) => ({ scheduleId, availabilityView: '0'.repeat(48), scheduleItems: [] })) }));
      }
      if (path.endsWith('/events') && req.method === 'POST') {
        const transactionId = String(body.transactionId ?? '');
        this.eventPosts.push({ transactionId });
        const event = this.events.get(transactionId) ?? { id: `AAMkAD-event-${this.events.size + 1}=`, transactionId };
        this.events.set(transactionId, event);
        res.statusCode = 201;
        return res.end(JSON.stringify({ ...body, id: event.id, onlineMeeting: { joinUrl: `https://teams.microsoft.com/l/meetup-join/${event.id}` } }));
      }
      res.statusCode = 404;
      res.end(JSON.stringify({ error: { code: 'NotFound', message: path } }));
    });
    await new Promise<void>((resolve) => this.server!.listen(port, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${port}`;
    return this;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
