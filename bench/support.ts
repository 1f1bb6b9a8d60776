import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import { Agent, request as httpRequest } from 'node:http';
import { createServer, type Server } from 'node:http';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { DateTime } from 'luxon';
import { silentLogger } from '../app/ports.js';
import { readEnvironment } from '../functions/environment.js';
import { freePort } from '../local/azurite.js';
import { startLocalHost, type LocalHost } from '../local/host.js';
import { LocalClock } from '../local/localClock.js';
import { PARTNERS, type Partner, type PartnershipConfig, type Person } from '../workflow/partnership.js';
import { cardActionActivity, messageActivity, type ActivityOptions } from '../test/support/activities.js';
import { cardText } from '../test/support/recordingMessenger.js';
import { PEOPLE, sampleConfig } from '../test/support/sampleConfig.js';

/**
 * Shared pieces of the benchmark suite: the local stack (the real handlers behind the local host,
 * Azurite, and a loopback Bot Connector that answers at once), an HTTP client, the activities the
 * bench sends, and the result format.
 */

// ---------------------------------------------------------------------------------------------
// Results

/** 'info': a figure reported without a target (met is always true). */
export type Comparison = '<=' | '<' | '==' | 'info';

export type Figure = {
  /** Stable key, e.g. "reply.p50". */
  id: string;
  figure: string;
  value: number;
  unit: string;
  /** The target in words, e.g. "≤ 30 ms". */
  target: string;
  limit: number;
  comparison: Comparison;
  met: boolean;
  /** Extra measured facts that explain the figure (not judged). */
  details?: Record<string, number | string | boolean>;
};

export function figure(args: Omit<Figure, 'met' | 'target'> & { target?: string }): Figure {
  const met =
    args.comparison === 'info' ? true : args.comparison === '<=' ? args.value <= args.limit : args.comparison === '<' ? args.value < args.limit : args.value === args.limit;
  const symbol = args.comparison === '<=' ? '≤' : args.comparison === '<' ? '<' : '=';
  const unit = args.unit === '×' ? '×' : ` ${args.unit}`;
  const target = args.target ?? (args.comparison === 'info' ? 'reported' : `${symbol} ${args.limit.toLocaleString('en-GB')}${unit}`);
  return { ...args, value: round(args.value), target, met };
}

export function round(value: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  // Nearest-rank: the smallest value with at least p% of the values at or below it.
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[Math.min(rank, sorted.length) - 1]!;
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function log(message: string): void {
  process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}\n`);
}

// ---------------------------------------------------------------------------------------------
// Time: a fixed Monday in June 2026, in working hours (10:00 BST), with no bank holiday near.

/** Monday 8 June 2026, 10:00 London time. Partner windows opened now close at 10:00 on Tuesday. */
export const BASE_NOW = new Date('2026-06-08T09:00:00.000Z');
/** Wednesday 10 June 2026, 10:00 London time: every window opened at BASE_NOW has closed. */
export const AFTER_WINDOW = new Date('2026-06-10T09:00:00.000Z');

// ---------------------------------------------------------------------------------------------
// A Bot Connector stand-in on loopback (the idea of test/support/recordingConnector.ts), bounded
// in memory: it keeps counts, and only the last update each card received (as raw text).

export type LastUpdate = { seq: number; body: string };

export class BenchConnector {
  private server: Server | undefined;
  private counter = 0;
  private seq = 0;
  url = '';
  readonly counts = { post: 0, put: 0, createConversation: 0, other: 0 };
  /** The last PUT each card (conversationId|activityId) received, in arrival order. */
  readonly lastUpdate = new Map<string, LastUpdate>();
  /** When false (the memory run), nothing per card is kept. */
  keepUpdates = true;

  async start(): Promise<this> {
    const port = await freePort();
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const path = new URL(req.url ?? '/', 'http://x').pathname;
        const match = /^\/v3\/conversations(?:\/([^/]+)\/activities(?:\/([^/]+))?)?$/.exec(path);
        const conversationId = match?.[1] ? decodeURIComponent(match[1]) : '';
        const activityId = match?.[2] ? decodeURIComponent(match[2]) : undefined;
        res.writeHead(200, { 'content-type': 'application/json' });
        if (req.method === 'POST' && path === '/v3/conversations') {
          this.counts.createConversation++;
          const n = ++this.counter;
          res.end(JSON.stringify({ id: `personal-${n}`, activityId: `a-${n}` }));
          return;
        }
        if (req.method === 'PUT' && activityId) {
          this.counts.put++;
          if (this.keepUpdates) this.lastUpdate.set(`${conversationId}|${activityId}`, { seq: ++this.seq, body: Buffer.concat(chunks).toString('utf8') });
          res.end(JSON.stringify({ id: activityId }));
          return;
        }
        if (req.method === 'POST') this.counts.post++;
        else this.counts.other++;
        res.end(JSON.stringify({ id: `a-${++this.counter}` }));
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(port, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${port}/`;
    return this;
  }

  /** The card carried by the last update of a posted card, if it was ever updated. */
  lastCard(conversationId: string, activityId: string): unknown {
    const last = this.lastUpdate.get(`${conversationId}|${activityId}`);
    if (!last) return undefined;
    const body = JSON.parse(last.body) as { attachments?: { content?: unknown }[] };
    return body.attachments?.[0]?.content;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}

// ---------------------------------------------------------------------------------------------
// HTTP client: keep-alive node:http (lighter than fetch, so the client adds little to what is timed).

export type Posted = { status: number; ms: number; body: InvokeBody | undefined };
export type InvokeBody = { statusCode?: number; type?: string; value?: unknown; error?: string };

export class BotClient {
  private readonly agent = new Agent({ keepAlive: true, maxSockets: 128 });
  private readonly target: URL;
  constructor(baseUrl: string) {
    this.target = new URL('/api/messages', baseUrl);
  }

  post(activity: unknown): Promise<Posted> {
    const payload = Buffer.from(JSON.stringify(activity));
    return new Promise<Posted>((resolve, reject) => {
      const started = performance.now();
      const req = httpRequest(
        { host: this.target.hostname, port: this.target.port, path: this.target.pathname, method: 'POST', agent: this.agent, headers: { 'content-type': 'application/json', 'content-length': payload.length } },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            const ms = performance.now() - started;
            const text = Buffer.concat(chunks).toString('utf8');
            let body: InvokeBody | undefined;
            try {
              body = text ? (JSON.parse(text) as InvokeBody) : undefined;
            } catch {
              body = { error: text.slice(0, 200) };
            }
            resolve({ status: res.statusCode ?? 0, ms, body });
          });
          res.on('error', reject);
        },
      );
      req.setTimeout(30_000, () => req.destroy(new Error('request timed out after 30 s')));
      req.on('error', reject);
      req.end(payload);
    });
  }

  close(): void {
    this.agent.destroy();
  }
}

// ---------------------------------------------------------------------------------------------
// The stack: the real handlers behind the local host, against Azurite, posting to the connector.

export type Stack = {
  host: LocalHost;
  connector: BenchConnector;
  client: BotClient;
  clock: LocalClock;
  /** An activity from someone in a conversation, with serviceUrl = the connector. */
  at(conversationId: string, from: Person, conversationType?: ActivityOptions['conversationType'], tenantId?: string): ActivityOptions;
  close(): Promise<void>;
};

export async function writeBenchConfig(config: PartnershipConfig = sampleConfig): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'bench-partnership-'));
  const path = join(dir, 'partnership.json');
  await writeFile(path, JSON.stringify(config, null, 2));
  return path;
}

export function uniquePrefix(tag: string): string {
  return `b${tag}${randomBytes(3).toString('hex')}`;
}

/** The local host in local mode, the sweep timer off, its clock frozen at `now` (it only moves when told). */
export async function startStack(options: { connectionString: string; prefix: string; now?: Date; connector?: BenchConnector }): Promise<Stack> {
  const connector = options.connector ?? (await new BenchConnector().start());
  const frozen = (options.now ?? BASE_NOW).getTime();
  const clock = new LocalClock(() => frozen);
  const configPath = await writeBenchConfig();
  const env = readEnvironment({
    PARTNERSHIP_CONFIG: configPath,
    STORAGE_CONNECTION_STRING: options.connectionString,
    TABLE_PREFIX: options.prefix,
    LOCAL_MODE: 'true',
    PUBLIC_BASE_URL: 'http://127.0.0.1:3978',
  });
  const host = await startLocalHost({ env, port: await freePort(), log: silentLogger, clock, sweepEveryMs: 0 });
  const client = new BotClient(host.url);
  const stack: Stack = {
    host,
    connector,
    client,
    clock,
    at: (conversationId, from, conversationType = 'channel', tenantId) => ({
      from,
      conversationId,
      conversationType,
      serviceUrl: connector.url,
      ...(tenantId ? { tenantId } : {}),
    }),
    close: async () => {
      client.close();
      await host.close();
      if (!options.connector) await connector.stop();
      await rm(dirname(configPath), { recursive: true, force: true });
    },
  };
  // The bot is installed in the monitoring channel and the partners' decision channel: Teams tells it so.
  for (const [conversation, person] of [
    ['conv-monitoring', PEOPLE.business],
    ['conv-decision', PEOPLE.police],
  ] as const) {
    const r = await client.post(messageActivity(stack.at(conversation, person), 'help'));
    if (r.status !== 200) throw new Error(`installing the bot in ${conversation} answered ${r.status}`);
  }
  return stack;
}

export function textOf(posted: Posted): string {
  return cardText(posted.body?.value);
}

// ---------------------------------------------------------------------------------------------
// Cases through the real path: the business unit logs a referral, the chair gives the initial view.

export const PARTNER_PEOPLE: Record<Partner, Person> = { localAuthority: PEOPLE.director, police: PEOPLE.police, health: PEOPLE.health };

/** Case references that match the sample partnership's pattern ^[A-Z]{2,6}-\d{4}-\d{1,4}$. */
export function caseRefs(tag: string, count: number, year = 2026): string[] {
  if (count > 9999) throw new Error('at most 9,999 case references per tag and year');
  return Array.from({ length: count }, (_, i) => `${tag}-${year}-${String(i + 1).padStart(4, '0')}`);
}

export async function logReferral(stack: Stack, caseRef: string): Promise<Posted> {
  // The partnership became aware an hour ago, in London time (as the form's date and time inputs send it).
  const aware = DateTime.fromJSDate(new Date(stack.clock.now().getTime() - 3_600_000)).setZone('Europe/London');
  const data = {
    caseRef,
    referringAgency: 'Police',
    awareDate: aware.toFormat('yyyy-MM-dd'),
    awareTime: aware.toFormat('HH:mm'),
    harm: 'seriousHarm',
    location: 'inArea',
    lookedAfter: 'false',
    abuseOrNeglect: 'suspected',
    documentUrl: `https://documents.example.org/sites/cases/${caseRef}/referral.docx`,
  };
  return stack.client.post(cardActionActivity(stack.at('conv-monitoring', PEOPLE.business), 'referral.submit', data));
}

/** The chair drafts and the director concurs (002 step 3): the partners' card goes on the concurrence, whose answer is returned. */
export async function giveInitialView(stack: Stack, caseRef: string, view: 'notify' | 'doNotNotify' = 'notify'): Promise<Posted> {
  const drafted = await stack.client.post(
    cardActionActivity(stack.at('personal-chair', PEOPLE.chair, 'personal'), 'initialView.submit', {
      caseRef,
      view,
      rationale: 'Serious harm in the area; neglect is suspected. The criteria are met.',
    }),
  );
  if (drafted.status !== 200) return drafted;
  return stack.client.post(cardActionActivity(stack.at('personal-director', PEOPLE.director, 'personal'), 'initialView.concur', { caseRef }));
}

/** Logs each referral and gives its initial view, so every case awaits its partners' replies. */
export async function createAwaitingCases(stack: Stack, refs: readonly string[], options: { view?: (i: number) => 'notify' | 'doNotNotify'; concurrency?: number } = {}): Promise<void> {
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < refs.length; i = next++) {
      const caseRef = refs[i]!;
      const logged = await logReferral(stack, caseRef);
      if (logged.status !== 200 || !textOf(logged).includes(caseRef)) throw new Error(`referral ${caseRef} not logged: ${logged.status} ${textOf(logged).slice(0, 300)}`);
      const viewed = await giveInitialView(stack, caseRef, options.view?.(i) ?? 'notify');
      if (viewed.status !== 200 || !textOf(viewed).includes('Initial view: given')) throw new Error(`initial view on ${caseRef} not recorded: ${viewed.status} ${textOf(viewed).slice(0, 300)}`);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(options.concurrency ?? 4, refs.length)) }, worker));
  // The partners' cards are posted (starting their windows) after the views are answered: done
  // before anyone moves the bench's clock.
  await stack.host.services.effects.idle();
}

// ---------------------------------------------------------------------------------------------
// Partner replies

export type ReplyKind = 'agree' | 'disagree' | 'agreeWithComment';
export const REPLY_KINDS: readonly ReplyKind[] = ['agree', 'disagree', 'agreeWithComment'];

const COMMENTS = ['Agreed; the threshold is met on what we hold.', 'We agree with the initial view after checking our records.', 'Agree: our safeguarding lead has reviewed the referral.'];
const RATIONALES = ['We do not think abuse or neglect is suspected on what we know.', 'Our records do not support the view that the criteria are met.', 'The harm does not appear to meet the serious harm threshold yet.'];

export function replyActivity(stack: Stack, caseRef: string, partner: Partner, kind: ReplyKind, variant = 0): unknown {
  const person = PARTNER_PEOPLE[partner];
  const at = stack.at('conv-decision', person);
  if (kind === 'disagree') return cardActionActivity(at, 'partner.disagree', { caseRef, rationale: RATIONALES[variant % RATIONALES.length]! });
  if (kind === 'agreeWithComment') return cardActionActivity(at, 'partner.agree', { caseRef, comment: COMMENTS[variant % COMMENTS.length]! });
  // Every reply carries a rationale (002 step 4); the plain kind's is the shortest.
  return cardActionActivity(at, 'partner.agree', { caseRef, comment: 'Agree.' });
}

/** A reply the bot accepted says "Recorded: ..." or "... was already recorded." */
export function accepted(posted: Posted): boolean {
  if (posted.status !== 200 || posted.body?.type !== 'application/vnd.microsoft.card.adaptive') return false;
  const text = textOf(posted);
  return text.includes('Recorded:') || text.includes('already recorded');
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Runs `task(i)` for i in [0, count) with at most `inFlight` at once. */
export async function pool(count: number, inFlight: number, task: (i: number) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < count; i = next++) await task(i);
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(inFlight, count)) }, worker));
}

// ---------------------------------------------------------------------------------------------
// Round trips: every HTTP request this process makes, to Azurite (Table Storage) or to the Bot
// Connector, counted through Node's http diagnostics channels (no change to the product).

export type StorageKind = 'query' | 'pointRead' | 'write' | 'batch' | 'delete' | 'other';
/** conflicts: Table answers 409 (an append lost a race) or 412 (an effect's lease was taken first). */
export type Tally = { storage: Record<StorageKind, number>; storageMs: number; conflicts: number; connector: number; connectorMs: number };

const emptyTally = (): Tally => ({ storage: { query: 0, pointRead: 0, write: 0, batch: 0, delete: 0, other: 0 }, storageMs: 0, conflicts: 0, connector: 0, connectorMs: 0 });

type RequestLike = { method: string; path: string; host: string; getHeader(name: string): unknown };

export class RoundTrips {
  private readonly total = emptyTally();
  private readonly started = new WeakMap<object, { at: number; target: 'storage' | 'connector'; kind: StorageKind }>();
  private readonly onStart = (message: unknown) => {
    const request = (message as { request: RequestLike }).request;
    const port = Number(String(request.getHeader('host') ?? '').split(':')[1] ?? 0);
    const target = port === this.ports.storage ? 'storage' : port === this.ports.connector ? 'connector' : undefined;
    if (!target) return;
    this.started.set(request, { at: performance.now(), target, kind: storageKind(request.method, request.path) });
  };
  private readonly onFinish = (message: unknown) => {
    const { request, response } = message as { request: RequestLike; response: { statusCode?: number } };
    const s = this.started.get(request);
    if (!s) return;
    const ms = performance.now() - s.at;
    if (s.target === 'storage') {
      this.total.storage[s.kind]++;
      this.total.storageMs += ms;
      if (response.statusCode === 409 || response.statusCode === 412) this.total.conflicts++;
    } else {
      this.total.connector++;
      this.total.connectorMs += ms;
    }
  };

  constructor(private readonly ports: { storage: number; connector: number }) {
    subscribe('http.client.request.start', this.onStart);
    subscribe('http.client.response.finish', this.onFinish);
  }

  snapshot(): Tally {
    return { ...this.total, storage: { ...this.total.storage } };
  }

  static since(before: Tally, after: Tally): Tally {
    const out = emptyTally();
    for (const k of Object.keys(out.storage) as StorageKind[]) out.storage[k] = after.storage[k] - before.storage[k];
    out.storageMs = after.storageMs - before.storageMs;
    out.conflicts = after.conflicts - before.conflicts;
    out.connector = after.connector - before.connector;
    out.connectorMs = after.connectorMs - before.connectorMs;
    return out;
  }

  static add(into: Tally, more: Tally): void {
    for (const k of Object.keys(into.storage) as StorageKind[]) into.storage[k] += more.storage[k];
    into.storageMs += more.storageMs;
    into.conflicts += more.conflicts;
    into.connector += more.connector;
    into.connectorMs += more.connectorMs;
  }

  static empty = emptyTally;

  static storageCalls(t: Tally): number {
    return Object.values(t.storage).reduce((a, b) => a + b, 0);
  }

  /** Per-operation averages, for a figure's details. */
  static perOperation(t: Tally, operations: number, prefix: string): Record<string, number> {
    const per = (n: number) => round(n / Math.max(1, operations), 2);
    return {
      [`${prefix}TableCalls`]: per(RoundTrips.storageCalls(t)),
      [`${prefix}TableQueries`]: per(t.storage.query),
      [`${prefix}TablePointReads`]: per(t.storage.pointRead),
      [`${prefix}TableWrites`]: per(t.storage.write + t.storage.delete),
      [`${prefix}TableBatches`]: per(t.storage.batch),
      [`${prefix}TableMs`]: per(t.storageMs),
      [`${prefix}TableConflicts`]: per(t.conflicts),
      [`${prefix}ConnectorCalls`]: per(t.connector),
      [`${prefix}ConnectorMs`]: per(t.connectorMs),
    };
  }

  close(): void {
    unsubscribe('http.client.request.start', this.onStart);
    unsubscribe('http.client.response.finish', this.onFinish);
  }
}

function storageKind(method: string, path: string): StorageKind {
  if (method === 'POST' && path.includes('$batch')) return 'batch';
  if (method === 'DELETE') return 'delete';
  if (method === 'GET') return path.includes('$filter') || /\(\)(\?|$)/.test(path) ? 'query' : path.includes('(PartitionKey=') ? 'pointRead' : 'other';
  if (method === 'PUT' || method === 'MERGE' || method === 'PATCH' || (method === 'POST' && !path.endsWith('/Tables'))) return 'write';
  return 'other';
}

// ---------------------------------------------------------------------------------------------
// A reply plan that the bot must accept: partners alternate agree / disagree / agree with a
// comment, and change their replies, but never all three agree (that decides the case, after
// which replies are refused as they should be).

type Planned = { kind: 'awaiting' | 'agree' | 'disagree' };

export class ReplyPlanner {
  private readonly positions = new Map<string, Record<Partner, Planned>>();

  plan(caseRef: string, partner: Partner, wanted: ReplyKind): ReplyKind {
    const p = this.positions.get(caseRef) ?? { localAuthority: { kind: 'awaiting' }, police: { kind: 'awaiting' }, health: { kind: 'awaiting' } };
    this.positions.set(caseRef, p);
    const others = (Object.keys(p) as Partner[]).filter((x) => x !== partner);
    const wouldDecide = wanted !== 'disagree' && others.every((x) => p[x].kind === 'agree');
    const kind: ReplyKind = wouldDecide ? 'disagree' : wanted;
    p[partner] = { kind: kind === 'disagree' ? 'disagree' : 'agree' };
    return kind;
  }
}

/**
 * Reply j on case c. The first three replies on a case come from the three partners with one of
 * each kind (agree, disagree, agree with a comment); later ones are partners changing theirs to
 * another kind, with other words. The planner turns an agreement that would decide the case into
 * a disagreement, so every reply is one the bot must accept ("Recorded").
 */
export function plannedReply(stack: Stack, planner: ReplyPlanner, caseRef: string, c: number, j: number): unknown {
  const partner = PARTNERS[(c + j) % 3]!;
  const round = Math.floor(j / 3);
  const kind = planner.plan(caseRef, partner, REPLY_KINDS[(c + 2 * j + 1 + round) % 3]!);
  return replyActivity(stack, caseRef, partner, kind, c + round);
}
