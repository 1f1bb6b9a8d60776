import functions, { type HttpResponseInit } from '@azure/functions';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { signExportLink, type ExportFormat } from '../../app/exportLinks.js';
import { silentLogger } from '../../app/ports.js';
import { buildServices, type Services } from '../../functions/compositionRoot.js';
import { readEnvironment } from '../../functions/environment.js';
import { createHandlers, MAX_ACTIVITY_BYTES } from '../../functions/handlers.js';
import { createTabHandlers } from '../../functions/tabHandlers.js';
import { cardActionActivity, type ActivityOptions } from '../support/activities.js';
import { startLocalTokenAuthority, TEAMS_SERVICE_URL, type BotTokenOptions, type LocalTokenAuthority } from '../support/localTokenAuthority.js';
import { cardText, RecordingMessenger } from '../support/recordingMessenger.js';
import { CASE_REF, DOCUMENT_URL, PEOPLE, sampleConfig } from '../support/sampleConfig.js';
import { TestClock, uniquePrefix, writeConfig } from '../support/services.js';
import { isRefusal } from './support/answers.js';
import { snapshotter } from './support/tableSnapshot.js';
import { crossTenantProbe, probe } from './support/tally.js';
import { verbProbes } from './support/verbProbes.js';
import { type Person } from '../../workflow/partnership.js';
import { PartnershipFileSchema } from '../../config/partnershipFile.js';

const { HttpRequest, InvocationContext } = functions;

/**
 * The production-mode part of the fault and abuse suite: the real functions with authentication
 * on (a bot app id, no local mode), against a token authority on loopback that botbuilder's
 * ToBotFromChannelOpenIdMetadataUrl and the tab's ENTRA_JWKS_URL point at, with tokens signed for
 * the real audiences and issuers. Every probe must get the answer it is due and change nothing
 * stored (the tables are compared before and after each one).
 *
 * Activities here are card clicks (invokes), answered in the HTTP response: a message's answer
 * would be posted to Teams' connector, which a test cannot reach. Cards the product sends on its
 * own are recorded instead of posted.
 */

const APP_ID = '11111111-2222-3333-4444-555555555555';
const CLOCK_AT = '2026-05-05T14:30:00.000Z';
const SECRET = 'production-suite-export-link-secret-0123456789';
/** Text that is only in the partners' rationale: it must never reach someone who may not read it. */
const SENTINEL = 'SENTINEL-RATIONALE-Q7';
const OTHER_CASE = 'RR-2026-015';

let authority: LocalTokenAuthority;
let services: Services;
let handlers: ReturnType<typeof createHandlers>;
let tab: ReturnType<typeof createTabHandlers>;
let snapshot: () => Promise<string>;
let connectionString: string;
let prefix: string;

function environment(tokens: LocalTokenAuthority) {
  return readEnvironment(environmentVariables(tokens));
}

function environmentVariables(tokens: LocalTokenAuthority): Record<string, string> {
  return {
    PARTNERSHIP_CONFIG: configPath,
    STORAGE_CONNECTION_STRING: connectionString,
    TABLE_PREFIX: prefix,
    MicrosoftAppId: APP_ID,
    MicrosoftAppPassword: 'not-used-nothing-is-posted',
    MicrosoftAppTenantId: 'tenant-1',
    EXPORT_LINK_SECRET: SECRET,
    PUBLIC_BASE_URL: 'https://bot.example.org',
    ToBotFromChannelOpenIdMetadataUrl: tokens.botOpenIdMetadataUrl,
    // An emulator-issued token is checked against the same authority, so no probe reaches the internet.
    ToBotFromEmulatorOpenIdMetadataUrl: tokens.botOpenIdMetadataUrl,
    ENTRA_JWKS_URL: tokens.entraJwksUrl,
  };
}
let configPath = '';

const at = (from: Person, conversationId = 'conv-decision', extra: Partial<ActivityOptions> = {}): ActivityOptions => ({ from, conversationId, serviceUrl: TEAMS_SERVICE_URL, ...extra });
/** A click with no card to update afterwards (an update would go to Teams' connector). */
const click = (options: ActivityOptions, verb: string, data: Record<string, unknown>) => cardActionActivity(options, verb, data, '');
const bot = (o: Partial<BotTokenOptions> = {}) => authority.botAuthorization({ audience: APP_ID, ...o });

async function deliver(activity: unknown, authorization: string | undefined, via = handlers): Promise<HttpResponseInit> {
  const request = new HttpRequest({
    method: 'POST',
    url: 'https://bot.example.org/api/messages',
    headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
    body: { string: JSON.stringify(activity) },
  });
  return via.messages(request, new InvocationContext({ functionName: 'messages' }));
}

/** The text of the card a click was answered with. */
const answerText = (response: HttpResponseInit) => cardText((response.jsonBody as { value?: unknown } | undefined)?.value);
const refusalCard = (response: HttpResponseInit) => response.status === 200 && isRefusal((response.jsonBody as { value?: unknown } | undefined)?.value);

async function settledSnapshot(): Promise<string> {
  expect(await services.effects.idle(30_000)).toBe(true);
  return snapshot();
}

/**
 * Runs one probe: what it must get (`due`), and that the tables are as they were. Counted for the
 * summary line whatever the outcome, then asserted.
 */
async function expectRefused(name: string, send: () => Promise<HttpResponseInit>, due: (response: HttpResponseInit) => boolean): Promise<void> {
  const before = await settledSnapshot();
  const response = await send();
  const after = await settledSnapshot();
  const answered = due(response);
  probe(answered && after === before);
  expect(answered, `${name}: ${response.status} ${JSON.stringify(response.jsonBody ?? response.body ?? '').slice(0, 300)}`).toBe(true);
  expect(after === before, `${name}: stored state changed`).toBe(true);
}

beforeAll(async () => {
  authority = await startLocalTokenAuthority();
  connectionString = inject('azuriteConnectionString');
  prefix = uniquePrefix();
  configPath = await writeConfig();
  services = await buildServices(environment(authority), { clock: new TestClock(new Date(CLOCK_AT)), log: silentLogger, messenger: new RecordingMessenger() });
  handlers = createHandlers(async () => services);
  tab = createTabHandlers(async () => services);

  // A case awaiting the partners' replies, set up through the same signed door: the referral, the
  // chair's view, and the police's disagreement, whose rationale is the sentinel.
  const ok = async (activity: unknown) => {
    const response = await deliver(activity, await bot());
    expect(response.status, JSON.stringify(response.jsonBody)).toBe(200);
    return answerText(response);
  };
  for (const caseRef of [CASE_REF, OTHER_CASE]) {
    const referral = { caseRef, referringAgency: 'Police', awareDate: '2026-05-05', awareTime: '08:30', harm: 'death', location: 'inArea', lookedAfter: 'false', abuseOrNeglect: 'suspected', documentUrl: DOCUMENT_URL.replaceAll(CASE_REF, caseRef) };
    expect(await ok(click(at(PEOPLE.business, 'conv-monitoring'), 'referral.submit', referral))).toContain(caseRef);
    await ok(click(at(PEOPLE.chair, 'personal-chair', { conversationType: 'personal' }), 'initialView.submit', { caseRef, view: 'notify', rationale: `Criteria met. ${SENTINEL}` }));
    await ok(click(at(PEOPLE.director, 'personal-director', { conversationType: 'personal' }), 'initialView.concur', { caseRef }));
  }
  expect(await ok(click(at(PEOPLE.police), 'partner.disagree', { caseRef: CASE_REF, rationale: `Not met on what we know. ${SENTINEL}` }))).toContain('Recorded: Police disagrees.');
  // Each agency contact has clicked once before (their Teams id is known): that is not case state.
  for (const person of AGENCY_PEOPLE) await ok(click(at(person), 'case.unknown', {}));
  snapshot = await snapshotter(connectionString, prefix);
}, 120_000);

afterAll(async () => {
  await services?.effects.idle(30_000);
  await authority?.close();
});

const AGENCY_PEOPLE = [PEOPLE.educationContact, PEOPLE.probationContact, PEOPLE.gpContact, PEOPLE.hospitalContact, PEOPLE.daContact];
const is401 = (r: HttpResponseInit) => r.status === 401;
const is403 = (r: HttpResponseInit) => r.status === 403;
const decisionClick = () => click(at(PEOPLE.police), 'partner.agree', { caseRef: CASE_REF, comment: 'Agreed.' });

describe('production mode: the control', () => {
  it('accepts a click signed by the Teams key, for this bot, from Teams (answered, and the card it sends shows the case)', async () => {
    const response = await deliver(click(at(PEOPLE.business, 'conv-monitoring'), 'case.show', { caseRef: CASE_REF, card: 'partnerDecision' }), await bot());
    expect(response.status).toBe(200);
    expect(answerText(response)).toContain(CASE_REF);
  });
});

describe('production mode: forged and expired tokens', () => {
  it.each([
    ['no token', async () => undefined],
    ['a token signed by a key the authority never published', () => bot({ foreignKey: true })],
    ['an expired token', () => bot({ expiresIn: -600 })],
    ['a token for another bot', () => authority.botAuthorization({ audience: '99999999-0000-0000-0000-000000000000' })],
    ['a token from another issuer', () => bot({ issuer: 'https://evil.example.com' })],
    ['a token signed by the Web Chat key, on an activity that says msteams', () => bot({ webchatKey: true })],
    ['a token for another serviceUrl than the activity names', () => bot({ serviceUrl: 'https://smba.trafficmanager.net/emea/' })],
    ['a Teams SSO (Entra) token instead of a channel token', () => authority.entraAuthorization({ audience: APP_ID, tenantId: 'tenant-1', oid: PEOPLE.police.aadObjectId })],
  ])('refuses %s (401), nothing stored', async (name, authorization) => {
    await expectRefused(name, async () => deliver(decisionClick(), await authorization()), is401);
  });
});

describe('production mode: other channels', () => {
  it.each([
    ['Web Chat, signed by the Web Chat key', 'webchat', { webchatKey: true }],
    ['Direct Line, signed by the Web Chat key', 'directline', { webchatKey: true }],
    ['Web Chat, signed by the Teams key', 'webchat', {}],
    ['the emulator', 'emulator', {}],
  ] as const)('refuses an activity from %s (403), nothing stored', async (name, channelId, signing) => {
    await expectRefused(name, async () => deliver({ ...decisionClick(), channelId }, await bot(signing)), is403);
  });
});

describe('production mode: serviceUrls outside Teams', () => {
  it.each([
    'https://evil.example.com/',
    'https://smba.trafficmanager.net.evil.example.com/uk/',
    'http://smba.trafficmanager.net/uk/',
    'https://smba.trafficmanager.net:8443/uk/',
    'https://smba.trafficmanager.net@evil.example.com/uk/',
    'http://127.0.0.1:3978/',
  ])('refuses %s, even with a token that names it (403), nothing stored', async (serviceUrl) => {
    await expectRefused(serviceUrl, async () => deliver(click(at(PEOPLE.police, 'conv-decision', { serviceUrl }), 'partner.agree', { caseRef: CASE_REF }), await bot({ serviceUrl })), is403);
  });

  it('keeps the Teams connector as the channel reference after those attempts', async () => {
    expect((await services.conversations.conversation('conv-decision'))?.serviceUrl).toBe(TEAMS_SERVICE_URL);
  });
});

describe('production mode: other tenants', () => {
  it('refuses a correctly signed click from another tenant with a refusal card, nothing stored', async () => {
    await expectRefused('bot, another tenant', async () => deliver(click(at(PEOPLE.police, 'conv-decision', { tenantId: 'tenant-evil' }), 'partner.agree', { caseRef: CASE_REF }), await bot()), refusalCard);
  });

  it("refuses a tab token from another tenant (403) and a forged or expired one (401)", async () => {
    const me = async (authorization: string) => tab.me(new HttpRequest({ method: 'GET', url: 'https://bot.example.org/api/tab/me', headers: { authorization } }));
    await expectRefused('tab, another tenant', async () => me(await authority.entraAuthorization({ audience: APP_ID, tenantId: 'tenant-evil', oid: PEOPLE.business.aadObjectId })), is403);
    await expectRefused('tab, forged', async () => me(await authority.entraAuthorization({ audience: APP_ID, tenantId: 'tenant-1', oid: PEOPLE.business.aadObjectId, foreignKey: true })), is401);
    await expectRefused('tab, expired', async () => me(await authority.entraAuthorization({ audience: APP_ID, tenantId: 'tenant-1', oid: PEOPLE.business.aadObjectId, expiresIn: -600 })), is401);
    // The control: the same person with a good token sees the tab.
    expect((await me(await authority.entraAuthorization({ audience: APP_ID, tenantId: 'tenant-1', oid: PEOPLE.business.aadObjectId }))).status).toBe(200);
  });
});

describe('production mode: agency contacts probing every verb', () => {
  it.each(AGENCY_PEOPLE.map((person) => [person.displayName, person] as const))(
    '%s, with a valid token, changes nothing and is shown no rationale',
    async (_name, person) => {
      const problems: string[] = [];
      for (const { verb, data } of verbProbes(CASE_REF)) {
        const name = `${verb}${typeof data.card === 'string' ? ` ${data.card}` : ''}`;
        const before = await settledSnapshot();
        const response = await deliver(click(at(person), verb, data), await bot());
        const after = await settledSnapshot();
        const text = answerText(response) + JSON.stringify(response.jsonBody ?? '');
        const leaked = text.includes(SENTINEL);
        const status = response.status ?? 200;
        const answered = status === 200 || (status >= 400 && status < 500);
        probe(answered && !leaked && after === before);
        if (!answered) problems.push(`${name}: status ${status}`);
        if (leaked) problems.push(`${name}: the answer shows the partners' rationale`);
        if (after !== before) problems.push(`${name}: stored state changed`);
      }
      expect(problems).toEqual([]);
    },
    120_000,
  );
});

describe('production mode: replayed export links', () => {
  const get = (caseRef: string, format: ExportFormat, query: string) =>
    handlers.caseHistory(new HttpRequest({ method: 'GET', url: `https://bot.example.org/api/cases/${caseRef}/history.${format}?${query}`, params: { caseRef, format }, query: Object.fromEntries(new URLSearchParams(query)) }));
  const link = (o: { caseRef?: string; by?: string; secret?: string; now?: Date } = {}) =>
    new URL(signExportLink({ baseUrl: 'https://bot.example.org', secret: o.secret ?? SECRET, caseRef: o.caseRef ?? CASE_REF, format: 'csv', by: o.by ?? PEOPLE.business.aadObjectId, now: o.now ?? new Date(CLOCK_AT) }).url).search.slice(1);

  it('gives the history for a link as issued (the control)', async () => {
    const response = await get(CASE_REF, 'csv', link());
    expect(response.status).toBe(200);
  });

  it('refuses a link used a second time (410), nothing stored: a link works once', async () => {
    const once = link({ now: new Date(Date.parse(CLOCK_AT) - 60_000) });
    expect((await get(CASE_REF, 'csv', once)).status).toBe(200);
    await expectRefused('a link used a second time', () => get(CASE_REF, 'csv', once), (r) => r.status === 410);
  });

  it.each([
    ['a link after it expired', 410, () => get(CASE_REF, 'csv', link({ now: new Date(Date.parse(CLOCK_AT) - 60 * 60_000) }))],
    ['a link for one case used for another', 403, () => get(OTHER_CASE, 'csv', link())],
    ['a link whose "by" was swapped for someone else on the roster', 403, () => get(CASE_REF, 'csv', link().replace(PEOPLE.business.aadObjectId, PEOPLE.chair.aadObjectId))],
    ['a link signed with another key', 403, () => get(CASE_REF, 'csv', link({ secret: 'another-deployment-secret-0123456789abcdef' }))],
    ['a link for another format than signed', 403, () => get(CASE_REF, 'json', link())],
  ] as const)('refuses %s (%s), nothing stored', async (name, status, send) => {
    await expectRefused(name, send, (r) => r.status === status);
  });
});

describe('production mode: bodies without a content-length', () => {
  /** A request whose body streams in 64 KB chunks with no declared length; counts what was pulled. */
  function streamed(total: number, authorization: string, head = '') {
    let pulled = 0;
    const chunk = new Uint8Array(64 * 1024).fill(0x78);
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (pulled === 0 && head) {
          pulled += head.length;
          return controller.enqueue(new TextEncoder().encode(head));
        }
        if (pulled >= total) return controller.close();
        pulled += chunk.length;
        controller.enqueue(chunk);
      },
    });
    const nativeRequest = new Request('https://bot.example.org/api/messages', { method: 'POST', headers: { 'content-type': 'application/json', authorization }, body, duplex: 'half' } as RequestInit);
    // The Functions host hands over such a request when HTTP streams are on (functions/index.ts).
    const request = new HttpRequest({ nativeRequest } as unknown as ConstructorParameters<typeof HttpRequest>[0]);
    return { request, pulled: () => pulled };
  }

  it('refuses an oversized activity as it streams (413), reading no more than the limit and a chunk', async () => {
    const sent = streamed(64 * 1024 * 1024, await bot(), '{"type":"message","text":"');
    expect(sent.request.headers.get('content-length')).toBeNull();
    await expectRefused('chunked, 64 MB', () => handlers.messages(sent.request, new InvocationContext({ functionName: 'messages' })), (r) => r.status === 413);
    expect(sent.pulled()).toBeLessThanOrEqual(MAX_ACTIVITY_BYTES + 3 * 64 * 1024);
  });

  it('refuses a chunked body that is not an activity (400), nothing stored', async () => {
    const sent = streamed(64 * 1024, await bot(), '[');
    await expectRefused('chunked, not JSON', () => handlers.messages(sent.request, new InvocationContext({ functionName: 'messages' })), (r) => r.status === 400);
  });
});

describe('production mode: the token authorities are unreachable', () => {
  let down: LocalTokenAuthority;
  let downServices: Services;
  let downHandlers: ReturnType<typeof createHandlers>;

  beforeAll(async () => {
    // Another authority (so nothing is cached from the one above), answering 503 from the start.
    down = await startLocalTokenAuthority();
    down.setOutage(true);
    downServices = await buildServices(environment(down), { clock: new TestClock(new Date(CLOCK_AT)), log: silentLogger, messenger: new RecordingMessenger() });
    downHandlers = createHandlers(async () => downServices);
  });
  afterAll(async () => {
    await downServices?.effects.idle(30_000);
    await down?.close();
  });

  it("answers a click 503 'try again' (not 401) while the Bot Framework's keys cannot be fetched, and takes it once they can", async () => {
    const authorization = await down.botAuthorization({ audience: APP_ID });
    const activity = click(at(PEOPLE.business, 'conv-monitoring'), 'case.show', { caseRef: CASE_REF, card: 'partnerDecision' });
    await expectRefused('bot keys outage', () => deliver(activity, authorization, downHandlers), (r) => r.status === 503 && JSON.stringify(r.jsonBody).includes('try again'));
    expect(down.requests()).toBeGreaterThan(0);
    down.setOutage(false);
    expect((await deliver(activity, authorization, downHandlers)).status).toBe(200);
    down.setOutage(true);
  });

  it("answers the tab 503 (not 401) while Entra's key set cannot be fetched, and serves it once it can", async () => {
    const downTab = createTabHandlers(async () => downServices);
    const authorization = await down.entraAuthorization({ audience: APP_ID, tenantId: 'tenant-1', oid: PEOPLE.business.aadObjectId });
    const me = () => downTab.me(new HttpRequest({ method: 'GET', url: 'https://bot.example.org/api/tab/me', headers: { authorization } }));
    await expectRefused('entra keys outage', me, (r) => r.status === 503);
    down.setOutage(false);
    expect((await me()).status).toBe(200);
  });
});

it('the sample roster has the agency contacts the probes act as', () => {
  const contacts = sampleConfig.agencies.map((a) => a.contact.aadObjectId);
  expect(AGENCY_PEOPLE.map((p) => p.aadObjectId).sort()).toEqual([...contacts].sort());
});

describe('production mode: people of other organisations (identity across tenants)', () => {
  /*
   * A partnership whose police representative works from the police force's own tenant as an
   * external member of a shared channel, whose police deputy is a guest in the partnership's
   * tenant, and whose ICB representative and a GP practice's contact are both on NHSmail (one
   * tenant for the whole NHS). The activities carry the tenant fields as bot/activityFacts.ts
   * assumes Teams sends them; every token is signed for the real audience.
   */
  const POLICE_TENANT = 'tenant-police-force';
  const NHSMAIL = 'tenant-nhsmail';
  const GUEST_CASE = 'RR-2026-101';
  const EXTERNAL_CASE = 'RR-2026-102';
  /** No partner has replied on it: a refusal there is the identity's, never "already recorded". */
  const UNANSWERED_CASE = 'RR-2026-103';
  const cross = PartnershipFileSchema.parse({
    ...sampleConfig,
    // No Graph in this suite: the emails are refused as not configured and reported (test/app/email.integration.test.ts sends them).
    mail: { fromMailbox: 'sin@partnership.example.org' },
    partners: {
      ...sampleConfig.partners,
      police: { ...sampleConfig.partners.police, representative: { ...PEOPLE.police, tenantIds: [POLICE_TENANT] }, inboxes: [{ name: 'Police review team', email: 'review.team@police.example.org' }] },
      health: { ...sampleConfig.partners.health, representative: { ...PEOPLE.health, tenantIds: [NHSMAIL] } },
    },
    agencies: sampleConfig.agencies.map((a) => (a.id === 'gp' ? { ...a, contact: { ...a.contact, tenantIds: [NHSMAIL] } } : a)),
  });
  let crossServices: Services;
  let crossHandlers: ReturnType<typeof createHandlers>;
  let crossSnapshot: () => Promise<string>;

  /** A click from someone in the shared channel whose home tenant is on `from`. */
  const external = (from: Person, homeTenant: string, caseRef: string, verb = 'partner.agree') =>
    click(at(from, 'conv-decision', { fromTenantId: homeTenant }), verb, { caseRef, comment: 'Agreed.' });
  const send = async (activity: unknown) => deliver(activity, await bot(), crossHandlers);

  async function refusedHere(name: string, activity: unknown): Promise<void> {
    expect(await crossServices.effects.idle(30_000)).toBe(true);
    const before = await crossSnapshot();
    const response = await send(activity);
    expect(await crossServices.effects.idle(30_000)).toBe(true);
    const after = await crossSnapshot();
    const refused = refusalCard(response);
    crossTenantProbe(refused && after === before);
    expect(refused, `${name}: ${answerText(response)}`).toBe(true);
    expect(after === before, `${name}: stored state changed`).toBe(true);
  }

  beforeAll(async () => {
    const crossPrefix = uniquePrefix();
    crossServices = await buildServices(
      readEnvironment({ ...environmentVariables(authority), PARTNERSHIP_CONFIG: await writeConfig(cross), TABLE_PREFIX: crossPrefix }),
      { clock: new TestClock(new Date(CLOCK_AT)), log: silentLogger, messenger: new RecordingMessenger() },
    );
    crossHandlers = createHandlers(async () => crossServices);
    for (const caseRef of [GUEST_CASE, EXTERNAL_CASE, UNANSWERED_CASE]) {
      const referral = { caseRef, referringAgency: 'Police', awareDate: '2026-05-05', awareTime: '08:30', harm: 'death', location: 'inArea', lookedAfter: 'false', abuseOrNeglect: 'suspected', documentUrl: DOCUMENT_URL.replaceAll(CASE_REF, caseRef) };
      expect(refusalCard(await send(click(at(PEOPLE.business, 'conv-monitoring'), 'referral.submit', referral)))).toBe(false);
      expect(refusalCard(await send(click(at(PEOPLE.chair, 'personal-chair', { conversationType: 'personal' }), 'initialView.submit', { caseRef, view: 'notify', rationale: 'Criteria met.' })))).toBe(false);
      // The view is the chair's and the director's together: the partners' card goes once the director concurs.
      expect(refusalCard(await send(click(at(PEOPLE.director, 'personal-director', { conversationType: 'personal' }), 'initialView.concur', { caseRef })))).toBe(false);
    }
    crossSnapshot = await snapshotter(connectionString, crossPrefix);
  }, 120_000);

  it('accepts a guest (guest object id in the partnership tenant) replying for the police', async () => {
    const response = await send(click(at(PEOPLE.policeDeputy), 'partner.agree', { caseRef: GUEST_CASE, comment: 'Agreed.' }));
    expect(answerText(response)).toContain('Recorded: Police agrees.');
  });

  it('accepts an external shared-channel member whose home tenant and object id the roster lists', async () => {
    const response = await send(external(PEOPLE.police, POLICE_TENANT, EXTERNAL_CASE));
    expect(answerText(response)).toContain('Recorded: Police agrees.');
  });

  it('refuses an external member whose home tenant the roster does not list, nothing stored', async () => {
    await refusedHere('external, tenant not listed', external(PEOPLE.police, 'tenant-unlisted-force', UNANSWERED_CASE));
  });

  it("refuses the police representative's object id arriving as a member of the partnership tenant, nothing stored", async () => {
    await refusedHere('listed object id, wrong tenant', click(at(PEOPLE.police), 'partner.disagree', { caseRef: UNANSWERED_CASE, rationale: 'Not met.' }));
  });

  it('takes NHSmail people for who the roster says: the ICB representative replies, a GP practice contact in the same tenant may not', async () => {
    await refusedHere('NHSmail, GP contact as a partner', external(PEOPLE.gpContact, NHSMAIL, UNANSWERED_CASE));
    const response = await send(external(PEOPLE.health, NHSMAIL, GUEST_CASE));
    expect(answerText(response)).toContain('Recorded: Health (ICB) agrees.');
  });

  it("opens the tab only for the (tenant, object id) the roster lists: the business unit's object id from another allowed tenant is nobody", async () => {
    const tabTenants = PartnershipFileSchema.parse({ ...cross, tabTenantIds: ['tenant-1', NHSMAIL] });
    const tabServices = await buildServices(
      readEnvironment({ ...environmentVariables(authority), PARTNERSHIP_CONFIG: await writeConfig(tabTenants), TABLE_PREFIX: uniquePrefix() }),
      { clock: new TestClock(new Date(CLOCK_AT)), log: silentLogger, messenger: new RecordingMessenger() },
    );
    const me = async (tenantId: string) =>
      createTabHandlers(async () => tabServices).me(new HttpRequest({ method: 'GET', url: 'https://bot.example.org/api/tab/me', headers: { authorization: await authority.entraAuthorization({ audience: APP_ID, tenantId, oid: PEOPLE.business.aadObjectId }) } }));
    expect((await me('tenant-1')).status).toBe(200);
    const other = await me(NHSMAIL);
    crossTenantProbe(other.status === 403);
    expect(other.status).toBe(403);
    expect(JSON.stringify(other.jsonBody)).toContain('not on the');
    await tabServices.effects.idle(30_000);
  });

  it('a stranger of the partnership tenant clicking in a channel the bot has not seen writes nothing, not even where later posts would go', async () => {
    const stranger: Person = { aadObjectId: 'tenant-1-someone-else', email: 'someone@partnership.example.org', displayName: 'Someone Else' };
    await refusedHere('stranger in an unseen channel', click(at(stranger, 'conv-never-seen'), 'partner.agree', { caseRef: UNANSWERED_CASE }));
  });

  it('refuses someone whose tenant matches (NHSmail) but whose object id the roster does not list, nothing stored', async () => {
    const stranger: Person = { aadObjectId: 'nhsmail-someone-else', email: 'someone@nhs.example.org', displayName: 'Someone Else' };
    await refusedHere('NHSmail, object id not listed', external(stranger, NHSMAIL, UNANSWERED_CASE));
  });
});
