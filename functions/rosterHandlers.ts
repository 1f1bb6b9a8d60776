import type { HttpRequest, HttpResponseInit } from '@azure/functions';
import { z } from 'zod';
import { csvCell } from '../app/historyExport.js';
import { CONFLICT_WORDS, RosterEditSchema, type Channels } from '../app/liveRoster.js';
import { candidateIds, ChannelsEditSchema, CHANNEL_ROLES, offersFor, resolveChoice, whyNotOffered, type ChannelSources } from '../app/channelChoice.js';
import type { RosterChange } from '../store/rosterStore.js';
import { mayKeepRoster } from '../workflow/access.js';
import { recordAbsence } from '../app/absences.js';
import { findPerson } from '../workflow/partnership.js';
import { readBounded } from './boundedBody.js';
import { localUserOf } from './tabHandlers.js';
import type { Services } from './compositionRoot.js';
import { signedInRoute, type Identified } from './signedInRoute.js';

/**
 * The roster page's API (issue 16): the business unit reads and changes the roster, reads and
 * downloads its history; anyone on the roster records their own absence (the business unit
 * anyone's). Authenticated like the rest of the tab (Teams SSO token; in the explicit local mode
 * only, the person picked from the roster), and authorised by workflow/access.ts against the live
 * roster. Never cached: the roster names people.
 */

const NO_STORE = { 'cache-control': 'no-store' };
const MAX_BODY = 512 * 1024;
const problem = (status: number, error: string, extra: Record<string, unknown> = {}): HttpResponseInit => ({ status, headers: NO_STORE, jsonBody: { error, ...extra } });
const ok = (jsonBody: unknown): HttpResponseInit => ({ status: 200, headers: NO_STORE, jsonBody });
const FormatSchema = z.enum(['csv', 'json']);
export const AbsenceRequestSchema = z.object({
  /** Whose absence; one's own when not given. */
  aadObjectId: z.string().min(1).optional(),
  from: z.iso.datetime({ offset: true }),
  to: z.iso.datetime({ offset: true }),
});
const NOT_KEEPER = "Only the partnership's business unit keeps the roster.";
export const FOLLOWED_UP = 'Open cases are up to date with this change.';
export const FOLLOW_UP_LATER = 'The change is saved. Some open cases are not up to date with it yet: the next sweep (every minute) finishes them.';

type Who = { aadObjectId: string; displayName: string };

export function createRosterHandlers(getServices: () => Promise<Services>) {
  /** Who is asking: the tab's sign-in for the roster itself; for an absence, any sign-in of someone on the roster (the pages' check). */
  async function identify(s: Services, request: HttpRequest, anyoneOnRoster: boolean): Promise<{ ok: true; who: Who } | { ok: false; status: number; reason: string }> {
    if (s.env.LOCAL_MODE === 'true' && !request.headers.get('authorization')) {
      const local = localUserOf(request);
      if (!local.ok) return local;
      const person = findPerson(s.config, local.id);
      if (!person) return { ok: false, status: 403, reason: `You are not on the ${s.config.partnership.name} roster.` };
      return { ok: true, who: { aadObjectId: person.aadObjectId, displayName: person.displayName } };
    }
    if (anyoneOnRoster) {
      const auth = await s.authenticateWeb(request.headers.get('authorization'));
      if (!auth.ok) return auth;
      return { ok: true, who: { aadObjectId: auth.actor.aadObjectId, displayName: auth.actor.displayName } };
    }
    const auth = await s.authenticateTab(request.headers.get('authorization'));
    if (!auth.ok) return auth;
    return { ok: true, who: { aadObjectId: auth.identity.aadObjectId, displayName: auth.identity.displayName } };
  }

  /** The web APIs' one prologue (functions/signedInRoute.ts); the roster itself is the business unit's to keep. */
  const guarded = (handle: (s: Services, request: HttpRequest, who: Who) => Promise<HttpResponseInit>, options: { anyoneOnRoster?: boolean } = {}) =>
    signedInRoute(getServices, {
      identify: async (s, request): Promise<Identified<Who>> => {
        const anyoneOnRoster = options.anyoneOnRoster === true;
        const id = await identify(s, request, anyoneOnRoster);
        if (!id.ok) return id;
        if (!anyoneOnRoster && !mayKeepRoster(s.config, id.who.aadObjectId)) return { ok: false, status: 403, reason: NOT_KEEPER };
        return id;
      },
      area: 'roster',
      failed: 'Something went wrong on the server. The roster was not changed; it has been logged for the administrator.',
    })(handle);

  async function jsonBody(request: HttpRequest): Promise<unknown> {
    const read = await readBounded(request, MAX_BODY);
    if (!read.ok) return undefined;
    try {
      return JSON.parse(read.bytes.toString('utf8'));
    } catch {
      return undefined;
    }
  }

  const read = guarded(async (s) => ok({ version: s.roster.currentVersion, roster: s.roster.current() }));

  const change = guarded(async (s, request, who) => {
    const edit = RosterEditSchema.safeParse(await jsonBody(request));
    if (!edit.success) return problem(400, 'Send the roster, the version you opened and why it is changing.', { issues: edit.error.issues.map((i) => ({ path: ['request', ...i.path.map(String)], message: i.message })) });
    const now = s.clock.now();
    const result = await s.roster.change(edit.data, who, now);
    if (!result.ok) return result.status === 400 ? problem(400, result.reason, { issues: result.issues }) : problem(409, result.reason);
    // The change is kept whatever happens next: open cases not brought up to date now (a storage
    // blip, a crash) are by the next sweep, and the answer says which it is.
    const followed = await s.rosterFollowUp.followUpPending(now).catch((error: unknown) => {
      s.log.error('roster change: open cases not all brought up to date', { error: error instanceof Error ? error.message : String(error) });
      return { cases: [], finished: false };
    });
    return ok({ version: result.version, cases: followed.cases, followUp: followed.finished ? FOLLOWED_UP : FOLLOW_UP_LATER });
  });

  // A change that moved a channel lists where it went; the others do not repeat the channels.
  const history = guarded(async (s) => ok({ changes: withChannelMoves(await s.roster.history(), s.roster.fileChannels()).map(({ roster: _roster, ...rest }) => rest) }));

  const download = guarded(async (s, request, who) => {
    const format = FormatSchema.safeParse(request.params.format);
    if (!format.success) return problem(400, 'Ask for roster-history.csv or roster-history.json.');
    const now = s.clock.now();
    // A download takes the roster's history out of the partnership's systems: kept like a case history's export.
    await s.roster.recordDownload({ at: now.toISOString(), by: who, format: format.data });
    s.log.info('roster history exported from the tab', { format: format.data, by: who.aadObjectId });
    const changes = await s.roster.history();
    const headers = { ...NO_STORE, 'content-disposition': `attachment; filename="roster-history.${format.data}"` };
    if (format.data === 'json') return { status: 200, headers: { ...headers, 'content-type': 'application/json; charset=utf-8' }, body: JSON.stringify({ exportedAt: now.toISOString(), changes }, null, 2) };
    const rows = [['version', 'at', 'by', 'why', 'roster', 'channels'], ...changes.map((c) => [String(c.version), c.at, c.by.displayName, c.why, JSON.stringify(c.roster), c.channels === undefined ? '' : JSON.stringify(c.channels)])];
    return { status: 200, headers: { ...headers, 'content-type': 'text/csv; charset=utf-8' }, body: rows.map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n' };
  });

  const absence = guarded(
    async (s, request, who) => {
      const asked = AbsenceRequestSchema.safeParse(await jsonBody(request));
      if (!asked.success) return problem(400, 'Send the absence as {"from": "<ISO instant>", "to": "<ISO instant>"}, and whose it is if not yours.');
      // The reason is never asked for nor kept: the change says "absent".
      const result = await recordAbsence(s.roster, who, asked.data.aadObjectId ?? who.aadObjectId, asked.data, s.clock.now());
      return result.ok ? ok({ version: result.version }) : problem(result.status, result.reason);
    },
    { anyoneOnRoster: true },
  );

  /**
   * The channels (issue 16): where the monitoring and the partners' cards go, chosen by the
   * business unit from the conversations the bot has been added to (app/channelChoice.ts).
   * Business unit only, like the roster; a change is a roster version with who, when and why.
   */
  /**
   * What may be chosen from, with which of those conversations the bot can post to: a saved
   * conversation reference, read from the store the messenger posts through (bot/teamsMessenger.ts).
   */
  async function channelSources(s: Services): Promise<ChannelSources> {
    const known = { current: s.roster.channels(), file: s.roster.fileChannels(), installed: await s.installed.list(), partnershipTenantId: s.config.tenantId };
    const ids = candidateIds(known);
    const saved = await Promise.all(ids.map(async (id) => ((await s.conversations.conversation(id)) ? [id] : [])));
    return { ...known, canPost: new Set(saved.flat()) };
  }

  const channels = guarded(async (s) => {
    const sources = await channelSources(s);
    return ok({
      version: s.roster.currentVersion,
      channels: sources.current,
      offers: Object.fromEntries(CHANNEL_ROLES.map((role) => [role, offersFor(role, sources)])),
      notOffered: sources.installed.flatMap((c) => {
        const why = whyNotOffered(c, s.config.tenantId, sources.canPost.has(c.conversationId));
        return why ? [{ name: c.name ?? (c.kind === 'groupChat' ? 'A group chat without a name' : 'A channel without a name'), why }] : [];
      }),
    });
  });

  const changeChannels = guarded(async (s, request, who) => {
    const edit = ChannelsEditSchema.safeParse(await jsonBody(request));
    if (!edit.success) return problem(400, 'Send the two channels chosen, the version you opened and why they are changing.', { issues: edit.error.issues.map((i) => ({ path: ['request', ...i.path.map(String)], message: i.message })) });
    // Checked first (and again on saving): offers read from a newer version are not what the person saw.
    if (edit.data.baseVersion !== s.roster.currentVersion) return problem(409, CONFLICT_WORDS);
    const chosen = resolveChoice(edit.data, await channelSources(s));
    if (!chosen.ok) return problem(400, 'The channels were not changed: correct what is marked and save again.', { issues: chosen.issues });
    const result = await s.roster.changeChannels({ baseVersion: edit.data.baseVersion, why: edit.data.why, channels: chosen.channels }, who, s.clock.now());
    if (!result.ok) return result.status === 400 ? problem(400, result.reason, { issues: result.issues }) : problem(409, result.reason);
    s.log.info('channels moved', { version: result.version, monitoringMoved: result.before.monitoring.conversationId !== result.after.monitoring.conversationId, decisionMoved: result.before.decision.conversationId !== result.after.decision.conversationId });
    return ok({ version: result.version, channels: result.after });
  });

  return { read, change, history, download, absence, channels, changeChannels };
}

/** Each change with `channels` only where they differ from the version before it (the file's, before the first). */
function withChannelMoves(newestFirst: RosterChange[], fileChannels: Channels): RosterChange[] {
  let before: unknown = fileChannels;
  const moves = [...newestFirst].reverse().map((c) => {
    const now = c.channels ?? fileChannels;
    const moved = JSON.stringify(now) !== JSON.stringify(before);
    before = now;
    const { channels: _channels, ...rest } = c;
    return moved ? { ...rest, channels: now } : rest;
  });
  return moves.reverse();
}
