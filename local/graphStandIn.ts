import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { OrganiserCalendar } from './organiserCalendar.js';

/**
 * Microsoft Graph on loopback, for `npm start`: the three calls the meeting booker makes
 * (getSchedule, create event, cancel event) on the organiser's calendar, answered in Graph's
 * shapes (local/organiserCalendar.ts), so someone trying the product sees a dispute meeting booked
 * and its join link posted. The app reaches it through GRAPH_BASE_URL with GRAPH_AUTH=localStandIn,
 * which only local mode accepts. Anything else answers Graph's 404 envelope.
 */
export type GraphStandIn = { url: string; calendar: OrganiserCalendar; close(): Promise<void> };

const EVENTS = /^\/v1\.0\/users\/([^/]+)\/events$/;
const CANCEL = /^\/v1\.0\/users\/([^/]+)\/events\/([^/]+)\/cancel$/;
const SCHEDULE = /^\/v1\.0\/users\/([^/]+)\/calendar\/getSchedule$/;

function send(response: ServerResponse, status: number, body?: unknown): void {
  response.writeHead(status, body === undefined ? {} : { 'content-type': 'application/json' });
  response.end(body === undefined ? undefined : JSON.stringify(body));
}

async function json(request: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  return text ? (JSON.parse(text) as Record<string, unknown>) : {};
}

const notFound = (what: string) => ({ error: { code: 'ErrorItemNotFound', message: `${what} was not found on the local Graph stand-in.` } });

export async function startGraphStandIn(options: { port?: number } = {}): Promise<GraphStandIn> {
  const calendar = new OrganiserCalendar();
  const server: Server = createServer((request, response) => {
    void (async () => {
      const path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
      if (request.method !== 'POST') return send(response, 405, { error: { code: 'MethodNotAllowed', message: 'only POST is served here' } });
      try {
        if (SCHEDULE.test(path)) return send(response, 200, { value: OrganiserCalendar.allFree(await json(request)) });
        if (EVENTS.test(path)) return send(response, 201, calendar.create(await json(request)));
        const cancel = CANCEL.exec(path);
        if (cancel) return calendar.cancel(decodeURIComponent(cancel[2]!)) ? send(response, 202) : send(response, 404, notFound('The event'));
        return send(response, 404, notFound(path));
      } catch {
        return send(response, 400, { error: { code: 'BadRequest', message: 'the body is not JSON' } });
      }
    })();
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    calendar,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
