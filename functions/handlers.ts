import type { HttpRequest, HttpResponseInit, InvocationContext, Timer } from '@azure/functions';
import { z } from 'zod';
import { KNOWN_ACTIVITY_TYPES } from '../bot/activityFacts.js';
import { processWithAdapter } from '../bot/httpBridge.js';
import { isTeamsChannel, isTeamsServiceUrl } from '../bot/teamsChannel.js';
import { readBounded } from './boundedBody.js';
import { ExportFormatSchema, ExportLinkQuerySchema, verifyExportLink } from '../app/exportLinks.js';
import { historyCsv, historyJson } from '../app/historyExport.js';
import { errorText } from '../app/effectRunner.js';
import { findPerson } from '../workflow/partnership.js';
import { mayEverSee, maySee, seeingRole } from '../workflow/access.js';
import { roleWords } from '../workflow/words.js';
import type { Services } from './compositionRoot.js';

/**
 * The HTTP and timer entry points, as plain functions of the Azure Functions v4 model so the same
 * code runs under `func start`, in Azure, and under the local host (local/host.ts).
 */

/** Bot Framework activities are small; anything larger is refused before it is parsed. */
export const MAX_ACTIVITY_BYTES = 256 * 1024;
const SWEEP_DRAIN_MS = 45_000;

function headersOf(request: HttpRequest): Record<string, string> {
  const headers: Record<string, string> = {};
  request.headers.forEach((value, key) => (headers[key] = value));
  return headers;
}

/** The least an activity needs before the adapter sees it; anything else is the sender's mistake (400), not ours. */
const ActivityShapeSchema = z.object({
  type: z.string().refine((type) => KNOWN_ACTIVITY_TYPES.includes(type)),
  channelId: z.string().min(1).max(100),
  serviceUrl: z.string().min(1).max(2000),
  conversation: z.object({ id: z.string().min(1).max(1000) }),
  from: z.object({ id: z.string().max(1000) }).optional(),
});

const problem = (status: number, message: string): HttpResponseInit => ({ status, jsonBody: { error: message } });

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });
/** A UTF-16 code unit of half a pair: JSON can carry one as "\ud800", Unicode text cannot. */
const LONE_SURROGATE = /\p{Surrogate}/u;

/**
 * The body as JSON, or undefined when it is not: bytes that are not UTF-8 (overlong forms,
 * encoded surrogates) would otherwise be turned into U+FFFD and stored, and a lone surrogate
 * escape would be stored as text no other system can read.
 */
function parseActivityJson(bytes: Buffer): unknown {
  try {
    let wellFormed = true;
    const value: unknown = JSON.parse(strictUtf8.decode(bytes), (key, v: unknown) => {
      if (LONE_SURROGATE.test(key) || (typeof v === 'string' && LONE_SURROGATE.test(v))) wellFormed = false;
      return v;
    });
    return wellFormed ? value : undefined;
  } catch {
    // Not UTF-8, not JSON, or nested too deeply to walk.
    return undefined;
  }
}

export function createHandlers(services: () => Promise<Services>) {
  async function messages(request: HttpRequest, context: InvocationContext): Promise<HttpResponseInit> {
    const s = await services();
    const read = await readBounded(request, MAX_ACTIVITY_BYTES);
    if (!read.ok) return problem(413, 'The activity is too large.');
    const body = parseActivityJson(read.bytes);
    if (body === undefined) return problem(400, 'The request body must be a JSON Bot Framework activity in UTF-8.');
    const shape = ActivityShapeSchema.safeParse(body);
    if (!shape.success) return problem(400, 'The request body must be a JSON Bot Framework activity.');
    // Only Teams vouches for the tenant and the person an activity names, and only Teams'
    // connector may receive the bot's posts (and its token): refused before anything is read or kept.
    if (!isTeamsChannel(shape.data.channelId)) return problem(403, 'This bot takes activities from Microsoft Teams only.');
    if (!isTeamsServiceUrl(shape.data.serviceUrl, { localMode: s.env.LOCAL_MODE === 'true' })) return problem(403, "The activity's serviceUrl is not a Microsoft Teams connector.");
    try {
      const result = await processWithAdapter(s.adapter, { method: request.method, headers: headersOf(request), body: body as Record<string, unknown> }, s.onTurn);
      if (result.keysUnavailable) {
        context.warn(JSON.stringify({ message: 'Bot Framework signing keys could not be fetched' }));
        return { ...problem(503, 'The sign-in service could not be reached to check this request; please try again in a minute.'), headers: { 'retry-after': '30' } };
      }
      if (result.status === 401) return problem(401, 'The request is not authenticated.');
      // 501 is botbuilder's answer to an invoke the turn did not answer: one this app does not offer,
      // which is the sender's mistake (400), not a failure of ours.
      if (result.status === 501) return problem(400, 'This bot does not offer that kind of request; nothing was done.');
      if (result.status >= 500) {
        context.error(JSON.stringify({ message: 'activity failed', status: result.status }));
        return problem(503, 'Something went wrong; please try again in a minute.');
      }
      return result.body === undefined ? { status: result.status } : { status: result.status, jsonBody: result.body };
    } catch (error) {
      context.error(JSON.stringify({ message: 'activity failed', error: errorText(error) }));
      return problem(503, 'Something went wrong; please try again in a minute.');
    }
  }

  async function deadlineSweep(_timer: Timer, context: InvocationContext): Promise<void> {
    const s = await services();
    // The timer fires every minute: wait for the messages this sweep caused for most of it, and
    // leave whatever is still paced behind Teams' limits to carry on (covered by recovery entries).
    const result = await s.runSweep(s.clock.now(), { drainMs: SWEEP_DRAIN_MS });
    if (result.due > 0) context.log(JSON.stringify({ message: 'sweep', ...result }));
  }

  async function caseHistory(request: HttpRequest): Promise<HttpResponseInit> {
    const s = await services();
    const caseRef = request.params.caseRef ?? '';
    const format = ExportFormatSchema.safeParse(request.params.format);
    const rawQuery: Record<string, string> = {};
    request.query.forEach((value, key) => (rawQuery[key] = value));
    const query = ExportLinkQuerySchema.safeParse(rawQuery);
    if (!format.success || !query.success || !caseRef) return problem(400, 'This is not a valid history link. Ask the bot for a new one with "Export history".');
    const now = s.clock.now();
    const verdict = verifyExportLink({ secret: s.exportLinkSecret, caseRef, format: format.data, query: query.data, now });
    if (verdict === 'invalid') return problem(403, 'This history link is not valid.');
    if (verdict === 'expired') return problem(410, 'This history link has expired. Ask the bot for a new one with "Export history".');
    // Checked again at download time: someone removed from the business unit loses access at once.
    const by = query.data.by;
    const refused = problem(403, "Only the partnership's business unit can export a case's history.");
    if (!mayEverSee(s.config, by, { kind: 'export' })) return refused;
    const { state, events } = await s.store.load(caseRef);
    if (!state || events.length === 0) return problem(404, 'There is no case with that reference.');
    if (!maySee(s.config, by, { kind: 'export' }, state)) return refused;
    if (!(await s.accessLog.claimLink(caseRef, query.data.sig))) return problem(410, 'This history link has already been used. Ask the bot for a new one with "Export history".');
    // On the case's audit trail before the file leaves, so the file itself shows this download.
    const role = seeingRole(s.config, by, { kind: 'export' });
    await s.accessLog.record(caseRef, {
      at: now.toISOString(),
      by: { aadObjectId: by, displayName: findPerson(s.config, by)?.displayName ?? by, role: role ? roleWords(role) : '' },
      what: 'historyExported',
      via: 'link',
      format: format.data,
    });
    const access = await s.accessLog.of(caseRef);
    // Who and what only: never the link, whose signature would let a reader of the log download it.
    s.log.info('history exported', { caseRef, format: format.data, by });
    const filename = `${caseRef}-history.${format.data}`;
    const agencyName = (id: string) => s.config.agencies.find((a) => a.id === id)?.name ?? id;
    const headers = { 'content-disposition': `attachment; filename="${filename}"`, 'cache-control': 'no-store' };
    return format.data === 'csv'
      ? { status: 200, headers: { ...headers, 'content-type': 'text/csv; charset=utf-8' }, body: historyCsv(events, agencyName, access) }
      : { status: 200, headers: { ...headers, 'content-type': 'application/json; charset=utf-8' }, body: historyJson(caseRef, events, now, agencyName, access) };
  }

  return { messages, deadlineSweep, caseHistory };
}
