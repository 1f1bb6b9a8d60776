import type { HttpRequest, HttpResponseInit } from '@azure/functions';
import { z } from 'zod';
import { ExportFormatSchema } from '../app/exportLinks.js';
import { historyCsv, historyJson } from '../app/historyExport.js';
import { actionsCsv } from '../app/actionsExport.js';
import { authorise, type TabAuthResult, type TabIdentity } from '../app/tabAuth.js';
import { maySee, seeingRole } from '../workflow/access.js';
import { roleWords } from '../workflow/words.js';
import { withAccessRows } from '../workflow/accessRecord.js';
import { findPerson, rolesOf } from '../workflow/partnership.js';
import { ReviewKindSchema, type LocalPeople, type TabUser } from '../workflow/monitoring/schemas.js';
import type { Services } from './compositionRoot.js';
import { problem, servicesOr503, signedInRoute, type Identified } from './signedInRoute.js';

/**
 * The monitoring tab's API. Every route authenticates first (Teams SSO token; in the explicit
 * local mode only, a person picked from the sample roster) and answers 401/403 with the reason
 * and no case data. Responses are never cached: they hold rationales. When the case store cannot
 * be reached (at start-up or mid-request) the answer is 503 with words the tab shows as they are.
 */

const NO_STORE = { 'cache-control': 'no-store' };
/** How long one recorded tab view of a case covers that person's further views of it. */
const TAB_VIEW_RECORD_MS = 30 * 60_000;
const ok = (jsonBody: unknown): HttpResponseInit => ({ status: 200, headers: NO_STORE, jsonBody });

/** The local identity header; read only when LOCAL_MODE is on, so outside it the path does not exist. */
export const LOCAL_USER_HEADER = 'x-local-user';
const LocalUserSchema = z.string().regex(/^[A-Za-z0-9-]{1,100}$/);

/** Local mode without a token: who the person chose from the sample roster (the header), for the tab's and the roster's APIs. */
export function localUserOf(request: HttpRequest): { ok: true; id: string } | { ok: false; status: 401; reason: string } {
  const local = LocalUserSchema.safeParse(request.headers.get(LOCAL_USER_HEADER));
  return local.success ? { ok: true, id: local.data } : { ok: false, status: 401, reason: 'Local mode: choose who you are from the sample roster.' };
}
const CaseRefSchema = z.string().min(1).max(40).regex(/^[A-Za-z0-9-]+$/);
const YearOffsetSchema = z.enum(['0', '-1', '-2', '-3', '-4']).default('0');

export function createTabHandlers(getServices: () => Promise<Services>) {
  async function identify(s: Services, request: HttpRequest): Promise<Identified<TabIdentity>> {
    let auth: TabAuthResult;
    if (s.env.LOCAL_MODE === 'true' && !request.headers.get('authorization')) {
      const local = localUserOf(request);
      if (!local.ok) return local;
      auth = authorise(s.config, local.id, 'local');
    } else auth = await s.authenticateTab(request.headers.get('authorization'));
    return auth.ok ? { ok: true, who: auth.identity } : auth;
  }

  /** Runs a handler for an authorised person; everyone else gets the reason and nothing else (functions/signedInRoute.ts). */
  const guarded = signedInRoute(getServices, { identify, area: 'tab', failed: 'Something went wrong on the server showing this. It has been logged for the administrator.' });

  const me = guarded(async (s, _request, who) => {
    const user: TabUser = { displayName: who.displayName, roles: [...new Set(who.roles.map(roleWords))], partnership: s.config.partnership.name, mode: who.mode };
    return ok(user);
  });

  const cases = guarded(async (s) => ok(await s.monitoring.cases(s.clock.now())));

  const caseDetail = guarded(async (s, request, who) => {
    const caseRef = CaseRefSchema.safeParse(request.params.caseRef);
    if (!caseRef.success) return problem(400, 'That is not a case reference.');
    const now = s.clock.now();
    const detail = await s.monitoring.caseDetail(caseRef.data, now);
    if (!detail) return problem(404, 'There is no case with that reference.');
    // The case view shows every rationale, so it is on the audit trail like the bot's History. The
    // tab redraws an open case every few seconds: one record per person per half hour, not per redraw.
    const role = seeingRole(s.config, who.aadObjectId, { kind: 'history' });
    let access = await s.accessLog.of(caseRef.data);
    const viewedLately = access.some((r) => r.via === 'tab' && r.what === 'historyViewed' && r.by.aadObjectId === who.aadObjectId && now.getTime() - Date.parse(r.at) < TAB_VIEW_RECORD_MS);
    if (!viewedLately) {
      await s.accessLog.record(caseRef.data, { at: now.toISOString(), by: { aadObjectId: who.aadObjectId, displayName: who.displayName, role: role ? roleWords(role) : '' }, what: 'historyViewed', via: 'tab' });
      access = await s.accessLog.of(caseRef.data);
    }
    return ok({ ...detail, timeline: withAccessRows(detail.timeline, access) });
  });

  const year = guarded(async (s, request) => {
    // Given twice, it is ambiguous which year was meant: refused rather than guessed. Read from the
    // URL itself: a host's query map may keep only one value of a repeated parameter.
    const offsets = new URL(request.url).searchParams.getAll('offset');
    const offset = YearOffsetSchema.safeParse(offsets.length > 1 ? 'ambiguous' : (offsets[0] ?? undefined));
    if (!offset.success) return problem(400, 'Choose this year or one of the four before it.');
    return ok(await s.monitoring.year(s.clock.now(), Number(offset.data)));
  });

  /** The reviews and actions views (issue 17) are asked of workflow/access.ts too, so the tab and the rules cannot drift apart. */
  const NOT_YOURS = 'This view is for the business unit and the chairs.';

  const reviews = guarded(async (s, _request, who) => {
    if (!maySee(s.config, who.aadObjectId, { kind: 'reviews' }, undefined)) return problem(403, NOT_YOURS);
    return ok(await s.monitoring.reviews(s.clock.now()));
  });

  const review = guarded(async (s, request, who) => {
    if (!maySee(s.config, who.aadObjectId, { kind: 'reviews' }, undefined)) return problem(403, NOT_YOURS);
    const caseRef = CaseRefSchema.safeParse(request.params.caseRef);
    const kind = ReviewKindSchema.safeParse(request.params.kind);
    if (!caseRef.success || !kind.success) return problem(400, 'Ask for the lcspr or learningEvent review of a case reference.');
    const view = await s.monitoring.review(caseRef.data, kind.data, s.clock.now());
    return view ? ok(view) : problem(404, 'That case has no review of that kind.');
  });

  const actions = guarded(async (s, _request, who) => {
    if (!maySee(s.config, who.aadObjectId, { kind: 'actions' }, undefined)) return problem(403, NOT_YOURS);
    return ok(await s.monitoring.actions(s.clock.now()));
  });

  const actionsExport = guarded(async (s, _request, who) => {
    if (!maySee(s.config, who.aadObjectId, { kind: 'actionsExport' }, undefined)) return problem(403, "Only the partnership's business unit can download the actions. You can read them here in the tab.");
    const now = s.clock.now();
    const view = await s.monitoring.actions(now);
    // Each case whose actions leave in the file has the download on its audit trail, as a history export does.
    const role = seeingRole(s.config, who.aadObjectId, { kind: 'actionsExport' });
    const by = { aadObjectId: who.aadObjectId, displayName: who.displayName, role: role ? roleWords(role) : '' };
    const caseRefs = [...new Set(view.rows.map((r) => r.caseRef))];
    await Promise.all(caseRefs.map((caseRef) => s.accessLog.record(caseRef, { at: now.toISOString(), by, what: 'actionsExported', via: 'tab', format: 'csv' })));
    s.log.info('actions exported from the tab', { cases: caseRefs.length, actions: view.rows.length, by: who.aadObjectId });
    return { status: 200, headers: { ...NO_STORE, 'content-type': 'text/csv; charset=utf-8', 'content-disposition': 'attachment; filename="actions.csv"' }, body: actionsCsv(view) };
  });

  const history = guarded(async (s, request, who) => {
    const caseRef = CaseRefSchema.safeParse(request.params.caseRef);
    const format = ExportFormatSchema.safeParse(request.params.format);
    if (!caseRef.success || !format.success) return problem(400, 'Ask for history.csv or history.json of a case reference.');
    const { state, events } = await s.store.load(caseRef.data);
    // The tab's people see every case (workflow/access.ts); asked all the same, so the tab and the bot cannot drift apart.
    if (!state || events.length === 0) return problem(404, 'There is no case with that reference.');
    // A download takes the history out of the partnership's systems: the same rule as the bot's export.
    if (!maySee(s.config, who.aadObjectId, { kind: 'export' }, state)) return problem(403, "Only the partnership's business unit can download a case's history. You can read it here in the tab.");
    const now = s.clock.now();
    const role = seeingRole(s.config, who.aadObjectId, { kind: 'export' });
    await s.accessLog.record(caseRef.data, {
      at: now.toISOString(),
      by: { aadObjectId: who.aadObjectId, displayName: who.displayName, role: role ? roleWords(role) : '' },
      what: 'historyExported',
      via: 'tab',
      format: format.data,
    });
    const access = await s.accessLog.of(caseRef.data);
    s.log.info('history exported from the tab', { caseRef: caseRef.data, format: format.data, by: who.aadObjectId });
    const agencyName = (id: string) => s.config.agencies.find((a) => a.id === id)?.name ?? id;
    const headers = { ...NO_STORE, 'content-disposition': `attachment; filename="${caseRef.data}-history.${format.data}"` };
    return format.data === 'csv'
      ? { status: 200, headers: { ...headers, 'content-type': 'text/csv; charset=utf-8' }, body: historyCsv(events, agencyName, access) }
      : { status: 200, headers: { ...headers, 'content-type': 'application/json; charset=utf-8' }, body: historyJson(caseRef.data, events, now, agencyName, access) };
  });

  /** Local mode only: the sample roster to choose an identity from. Outside local mode: 404, as if it did not exist. */
  async function localPeople(): Promise<HttpResponseInit> {
    const ready = await servicesOr503(getServices);
    if (!ready.ok) return ready.response;
    const { s } = ready;
    if (s.env.LOCAL_MODE !== 'true') return { status: 404, jsonBody: { error: 'not found' } };
    const ids = new Set<string>();
    const c = s.config;
    for (const p of [...c.businessUnit, c.reviewGroupChair, c.partnershipChair, c.childrensServicesDirector, c.independentScrutineer, c.partners.police.representative, c.partners.health.representative]) ids.add(p.aadObjectId);
    const people: LocalPeople['people'] = [...ids].map((id) => {
      const roles = rolesOf(c, id);
      return { aadObjectId: id, displayName: findPerson(c, id)?.displayName ?? id, roles: [...new Set(roles.map(roleWords))], allowed: maySee(c, id, { kind: 'tab' }, undefined) };
    });
    return ok({ people });
  }

  return { me, cases, caseDetail, year, history, reviews, review, actions, actionsExport, localPeople };
}
