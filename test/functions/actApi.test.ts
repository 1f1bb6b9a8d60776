import functions from '@azure/functions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createActHandlers } from '../../functions/actHandlers.js';
import type { Services } from '../../functions/compositionRoot.js';
import type { CommandActor } from '../../workflow/commands.js';
import { type Person } from '../../workflow/partnership.js';
import { PartnershipFileSchema } from '../../config/partnershipFile.js';
import { startLocalTokenAuthority, type LocalTokenAuthority } from '../support/localTokenAuthority.js';
import { cardText } from '../support/recordingMessenger.js';
import { DOCUMENT_URL, PEOPLE, sampleConfig } from '../support/sampleConfig.js';
import { cardProblems, executeActions } from '../support/validateCard.js';
import { TestClock, testServices, uniquePrefix, writeConfig } from '../support/services.js';

/**
 * The email-link page's API (`/api/act`), against Azurite and tokens signed by the local token
 * authority: who may ask, what the page may send (only a request's own verbs: no history, no
 * export), and that a refusal records nothing. The browser test drives the page itself.
 */

const { HttpRequest } = functions;
const POLICE_TENANT = '9b1c2d3e-0000-4000-8000-00000000b0b1';
const CLIENT_ID = '6f0e1d2c-1111-4222-8333-444455556666';
const CASE = 'RR-2026-071';
const POLICE: Person = { aadObjectId: 'c0ffee00-0000-4000-8000-00000000c0de', email: 'pat.police@police.example.org', displayName: 'Pat Police', tenantIds: [POLICE_TENANT], teams: false };
const config = PartnershipFileSchema.parse({ ...sampleConfig, mail: { fromMailbox: 'sin-partnership@partnership.example.org' }, partners: { ...sampleConfig.partners, police: { ...sampleConfig.partners.police, representative: POLICE } } });
const as = (p: Person): CommandActor => ({ aadObjectId: p.aadObjectId, displayName: p.displayName });

let authority: LocalTokenAuthority;
let s: Services;
let act: ReturnType<typeof createActHandlers>;

beforeAll(async () => {
  authority = await startLocalTokenAuthority();
  const clock = new TestClock(new Date('2026-06-01T09:00:00.000Z'));
  s = await testServices({ prefix: uniquePrefix(), clock, configPath: await writeConfig(config), env: { TAB_APP_CLIENT_ID: CLIENT_ID, ENTRA_JWKS_URL: authority.entraJwksUrl } });
  act = createActHandlers(async () => s);
  await s.cases.execute(CASE, { type: 'LogReferral', actor: as(PEOPLE.business), referral: { caseRef: CASE, referringAgency: 'Police', awareAt: '2026-06-01T07:30:00.000Z', harm: 'death', location: 'inArea', lookedAfter: false, documentUrl: DOCUMENT_URL } }, clock.now());
  await s.cases.execute(CASE, { type: 'GiveInitialView', actor: as(PEOPLE.chair), view: 'notify', rationale: 'Criteria met on what is known.' }, clock.now());
  await s.cases.execute(CASE, { type: 'ConcurInitialView', actor: as(PEOPLE.director) }, clock.now());
  await s.effects.idle();
});
afterAll(async () => {
  await authority?.close();
});

const bearer = (o: { tenantId?: string; oid?: string; scp?: string } = {}) => authority.entraAuthorization({ audience: CLIENT_ID, tenantId: o.tenantId ?? POLICE_TENANT, oid: o.oid ?? POLICE.aadObjectId, ...(o.scp ? { scp: o.scp } : {}) });
const view = async (query: string, authorization?: string) =>
  act.view(new HttpRequest({ method: 'GET', url: `http://127.0.0.1:3978/api/act/case?${query}`, headers: authorization ? { authorization } : {} }));
/** A submission from the page, under the request its link named (the reply on the partners' card unless said). */
const post = async (payload: unknown, authorization?: string, query = `case=${CASE}&do=reply`) =>
  act.act(new HttpRequest({ method: 'POST', url: `http://127.0.0.1:3978/api/act?${query}`, headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) }, body: { string: JSON.stringify(payload) } }));
const cardOf = (response: { jsonBody?: unknown }) => (response.jsonBody as { card: Record<string, unknown> }).card;
const errorOf = (response: { jsonBody?: unknown }) => (response.jsonBody as { error: string }).error;
const recorded = async () => ({ events: (await s.store.load(CASE)).events.length, access: (await s.accessLog.of(CASE)).length });

describe('the email-link page API', () => {
  it('tells the page how to sign in: the partnership tenant and organisations, the app, its scope', async () => {
    const response = await act.config();
    expect(response.jsonBody).toEqual({
      partnership: config.partnership.name,
      clientId: CLIENT_ID,
      authority: `https://login.microsoftonline.com/${config.tenantId}`,
      homeAuthority: 'https://login.microsoftonline.com/organizations',
      protocolMode: 'AAD',
      knownAuthorities: [],
      scopes: [`api://127.0.0.1:3978/${CLIENT_ID}/access_as_user`],
    });
  });

  it('shows the partner the card for the reply with its reply buttons only (no History), a valid card, and records the view once', async () => {
    const before = await recorded();
    const response = await view(`case=${CASE}&do=reply`, await bearer());
    expect(response.status).toBe(200);
    const card = cardOf(response);
    expect(cardProblems(card)).toEqual([]);
    expect(executeActions(card).map((a) => a.verb).sort()).toEqual(['partner.agree', 'partner.disagree']);
    expect(cardText(card as never)).toContain('Criteria met on what is known.');
    await view(`case=${CASE}&do=reply`, await bearer());
    expect(await recorded()).toEqual({ events: before.events, access: before.access + 1 });
  });

  it('refuses without a token, with a token of another tenant for the same object id, and without the scope, recording nothing', async () => {
    const before = await recorded();
    expect((await view(`case=${CASE}&do=reply`)).status).toBe(401);
    const otherTenant = await view(`case=${CASE}&do=reply`, await bearer({ tenantId: config.tenantId }));
    expect(otherTenant.status).toBe(403);
    expect(errorOf(otherTenant)).toMatch(/not on the .* roster for your organisation.*Nothing was recorded/);
    expect((await post({ verb: 'partner.agree', data: { caseRef: CASE, comment: 'Agreed.' } }, await bearer({ tenantId: config.tenantId }))).status).toBe(403);
    expect((await view(`case=${CASE}&do=reply`, await bearer({ scp: 'User.Read' }))).status).toBe(403);
    expect(await recorded()).toEqual(before);
  });

  it('refuses a link that names no request it knows, and a card that is not theirs in the same words whether or not the case exists', async () => {
    const token = await bearer();
    expect((await view(`case=${CASE}&do=history`, token)).status).toBe(400);
    const before = await recorded();
    // The school's scoping contact asks for the partners' card of a case that exists, and of one that does not.
    const school = await bearer({ tenantId: config.tenantId, oid: PEOPLE.educationContact.aadObjectId });
    const notTheirs = cardText(cardOf(await view(`case=${CASE}&do=reply`, school)) as never);
    const missing = cardText(cardOf(await view('case=RR-2026-999&do=reply', school)) as never);
    expect(notTheirs).toContain('There is nothing on that case reference for you to see or do here. Nothing was recorded.');
    expect(missing).toBe(notTheirs);
    expect(await recorded()).toEqual(before);
  });

  it("takes only the request's own verbs: the history asked for through the page is refused and not recorded as viewed", async () => {
    const before = await recorded();
    const response = await post({ verb: 'case.history', data: { caseRef: CASE } }, await bearer());
    expect(cardText(cardOf(response) as never)).toContain('This page records only what an email asked of you');
    // A verb of another request (a scoping return) under the reply's link, and a submission naming no request.
    const other = await post({ verb: 'scoping.return', data: { caseRef: CASE, agency: 'education', documentUrl: 'https://documents.example.org/x.docx' } }, await bearer());
    expect(cardText(cardOf(other) as never)).toContain('This page records only what an email asked of you');
    const unnamed = await post({ verb: 'partner.agree', data: { caseRef: CASE, comment: 'Agreed.' } }, await bearer(), '');
    expect(unnamed.status).toBe(400);
    expect(errorOf(unnamed)).toContain('Nothing was recorded.');
    // The reply's verb on another case than the link's.
    const elsewhere = await post({ verb: 'partner.agree', data: { caseRef: 'RR-2026-072', comment: 'Agreed.' } }, await bearer());
    expect(cardText(cardOf(elsewhere) as never)).toContain('This page records only what an email asked of you');
    expect(await recorded()).toEqual(before);
  });

  it('records a reply as the signed-in person, whatever the form claims, through the bot\'s card-action path', async () => {
    const response = await post({ verb: 'partner.agree', data: { caseRef: CASE, comment: 'We agree on what is known.', by: PEOPLE.health.aadObjectId, aadObjectId: PEOPLE.health.aadObjectId } }, await bearer());
    expect(response.status).toBe(200);
    const { events } = await s.store.load(CASE);
    const police = events.filter((e) => e.type === 'PartnerReplied' && e.partner === 'police');
    expect(police).toHaveLength(1);
    expect(police[0]).toMatchObject({ by: { aadObjectId: POLICE.aadObjectId }, reply: 'agree', rationale: 'We agree on what is known.' });
    expect(events.some((e) => e.type === 'PartnerReplied' && e.partner === 'health')).toBe(false);
  });
});
