import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import functions, { type HttpResponseInit } from '@azure/functions';
import { z } from 'zod';
import type { Client } from '@microsoft/microsoft-graph-client';
import type { Logger, Messenger } from '../app/ports.js';
import { buildServices, withLiveRoster, type Services } from '../functions/compositionRoot.js';
import type { Environment } from '../functions/environment.js';
import { createHandlers, MAX_ACTIVITY_BYTES } from '../functions/handlers.js';
import { createStaticAssets } from '../functions/staticAssets.js';
import { createTabHandlers } from '../functions/tabHandlers.js';
import { createActHandlers } from '../functions/actHandlers.js';
import { createRosterHandlers } from '../functions/rosterHandlers.js';
import { deadlineInWords, londonIso } from '../workflow/calendar/words.js';
import { LocalClock } from './localClock.js';

// A CommonJS package whose constructors Node's ESM loader cannot see as named exports.
const { HttpRequest, InvocationContext } = functions;

/**
 * A small stand-in for the Azure Functions host, for machines without Core Tools: it maps HTTP
 * routes and the one-minute timer onto the very same handlers that `func start` and Azure run.
 * It also offers the local clock, which exists only here (never in Azure).
 */

export type LocalHost = { url: string; services: Services; clock: LocalClock; close(): Promise<void> };

/** How long stopping, or a caller of /api/local/settled, waits for cards still going out. */
const DRAIN_MS = 10_000;

const ClockRequestSchema = z.union([z.object({ advanceMs: z.number().int().min(0).max(366 * 86_400_000) }), z.object({ to: z.iso.datetime({ offset: true }) })]);

export async function startLocalHost(options: {
  env: Environment;
  port: number;
  log: Logger;
  clock?: LocalClock;
  /** How often the deadline sweep runs; the product's schedule is every minute. 0 disables it. */
  sweepEveryMs?: number;
  messenger?: Messenger;
  /** Tests pass a Graph client whose requests they intercept. */
  graphClient?: Client;
}): Promise<LocalHost> {
  if (options.env.LOCAL_MODE !== 'true') throw new Error('The local host runs only in local mode');
  const clock = options.clock ?? new LocalClock();
  let services: Services | undefined;
  const advanceAndSweep = async (ms: number) => {
    // Time moves on only once what was started at the current instant (cards for clicks already
    // answered) is done, as it would be long before a real minute passed.
    await services!.effects.idle();
    const now = clock.advance(ms);
    const result = await services!.runSweep(now);
    return {
      now,
      summary: `The local clock now reads ${deadlineInWords(now, now)} (${londonIso(now)}). The deadline sweep looked at ${result.cases} case(s) and changed ${result.changed}.`,
    };
  };
  services = await buildServices(options.env, { clock, log: options.log, advanceClock: advanceAndSweep, ...(options.messenger ? { messenger: options.messenger } : {}), ...(options.graphClient ? { graphClient: options.graphClient } : {}) });
  const live = withLiveRoster(async () => services!);
  const handlers = createHandlers(live);
  const tab = createTabHandlers(live);
  const act = createActHandlers(live);
  const roster = createRosterHandlers(live);
  const assets = createStaticAssets({ localMode: true, authorityHost: options.env.ENTRA_AUTHORITY_HOST });
  const context = (functionName: string) => new InvocationContext({ functionName, logHandler: (level, ...args) => options.log[level === 'error' ? 'error' : level === 'warning' ? 'warn' : 'info'](args.map(String).join(' ')) });

  const server: Server = createServer((req, res) => {
    route(req, res).catch((error: unknown) => {
      options.log.error('local host request failed', { path: req.url?.split('?')[0], error: error instanceof Error ? error.message : String(error) });
      if (!res.headersSent) send(res, { status: 500, jsonBody: { error: 'internal error' } });
    });
  });

  async function route(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? '/', `http://${req.headers.host ?? 'localhost'}`);
    // An activity is read no further than the messages function accepts (it answers 413 on seeing
    // one byte more); anything else no further than the largest body any route takes.
    const limit = url.pathname === '/api/messages' ? MAX_ACTIVITY_BYTES : MAX_BODY;
    const read = req.method === 'GET' || req.method === 'HEAD' ? undefined : await readBody(req, limit);
    // The rest of an abandoned body is not read: the connection is closed once answered.
    if (read?.truncated) res.setHeader('connection', 'close');
    const bytes = read?.bytes;
    const body = bytes?.toString('utf8');
    // The bytes as received, as the Functions host gives them: the handler decides what is valid UTF-8.
    const request = (params: Record<string, string> = {}) =>
      new HttpRequest({ method: req.method ?? 'GET', url: url.toString(), headers: flatHeaders(req), params, query: Object.fromEntries(url.searchParams), ...(bytes !== undefined ? { body: { bytes } } : {}) });

    if (url.pathname === '/api/messages' && req.method === 'POST') return send(res, await handlers.messages(request(), context('messages')));
    if (url.pathname === '/api/act' && req.method === 'POST') return send(res, await act.act(request()));
    if (url.pathname === '/api/tab/roster' && req.method === 'PUT') return send(res, await roster.change(request()));
    if (url.pathname === '/api/tab/roster/channels' && req.method === 'PUT') return send(res, await roster.changeChannels(request()));
    if (url.pathname === '/api/tab/roster/absence' && req.method === 'POST') return send(res, await roster.absence(request()));
    const history = /^\/api\/cases\/([^/]+)\/history\.([a-z]+)$/.exec(url.pathname);
    if (history && req.method === 'GET') {
      const caseRef = safeDecodeURIComponent(history[1]!);
      if (caseRef === undefined) return send(res, { status: 400, jsonBody: { error: 'This is not a valid history link.' } });
      return send(res, await handlers.caseHistory(request({ caseRef, format: history[2]! })));
    }
    if (req.method === 'GET') {
      const tabCase = /^\/api\/tab\/cases\/([^/]+)$/.exec(url.pathname);
      const tabHistory = /^\/api\/tab\/cases\/([^/]+)\/history\.([a-z]+)$/.exec(url.pathname);
      if (url.pathname === '/api/tab/me') return send(res, await tab.me(request()));
      if (url.pathname === '/api/tab/cases') return send(res, await tab.cases(request()));
      if (url.pathname === '/api/tab/year') return send(res, await tab.year(request()));
      if (url.pathname === '/api/tab/reviews') return send(res, await tab.reviews(request()));
      if (url.pathname === '/api/tab/actions') return send(res, await tab.actions(request()));
      if (url.pathname === '/api/tab/actions.csv') return send(res, await tab.actionsExport(request()));
      const tabReview = /^\/api\/tab\/reviews\/([^/]+)\/([^/]+)$/.exec(url.pathname);
      if (tabReview) return send(res, await tab.review(request({ caseRef: safeDecodeURIComponent(tabReview[1]!) ?? '', kind: safeDecodeURIComponent(tabReview[2]!) ?? '' })));
      if (url.pathname === '/api/tab/local/people') return send(res, await tab.localPeople());
      if (url.pathname === '/api/tab/roster') return send(res, await roster.read(request()));
      if (url.pathname === '/api/tab/roster/history') return send(res, await roster.history(request()));
      if (url.pathname === '/api/tab/roster/channels') return send(res, await roster.channels(request()));
      const rosterExport = /^\/api\/tab\/roster\/history\.([a-z]+)$/.exec(url.pathname);
      if (rosterExport) return send(res, await roster.download(request({ format: rosterExport[1]! })));
      if (url.pathname === '/api/act/config') return send(res, await act.config());
      if (url.pathname === '/api/act/case') return send(res, await act.view(request()));
      if (tabCase) return send(res, await tab.caseDetail(request({ caseRef: safeDecodeURIComponent(tabCase[1]!) ?? '' })));
      if (tabHistory) return send(res, await tab.history(request({ caseRef: safeDecodeURIComponent(tabHistory[1]!) ?? '', format: tabHistory[2]! })));
      if (url.pathname.startsWith('/tab/') || url.pathname.startsWith('/act/') || url.pathname === '/privacy.html' || url.pathname === '/terms.html') return send(res, await assets(request()));
      if (url.pathname === '/') return send(res, { status: 302, headers: { location: '/tab/index.html' } });
    }
    if (url.pathname === '/api/local/clock') {
      if (req.method === 'GET') return send(res, { status: 200, jsonBody: { now: londonIso(clock.now()), inWords: deadlineInWords(clock.now(), clock.now()) } });
      if (req.method === 'POST') {
        const parsed = ClockRequestSchema.safeParse(safeJson(body));
        if (!parsed.success) return send(res, { status: 400, jsonBody: { error: 'Send {"advanceMs": n} or {"to": "<ISO instant>"}; the clock only moves forward.' } });
        const ms = 'advanceMs' in parsed.data ? parsed.data.advanceMs : Math.max(0, Date.parse(parsed.data.to) - clock.now().getTime());
        const moved = await advanceAndSweep(ms);
        return send(res, { status: 200, jsonBody: { now: londonIso(moved.now), summary: moved.summary } });
      }
    }
    if (url.pathname === '/api/local/settled' && req.method === 'GET') {
      // Local mode only: answers once the cards for clicks already answered are out (tests and
      // scripts wait on it instead of guessing how long that takes).
      const settled = await services!.effects.idle(DRAIN_MS);
      return send(res, { status: settled ? 200 : 503, jsonBody: { settled, inFlight: services!.effects.inFlight } });
    }
    if (url.pathname === '/api/health') return send(res, { status: 200, jsonBody: { ok: true } });
    send(res, { status: 404, jsonBody: { error: 'not found' } });
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(error.code === 'EADDRINUSE' ? new Error(`Port ${options.port} is in use (another npm start?): stop it, or set BOT_PORT to another port.`) : error),
    );
    server.listen(options.port, '127.0.0.1', resolve);
  });
  const sweepEvery = options.sweepEveryMs ?? 60_000;
  const timer =
    sweepEvery > 0
      ? setInterval(() => {
          handlers.deadlineSweep({ isPastDue: false, schedule: { adjustForDST: true }, scheduleStatus: { last: '', next: '', lastUpdated: '' } }, context('deadlineSweep')).catch((error: unknown) =>
            options.log.error('sweep failed', { error: error instanceof Error ? error.message : String(error) }),
          );
        }, sweepEvery)
      : undefined;
  return {
    url: `http://127.0.0.1:${options.port}`,
    services,
    clock,
    close: async () => {
      if (timer) clearInterval(timer);
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      // Cards still being sent for answered clicks are finished (a little while at most); what is
      // left is in the outbox, and the next start's sweep sends it.
      if (!(await services!.effects.idle(DRAIN_MS))) options.log.warn('stopped with effects still being performed; the next sweep will finish them', { inFlight: services!.effects.inFlight });
    },
  };
}

function flatHeaders(req: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [key, value] of Object.entries(req.headers)) if (value !== undefined) headers[key] = Array.isArray(value) ? value.join(', ') : value;
  return headers;
}

const MAX_BODY = 1024 * 1024;
function safeDecodeURIComponent(text: string): string | undefined {
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
}

/**
 * The body as it streams, up to `limit` + 1 bytes: a body without a content-length (chunked) is
 * abandoned at the first chunk past the limit instead of being read whole, and the handler, seeing
 * more than it accepts, answers 413. Reading stops by pausing, not by destroying the request,
 * so that answer still reaches the sender.
 */
function readBody(req: IncomingMessage, limit: number): Promise<{ bytes: Buffer; truncated: boolean }> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const finish = (truncated: boolean) => {
      // The error listener stays: a sender that resets an abandoned upload is no crash of ours.
      req.off('data', onData).off('end', onEnd);
      resolve({ bytes: Buffer.concat(chunks), truncated });
    };
    const onData = (chunk: Buffer) => {
      chunks.push(chunk);
      size += chunk.length;
      if (size > limit) {
        req.pause();
        finish(true);
      }
    };
    const onEnd = () => finish(false);
    const onError = (error: Error) => reject(error);
    req.on('data', onData).on('end', onEnd).on('error', onError);
  });
}

function safeJson(text: string | undefined): unknown {
  try {
    return JSON.parse(text ?? '');
  } catch {
    return undefined;
  }
}

async function send(res: ServerResponse, response: HttpResponseInit): Promise<void> {
  const headers: Record<string, string> = {};
  if (response.headers) new Headers(response.headers as HeadersInit).forEach((v, k) => (headers[k] = v));
  let payload: string | Uint8Array = '';
  if (response.jsonBody !== undefined) {
    payload = JSON.stringify(response.jsonBody);
    headers['content-type'] ??= 'application/json; charset=utf-8';
  } else if (typeof response.body === 'string' || response.body instanceof Uint8Array) {
    payload = response.body;
  }
  res.writeHead(response.status ?? 200, headers);
  res.end(payload);
}
