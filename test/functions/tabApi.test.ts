import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import functions from '@azure/functions';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWK } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { silentLogger } from '../../app/ports.js';
import { buildServices, type Services } from '../../functions/compositionRoot.js';
import { readEnvironment, type Environment } from '../../functions/environment.js';
import { azuriteConnectionString, freePort } from '../../local/azurite.js';
import { createTabHandlers } from '../../functions/tabHandlers.js';
import { CaseListSchema, CaseDetailSchema, TabUserSchema, YearFiguresSchema } from '../../workflow/monitoring/schemas.js';
import type { CommandActor } from '../../workflow/commands.js';
import type { Person } from '../../workflow/partnership.js';
import { RecordingMessenger } from '../support/recordingMessenger.js';
import { CASE_REF, DOCUMENT_URL, PEOPLE } from '../support/sampleConfig.js';
import { TestClock, uniquePrefix, writeConfig } from '../support/services.js';
import { storageSwitch } from './storageSwitch.js';
import { startLocalTokenAuthority, type LocalTokenAuthority } from '../support/localTokenAuthority.js';

/**
 * The monitoring tab's API outside local mode: tokens signed by a locally generated key set,
 * served as Entra's JWKS from a local server. Every refusal carries its reason and no case data.
 */

const { HttpRequest } = functions;
const APP_ID = '11111111-2222-3333-4444-555555555555';
const HOST = 'sin.example.org';
const TENANT = 'tenant-1';
const ISSUER = `https://login.microsoftonline.com/${TENANT}/v2.0`;
const clock = new TestClock(new Date('2026-05-05T09:00:00.000Z'));
const as = (p: Person): CommandActor => ({ aadObjectId: p.aadObjectId, displayName: p.displayName });

let keys: { privateKey: CryptoKey; jwk: JWK };
let otherKey: CryptoKey;
let jwksServer: Server;
let services: Services;
let tab: ReturnType<typeof createTabHandlers>;

async function token(claims: Record<string, unknown> = {}, options: { key?: CryptoKey; expiresIn?: string | number; kid?: string } = {}): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ tid: TENANT, oid: PEOPLE.business.aadObjectId, scp: 'access_as_user', name: 'Billie Business', ...claims })
    .setProtectedHeader({ alg: 'RS256', kid: options.kid ?? 'test-key' })
    .setIssuer((claims.iss as string | undefined) ?? ISSUER)
    .setAudience((claims.aud as string | undefined) ?? `api://${HOST}/${APP_ID}`)
    .setIssuedAt(now - 60)
    .setExpirationTime(options.expiresIn ?? now + 3600)
    .sign(options.key ?? keys.privateKey);
}

function get(path: string, headers: Record<string, string> = {}, params: Record<string, string> = {}) {
  return new HttpRequest({ method: 'GET', url: `https://${HOST}${path}`, headers, params });
}

beforeAll(async () => {
  const pair = await generateKeyPair('RS256');
  keys = { privateKey: pair.privateKey, jwk: { ...(await exportJWK(pair.publicKey)), kid: 'test-key', alg: 'RS256', use: 'sig' } };
  otherKey = (await generateKeyPair('RS256')).privateKey;
  jwksServer = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ keys: [keys.jwk] }));
  });
  await new Promise<void>((resolve) => jwksServer.listen(0, '127.0.0.1', resolve));
  services = await buildServices(await environment(inject('azuriteConnectionString')), { clock, log: silentLogger, messenger: new RecordingMessenger() });
  tab = createTabHandlers(async () => services);
  await logCase(services);
});

/** The deployed configuration (not local mode), on the given storage account. */
async function environment(storage: string, cloud: Record<string, string | undefined> = {}): Promise<Environment> {
  return readEnvironment({
    PARTNERSHIP_CONFIG: await writeConfig(),
    STORAGE_CONNECTION_STRING: storage,
    TABLE_PREFIX: uniquePrefix(),
    LOCAL_MODE: 'false',
    MicrosoftAppId: APP_ID,
    MicrosoftAppPassword: 'not-used-by-these-tests',
    MicrosoftAppTenantId: TENANT,
    EXPORT_LINK_SECRET: 'x'.repeat(40),
    PUBLIC_BASE_URL: `https://${HOST}`,
    ENTRA_JWKS_URL: `http://127.0.0.1:${(jwksServer.address() as AddressInfo).port}/keys`,
    ...cloud,
  });
}

async function logCase(s: Services): Promise<void> {
  await s.cases.execute(CASE_REF, { type: 'LogReferral', actor: as(PEOPLE.business), referral: { caseRef: CASE_REF, referringAgency: 'Police', awareAt: '2026-05-05T08:00:00.000Z', harm: 'death', location: 'inArea', lookedAfter: false, documentUrl: DOCUMENT_URL } }, clock.now());
  await s.cases.execute(CASE_REF, { type: 'GiveInitialView', actor: as(PEOPLE.chair), view: 'notify', rationale: '=SUM(A1) is not a formula here: death with neglect suspected, criteria met.' }, clock.now());
  await s.cases.execute(CASE_REF, { type: 'ConcurInitialView', actor: as(PEOPLE.director) }, clock.now()); // the view is theirs together (002 step 3)
}

/** The handler's answer and how long it took. */
async function timed(call: Promise<functions.HttpResponseInit>): Promise<{ status: number | undefined; body: unknown; ms: number }> {
  const started = performance.now();
  const response = await call;
  return { status: response.status, body: response.jsonBody, ms: performance.now() - started };
}

afterAll(async () => {
  await new Promise((resolve) => jwksServer?.close(resolve));
});

describe('a valid Teams SSO token', () => {
  it('lets the business unit see the open cases, a case, its history and the year', async () => {
    const auth = { authorization: `Bearer ${await token()}` };
    const me = await tab.me(get('/api/tab/me', auth));
    expect(me.status).toBe(200);
    expect(TabUserSchema.parse(me.jsonBody)).toMatchObject({ displayName: 'Billie Business', roles: ['business unit'], mode: 'sso' });

    const list = CaseListSchema.parse((await tab.cases(get('/api/tab/cases', auth))).jsonBody);
    expect(list.cases.map((c) => [c.caseRef, c.stage])).toEqual([[CASE_REF, 'awaitingPartnerReplies']]);

    const detail = CaseDetailSchema.parse((await tab.caseDetail(get(`/api/tab/cases/${CASE_REF}`, auth, { caseRef: CASE_REF }))).jsonBody);
    expect(detail.timeline.map((r) => r.detail)).toContain('=SUM(A1) is not a formula here: death with neglect suspected, criteria met.');

    const csv = await tab.history(get(`/api/tab/cases/${CASE_REF}/history.csv`, auth, { caseRef: CASE_REF, format: 'csv' }));
    expect(csv.status).toBe(200);
    expect(String(csv.body)).toContain("'=SUM(A1)");
    expect(YearFiguresSchema.parse((await tab.year(get('/api/tab/year', auth))).jsonBody).referrals).toBe(1);
  });

  it('accepts the app id itself as the audience (v2 tokens) and the v1 issuer form', async () => {
    const v2 = await tab.me(get('/api/tab/me', { authorization: `Bearer ${await token({ aud: APP_ID })}` }));
    expect(v2.status).toBe(200);
    const v1 = await tab.me(get('/api/tab/me', { authorization: `Bearer ${await token({ iss: `https://sts.windows.net/${TENANT}/` })}` }));
    expect(v1.status).toBe(200);
  });

  it("puts the tab's case view on the case's audit trail, once per person per half hour, and shows it in the timeline", async () => {
    const auth = { authorization: `Bearer ${await token({ oid: PEOPLE.partnershipChair.aadObjectId })}` };
    const viewedRows = async () => {
      const detail = CaseDetailSchema.parse((await tab.caseDetail(get(`/api/tab/cases/${CASE_REF}`, auth, { caseRef: CASE_REF }))).jsonBody);
      return detail.timeline.filter((r) => r.who === PEOPLE.partnershipChair.displayName && /Viewed the case history from the monitoring tab/.test(r.what));
    };
    expect(await viewedRows()).toHaveLength(1);
    // The tab redraws an open case every few seconds: a redraw is not another record.
    expect(await viewedRows()).toHaveLength(1);
    clock.set(new Date(clock.now().getTime() + 31 * 60_000).toISOString());
    expect(await viewedRows()).toHaveLength(2);
  });

  it("lets the chairs read a case's history in the tab but not download it: downloads are the business unit's, as in the bot", async () => {
    for (const person of [PEOPLE.partnershipChair, PEOPLE.chair]) {
      const response = await tab.history(get(`/api/tab/cases/${CASE_REF}/history.csv`, { authorization: `Bearer ${await token({ oid: person.aadObjectId })}` }, { caseRef: CASE_REF, format: 'csv' }));
      expect(response.status).toBe(403);
      expect(JSON.stringify(response.jsonBody)).toContain("Only the partnership's business unit can download");
      expect(response.body).toBeUndefined();
    }
  });

  it('lets the partnership chair and the review group chair in too', async () => {
    for (const person of [PEOPLE.partnershipChair, PEOPLE.chair]) {
      const response = await tab.cases(get('/api/tab/cases', { authorization: `Bearer ${await token({ oid: person.aadObjectId })}` }));
      expect(response.status).toBe(200);
    }
  });
});

describe('every other request is refused with its reason and no data', () => {
  const cases: [string, () => Promise<Record<string, string>>, number, RegExp][] = [
    ['no token', async () => ({}), 401, /Sign in through Teams/],
    ['not a Bearer token', async () => ({ authorization: 'Basic YWxleDpwYXNz' }), 401, /Sign in through Teams/],
    ['wrong audience (another app)', async () => ({ authorization: `Bearer ${await token({ aud: 'api://elsewhere.example.org/other-app' })}` }), 401, /could not be verified/],
    ['wrong issuer', async () => ({ authorization: `Bearer ${await token({ iss: 'https://evil.example.org/v2.0' })}` }), 401, /not issued by your organisation/],
    ["another tenant's issuer with our tenant id", async () => ({ authorization: `Bearer ${await token({ iss: 'https://login.microsoftonline.com/tenant-2/v2.0' })}` }), 401, /not issued by your organisation/],
    ['expired', async () => ({ authorization: `Bearer ${await token({}, { expiresIn: Math.floor(Date.now() / 1000) - 600 })}` }), 401, /expired/],
    ['signed by a key that is not Entra’s', async () => ({ authorization: `Bearer ${await token({}, { key: otherKey })}` }), 401, /could not be verified/],
    ['a key id Entra does not publish', async () => ({ authorization: `Bearer ${await token({}, { key: otherKey, kid: 'unknown' })}` }), 401, /could not be verified/],
    ['unsigned (alg none)', async () => ({ authorization: `Bearer ${unsigned()}` }), 401, /could not be verified/],
    ['another tenant', async () => ({ authorization: `Bearer ${await token({ tid: 'tenant-2', iss: 'https://login.microsoftonline.com/tenant-2/v2.0' })}` }), 403, /not one this IOWSCP tab serves/],
    ['without the access_as_user scope', async () => ({ authorization: `Bearer ${await token({ scp: 'User.Read' })}` }), 403, /access_as_user/],
    ['not a member of the roster', async () => ({ authorization: `Bearer ${await token({ oid: 'aad-stranger' })}` }), 403, /not on the .* roster/],
    ['a partner representative (on the roster, not business unit or chair)', async () => ({ authorization: `Bearer ${await token({ oid: PEOPLE.police.aadObjectId })}` }), 403, /business unit and the chairs.*Police representative/],
    ['the local identity header outside local mode', async () => ({ 'x-local-user': PEOPLE.business.aadObjectId }), 401, /Sign in through Teams/],
  ];

  it.each(cases)('%s', async (_name, headers, status, reason) => {
    const h = await headers();
    for (const response of [
      await tab.me(get('/api/tab/me', h)),
      await tab.cases(get('/api/tab/cases', h)),
      await tab.caseDetail(get(`/api/tab/cases/${CASE_REF}`, h, { caseRef: CASE_REF })),
      await tab.history(get(`/api/tab/cases/${CASE_REF}/history.json`, h, { caseRef: CASE_REF, format: 'json' })),
      await tab.year(get('/api/tab/year', h)),
      // Issue 17: the reviews and actions routes refuse alike.
      await tab.reviews(get('/api/tab/reviews', h)),
      await tab.review(get(`/api/tab/reviews/${CASE_REF}/lcspr`, h, { caseRef: CASE_REF, kind: 'lcspr' })),
      await tab.actions(get('/api/tab/actions', h)),
      await tab.actionsExport(get('/api/tab/actions.csv', h)),
    ]) {
      expect(response.status).toBe(status);
      expect(Object.keys(response.jsonBody as object)).toEqual(['error']);
      expect((response.jsonBody as { error: string }).error).toMatch(reason);
      expect(JSON.stringify(response.jsonBody)).not.toContain(CASE_REF);
      expect(response.body).toBeUndefined();
    }
  });

  it('the local roster picker does not exist outside local mode', async () => {
    const response = await tab.localPeople();
    expect(response.status).toBe(404);
  });
});

describe('when the case store cannot be reached', () => {
  const UNREACHABLE = { error: 'The case store cannot be reached; please try again in a minute.' };

  it('an instance that lost its store answers 503 with a clear message within 2 s, for every route that reads cases', async () => {
    const storage = await storageSwitch(inject('azuritePort'));
    const s = await buildServices(await environment(storage.connectionString), { clock, log: silentLogger, messenger: new RecordingMessenger() });
    const handlers = createTabHandlers(async () => s);
    await logCase(s);
    const auth = { authorization: `Bearer ${await token()}` };
    expect((await handlers.cases(get('/api/tab/cases', auth))).status).toBe(200);

    await storage.cut();
    for (const answer of [
      await timed(handlers.cases(get('/api/tab/cases', auth))),
      await timed(handlers.caseDetail(get(`/api/tab/cases/${CASE_REF}`, auth, { caseRef: CASE_REF }))),
      await timed(handlers.history(get(`/api/tab/cases/${CASE_REF}/history.json`, auth, { caseRef: CASE_REF, format: 'json' }))),
      await timed(handlers.year(get('/api/tab/year', auth))),
      await timed(handlers.reviews(get('/api/tab/reviews', auth))),
      await timed(handlers.actions(get('/api/tab/actions', auth))),
      await timed(handlers.actionsExport(get('/api/tab/actions.csv', auth))),
    ]) {
      expect(answer.status).toBe(503);
      expect(answer.body).toEqual(UNREACHABLE);
      // The storage SDK's retries are kept short: the person reads this, not a spinner.
      expect(answer.ms).toBeLessThan(2_000);
    }
    // Who is signed in needs no storage, so the tab can still say who you are.
    expect((await handlers.me(get('/api/tab/me', auth))).status).toBe(200);
  });

  it('an instance starting while its store is unreachable answers 503 with the same message, and no data, within 2 s', async () => {
    // A local port nothing listens on: connections are refused at once, as when the store is down.
    const env = await environment(azuriteConnectionString(await freePort()));
    const handlers = createTabHandlers(() => buildServices(env, { clock, log: silentLogger, messenger: new RecordingMessenger() }));
    const auth = { authorization: `Bearer ${await token()}` };
    for (const answer of [await timed(handlers.cases(get('/api/tab/cases', auth))), await timed(handlers.me(get('/api/tab/me', auth))), await timed(handlers.localPeople())]) {
      expect(answer.status).toBe(503);
      expect(answer.body).toEqual(UNREACHABLE);
      expect(answer.ms).toBeLessThan(2_000);
    }
  });
});

function unsigned(): string {
  const encode = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
  const now = Math.floor(Date.now() / 1000);
  return `${encode({ alg: 'none', typ: 'JWT' })}.${encode({ tid: TENANT, oid: PEOPLE.business.aadObjectId, scp: 'access_as_user', iss: ISSUER, aud: `api://${HOST}/${APP_ID}`, exp: now + 3600 })}.`;
}

describe('in a national cloud (ENTRA_AUTHORITY_HOST)', () => {
  let authority: LocalTokenAuthority;
  beforeAll(async () => {
    authority = await startLocalTokenAuthority();
  });
  afterAll(async () => {
    await authority?.close();
  });

  const servicesIn = async (cloud: Record<string, string | undefined>) => {
    const s = await buildServices(await environment(inject('azuriteConnectionString'), cloud), { clock, log: silentLogger, messenger: new RecordingMessenger() });
    await logCase(s);
    return createTabHandlers(async () => s);
  };
  const sso = (issuer: string) => authority.entraAuthorization({ audience: `api://${HOST}/${APP_ID}`, tenantId: TENANT, oid: PEOPLE.business.aadObjectId, issuer });

  it("accepts the US Government cloud's tokens there, and refuses the public cloud's", async () => {
    const usTab = await servicesIn({ ENTRA_AUTHORITY_HOST: 'https://login.microsoftonline.us', ENTRA_JWKS_URL: authority.entraJwksUrl });
    const v2 = await usTab.cases(get('/api/tab/cases', { authorization: await sso(`https://login.microsoftonline.us/${TENANT}/v2.0`) }));
    expect(v2.status).toBe(200);
    expect(CaseListSchema.parse(v2.jsonBody).cases.map((c) => c.caseRef)).toEqual([CASE_REF]);
    // v1.0 tokens in the US Government cloud name the same token service as the public cloud's.
    expect((await usTab.me(get('/api/tab/me', { authorization: await sso(`https://sts.windows.net/${TENANT}/`) }))).status).toBe(200);
    const publicCloud = await usTab.cases(get('/api/tab/cases', { authorization: await sso(`https://login.microsoftonline.com/${TENANT}/v2.0`) }));
    expect(publicCloud.status).toBe(401);
    expect(JSON.stringify(publicCloud.jsonBody)).toMatch(/not issued by your organisation/);
    expect(JSON.stringify(publicCloud.jsonBody)).not.toContain(CASE_REF);
  });

  it("fetches the signing keys from the authority's own key set when ENTRA_JWKS_URL is not given", async () => {
    const hostTab = await servicesIn({ ENTRA_AUTHORITY_HOST: authority.entraAuthorityHost, ENTRA_JWKS_URL: undefined });
    const before = authority.requests();
    const response = await hostTab.me(get('/api/tab/me', { authorization: await sso(`${authority.entraAuthorityHost}/${TENANT}/v2.0`) }));
    expect(response.status).toBe(200);
    expect(authority.requests()).toBeGreaterThan(before);
    // The public cloud's issuer is not this authority's.
    expect((await hostTab.me(get('/api/tab/me', { authorization: await sso(ISSUER) }))).status).toBe(401);
  });
});
