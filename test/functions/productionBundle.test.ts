import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { generate } from 'selfsigned';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { startAzurite, type RunningAzurite } from '../../local/azurite.js';
import { bundleFunctions } from '../../scripts/functionsBundle.js';
import { cardActionActivity, messageActivity } from '../support/activities.js';
import { startLocalManagedIdentity, type LocalManagedIdentity } from '../support/localManagedIdentity.js';
import { startLocalTokenAuthority, TEAMS_SERVICE_URL, type LocalTokenAuthority } from '../support/localTokenAuthority.js';
import { RecordingConnector } from '../support/recordingConnector.js';
import { cardText } from '../support/recordingMessenger.js';
import { CASE_REF, DOCUMENT_URL, PEOPLE, sampleConfig } from '../support/sampleConfig.js';
import { PartnershipFileSchema } from '../../config/partnershipFile.js';
import { uniquePrefix, writeConfig } from '../support/services.js';

/**
 * The built bundle as it runs in Azure, offline: production settings exactly as infra/ sets them
 * (UserAssignedMSI bot, tables by endpoint and managed identity, no password, no connection
 * string), authentication on, and every token the app acquires coming from a loopback
 * managed-identity endpoint (IDENTITY_ENDPOINT/IDENTITY_HEADER, as App Service provides). Storage is
 * Azurite over HTTPS with OAuth on, so a table call without a valid Entra token for storage fails.
 * The Bot Framework channel token comes from the local token authority; the child answers
 * botbuilder's one request for login.botframework.com's metadata with the authority's document, and
 * relays what the bot posts to Teams' connector host (the only hosts production mode posts to) to a
 * recording connector on loopback. A second run drives a case into dispute through the bundle, so
 * it books the partners' meeting through Microsoft Graph (graph.microsoft.com intercepted in the
 * child) with the identity's token for Graph.
 */

const root = fileURLToPath(new URL('../..', import.meta.url));
const outdir = join(root, 'dist', `.bundle-test-${randomBytes(4).toString('hex')}`);
const IDENTITY = '0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0';
const TAB_APP = '7a6b5c4d-3e2f-4a1b-9c8d-7e6f5a4b3c2d';
const TENANT = 'tenant-1'; // the sample partnership's tenant
const HOST = 'func-sin-test.azurewebsites.net';

/**
 * Shared by both child scripts: msw, and Teams' connector host relayed to the recording connector
 * (production mode posts nowhere else), keeping each body the bot posted in "posted".
 */
const RELAY = `
const { setupServer } = await import('msw/node');
const { http, HttpResponse } = await import('msw');
const posted = [];
const relay = async ({ request }) => {
  const { pathname } = new URL(request.url);
  const path = pathname.startsWith('/uk/') ? pathname.slice(3) : pathname;
  const body = ['GET', 'HEAD'].includes(request.method) ? undefined : await request.arrayBuffer();
  if (body) posted.push(new TextDecoder().decode(body));
  const answer = await fetch(new URL(path, process.env.TEST_CONNECTOR_URL), { method: request.method, headers: request.headers, body });
  return new HttpResponse(await answer.arrayBuffer(), { status: answer.status, headers: answer.headers });
};
`;

/** The bundle loaded as the Functions host would, its handlers kept by name; after the child's msw server is set up. */
const LOAD_BUNDLE = `
server.listen({ onUnhandledRequest: (request, print) => (new URL(request.url).hostname === '127.0.0.1' ? undefined : print.error()) });
const module = await import('@azure/functions');
const functions = module.default ?? module;
const handlers = {};
functions.app.http = (name, options) => { handlers[name] = options.handler; };
functions.app.timer = (name, options) => { handlers[name] = options.handler; };
await import(process.env.BUNDLE_ENTRY);
`;

const CHILD = `
${RELAY}// login.botframework.com is the one outside address botbuilder reads; the local authority stands in.
// Teams' connector host likewise: what the bot posts to smba.trafficmanager.net reaches the recording connector.
// Entra's key set likewise (production refuses any other ENTRA_JWKS_URL): the local authority's Entra keys.
const server = setupServer(
  http.get('https://login.botframework.com/v1/.well-known/openidconfiguration', async () => HttpResponse.json(await (await fetch(process.env.TEST_BOT_METADATA)).json())),
  http.get('https://login.microsoftonline.com/common/discovery/v2.0/keys', async () => HttpResponse.json(await (await fetch(process.env.TEST_ENTRA_KEYS)).json())),
  http.all('https://smba.trafficmanager.net/*', relay),
);
${LOAD_BUNDLE}const post = (authorization) => handlers.messages(new functions.HttpRequest({ method: 'POST', url: 'https://${HOST}/api/messages', headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) }, body: { string: process.env.BUNDLE_ACTIVITY } }), new functions.InvocationContext({ functionName: 'messages' }));
const unauthenticated = await post(undefined);
const response = await post(process.env.TEST_BOT_AUTHORIZATION);
await handlers.deadlineSweep({ isPastDue: false, scheduleStatus: { last: '', next: '', lastUpdated: '' } }, new functions.InvocationContext({ functionName: 'deadlineSweep' }));
const tab = await handlers.tabCases(new functions.HttpRequest({ method: 'GET', url: 'https://${HOST}/api/tab/cases', headers: { authorization: process.env.TEST_TAB_AUTHORIZATION, 'x-local-user': 'ignored-outside-local-mode' } }));
const tabWithoutSso = await handlers.tabCases(new functions.HttpRequest({ method: 'GET', url: 'https://${HOST}/api/tab/cases', headers: { 'x-local-user': process.env.TEST_TAB_OID } }));
process.stdout.write('RESULT=' + JSON.stringify({ unauthenticated: unauthenticated.status, status: response.status, body: response.jsonBody, tabStatus: tab.status, tabCases: (tab.jsonBody?.cases ?? []).map((c) => c.caseRef), tabWithoutSso: tabWithoutSso.status }) + '\\n');
server.close();
process.exit(0);
`;

/**
 * A case taken into dispute by clicks, as Teams would deliver them: the referral, the chair's
 * "notify", then the three partners' replies (police disagree) once their card is out, which opens
 * the dispute at once and books its meeting. Graph answers as an empty free/busy and a created
 * event; every Graph call is recorded with its authorization header.
 */
const DISPUTE_CHILD = `
${RELAY}const graphCalls = [];
const graph = (answer) => async ({ request }) => {
  graphCalls.push({ path: new URL(request.url).pathname, authorization: request.headers.get('authorization') });
  return HttpResponse.json(answer);
};
const server = setupServer(
  http.get('https://login.botframework.com/v1/.well-known/openidconfiguration', async () => HttpResponse.json(await (await fetch(process.env.TEST_BOT_METADATA)).json())),
  http.all('https://smba.trafficmanager.net/*', relay),
  http.post('https://graph.microsoft.com/v1.0/users/:upn/calendar/getSchedule', graph({ value: [] })),
  http.post('https://graph.microsoft.com/v1.0/users/:upn/events', graph({ id: 'event-1', onlineMeeting: { joinUrl: 'https://teams.microsoft.com/l/meetup-join/1' } })),
);
${LOAD_BUNDLE}const post = async (activity) => (await handlers.messages(new functions.HttpRequest({ method: 'POST', url: 'https://${HOST}/api/messages', headers: { 'content-type': 'application/json', authorization: process.env.TEST_BOT_AUTHORIZATION }, body: { string: JSON.stringify(activity) } }), new functions.InvocationContext({ functionName: 'messages' }))).status;
const until = async (find, what) => {
  for (const started = Date.now(); Date.now() - started < 60000; await new Promise((r) => setTimeout(r, 100))) {
    const found = find();
    if (found !== undefined) return found;
  }
  throw new Error('waited a minute for ' + what + '; posted to Teams: ' + posted.map((b) => b.slice(0, 300)).join(' | ') + '; Graph: ' + JSON.stringify(graphCalls));
};
/** The asOf of the first posted card with an action of this verb. */
const asOfFor = (verb) => {
  const search = (node) => {
    if (!node || typeof node !== 'object') return undefined;
    if (node.verb === verb && node.data && node.data.asOf !== undefined) return node.data.asOf;
    for (const value of Object.values(node)) { const found = search(value); if (found !== undefined) return found; }
    return undefined;
  };
  for (const body of posted) { const found = search(JSON.parse(body)); if (found !== undefined) return found; }
  return undefined;
};
const [installMonitoring, installDecision, referral, view, concur, ...replies] = JSON.parse(process.env.TEST_CLICKS);
const statuses = [await post(installMonitoring), await post(installDecision), await post(referral), await post(view), await post(concur)];
const asOf = await until(() => asOfFor('partner.agree'), "the partners' card");
for (const reply of replies) {
  reply.value.action.data.asOf = asOf;
  statuses.push(await post(reply));
}
await until(() => (graphCalls.some((c) => c.path.endsWith('/events')) ? true : undefined), 'the meeting to be booked');
const joinLinkPosted = await until(() => (posted.some((b) => b.includes('https://teams.microsoft.com/l/meetup-join/1')) ? true : undefined), 'the join link to be posted');
process.stdout.write('RESULT=' + JSON.stringify({ statuses, graphCalls, joinLinkPosted }) + '\\n');
server.close();
process.exit(0);
`;

const DisputeResultSchema = z.object({
  statuses: z.array(z.number()),
  graphCalls: z.array(z.object({ path: z.string(), authorization: z.string().nullable() })),
  joinLinkPosted: z.boolean(),
});

const ResultSchema = z.object({
  unauthenticated: z.number(),
  status: z.number(),
  body: z.object({ type: z.string(), value: z.unknown() }),
  tabStatus: z.number(),
  tabCases: z.array(z.string()),
  tabWithoutSso: z.number(),
});

function runChild(env: Record<string, string>): Promise<z.infer<typeof ResultSchema>>;
function runChild<T extends z.ZodType>(env: Record<string, string>, script: string, schema: T): Promise<z.infer<T>>;
function runChild(env: Record<string, string>, script = CHILD, schema: z.ZodType = ResultSchema): Promise<unknown> {
  return new Promise((resolve, reject) => {
    // Only what Azure would give the app, not this test process's environment.
    const base = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', NODE_OPTIONS: '' };
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], { cwd: root, env: { ...base, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    child.once('exit', (code) => {
      const line = out.split('\n').find((l) => l.startsWith('RESULT='));
      if (code !== 0 || !line) return reject(new Error(`the bundle's child process failed (exit ${code}): ${err.slice(-3000)}\n${out.slice(-3000)}`));
      const result = schema.safeParse(JSON.parse(line.slice('RESULT='.length)));
      if (!result.success) return reject(new Error(`the bundle answered something unexpected: ${line}\n${err.slice(-3000)}`));
      resolve(result.data);
    });
  });
}

function londonDateTime(at: Date): { awareDate: string; awareTime: string } {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  );
  return { awareDate: `${parts.year}-${parts.month}-${parts.day}`, awareTime: `${parts.hour}:${parts.minute}` };
}

let scratch: string;
let certPath: string;
let azurite: RunningAzurite;
let identity: LocalManagedIdentity;
let authority: LocalTokenAuthority;
let connector: RecordingConnector;

beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'production-bundle-'));
  const pems = await generate([{ name: 'commonName', value: '127.0.0.1' }], {
    keySize: 2048,
    algorithm: 'sha256',
    extensions: [
      { name: 'basicConstraints', cA: true },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, keyCertSign: true },
      { name: 'extKeyUsage', serverAuth: true },
      { name: 'subjectAltName', altNames: [{ type: 7, ip: '127.0.0.1' }] },
    ],
  });
  certPath = join(scratch, 'cert.pem');
  const keyPath = join(scratch, 'key.pem');
  await writeFile(certPath, pems.cert);
  await writeFile(keyPath, pems.private);
  [azurite, identity, authority, connector] = await Promise.all([
    startAzurite({ oauth: { certPath, keyPath } }),
    startLocalManagedIdentity({ tenantId: TENANT, principalId: '99999999-8888-4777-8666-555555555555' }),
    startLocalTokenAuthority(),
    new RecordingConnector().start(),
    bundleFunctions({ outdir, root }).then(() => undefined),
  ]);
}, 120_000);

afterAll(async () => {
  await Promise.all([azurite?.stop(), identity?.close(), authority?.close(), connector?.stop()]);
  await rm(outdir, { recursive: true, force: true });
  await rm(scratch, { recursive: true, force: true });
});

/** The app settings infra/modules/functionApp.bicep gives the app, with loopback stand-ins. */
async function productionSettings(configPath?: string): Promise<Record<string, string>> {
  return {
    NODE_ENV: 'production',
    PARTNERSHIP_CONFIG: configPath ?? (await writeConfig()),
    PUBLIC_BASE_URL: `https://${HOST}`,
    STORAGE_TABLE_ENDPOINT: `https://127.0.0.1:${azurite.port}/devstoreaccount1`,
    TABLE_PREFIX: uniquePrefix(),
    MANAGED_IDENTITY_CLIENT_ID: IDENTITY,
    MicrosoftAppType: 'UserAssignedMSI',
    MicrosoftAppId: IDENTITY,
    MicrosoftAppTenantId: TENANT,
    EXPORT_LINK_SECRET: randomBytes(32).toString('base64url'),
    GRAPH_AUTH: 'managedIdentity',
    TAB_APP_CLIENT_ID: TAB_APP,
    ...identity.env,
    // Trusts the test's certificate for Azurite's HTTPS, as Azure's storage certificate is trusted.
    NODE_EXTRA_CA_CERTS: certPath,
  };
}

describe('the bundle in production mode, as the managed identity', () => {
  it('authenticates Teams, acquires its Bot Connector and storage tokens as the identity, and serves the tab by SSO', async () => {
    const activity = cardActionActivity({ from: PEOPLE.business, conversationId: 'conv-monitoring', serviceUrl: TEAMS_SERVICE_URL }, 'referral.submit', {
      caseRef: CASE_REF,
      referringAgency: 'Police',
      ...londonDateTime(new Date(Date.now() - 3_600_000)),
      harm: 'seriousHarm',
      location: 'inArea',
      lookedAfter: 'false',
      abuseOrNeglect: 'suspected',
      documentUrl: DOCUMENT_URL,
    });
    const result = await runChild({
      BUNDLE_ENTRY: pathToFileURL(join(outdir, 'index.js')).href,
      BUNDLE_ACTIVITY: JSON.stringify(activity),
      TEST_BOT_METADATA: authority.botOpenIdMetadataUrl,
      TEST_ENTRA_KEYS: authority.entraJwksUrl,
      TEST_BOT_AUTHORIZATION: await authority.botAuthorization({ audience: IDENTITY, serviceUrl: TEAMS_SERVICE_URL }),
      TEST_CONNECTOR_URL: connector.url,
      TEST_TAB_AUTHORIZATION: await authority.entraAuthorization({ audience: `api://${HOST}/${TAB_APP}`, tenantId: TENANT, oid: PEOPLE.business.aadObjectId }),
      TEST_TAB_OID: PEOPLE.business.aadObjectId,
      ...(await productionSettings()),
    });

    // Authentication is on: no token, no turn.
    expect(result.unauthenticated).toBe(401);
    expect(result.status).toBe(200);
    expect(cardText(result.body.value)).toContain(CASE_REF);

    // Every token came from the identity endpoint, asked for as the user-assigned identity.
    expect(identity.refused()).toBe(0);
    expect(identity.requests.length).toBeGreaterThan(0);
    for (const r of identity.requests) {
      expect(r.clientId).toBe(IDENTITY);
      expect(r.apiVersion).toBe('2019-08-01');
    }
    const resources = new Set(identity.requests.map((r) => r.resource.replace(/\/$/, '')));
    expect(resources).toContain('https://storage.azure.com');
    expect(resources).toContain('https://api.botframework.com');

    // The Bot Connector was called with the identity's token for the Bot Framework, and nothing else.
    expect(connector.posted().length).toBeGreaterThan(0);
    const botTokens = (identity.issued.get('https://api.botframework.com') ?? []).map((t) => `Bearer ${t}`);
    expect(connector.authorizations.length).toBeGreaterThan(0);
    for (const authorization of connector.authorizations) expect(botTokens).toContain(authorization);

    // The tab reads the case just logged, with a Teams SSO token for its own app registration;
    // outside local mode the local-user header is no way in.
    expect(result.tabStatus).toBe(200);
    expect(result.tabCases).toEqual([CASE_REF]);
    expect(result.tabWithoutSso).toBe(401);
  }, 120_000);

  it("books a dispute's meeting through Microsoft Graph with the identity's token for Graph", async () => {
    const ORGANISER = 'sin-meetings@partnership.example.org';
    const configPath = await writeConfig(PartnershipFileSchema.parse({ ...sampleConfig, meetings: { organiserUpn: ORGANISER } }));
    const at = (from: (typeof PEOPLE)[keyof typeof PEOPLE], conversationId: string, personal = false) => ({ from, conversationId, serviceUrl: TEAMS_SERVICE_URL, ...(personal ? { conversationType: 'personal' as const } : {}) });
    const clicks = [
      // The bot is added to the monitoring channel and the partners' channel (Teams tells it so).
      messageActivity(at(PEOPLE.business, 'conv-monitoring'), 'help'),
      messageActivity(at(PEOPLE.police, 'conv-decision'), 'help'),
      cardActionActivity(at(PEOPLE.business, 'conv-monitoring'), 'referral.submit', { caseRef: CASE_REF, referringAgency: 'Police', ...londonDateTime(new Date(Date.now() - 3_600_000)), harm: 'death', location: 'inArea', lookedAfter: 'false', abuseOrNeglect: 'suspected', documentUrl: DOCUMENT_URL }),
      cardActionActivity(at(PEOPLE.chair, 'personal-chair', true), 'initialView.submit', { caseRef: CASE_REF, view: 'notify', rationale: 'Death with neglect suspected; criteria met.' }),
      // The view is the chair's and the director's together; the director (the local authority's
      // representative) concurs, and so agrees for the local authority as its co-author.
      cardActionActivity(at(PEOPLE.director, 'personal-director', true), 'initialView.concur', { caseRef: CASE_REF }),
      // The child fills in each reply's asOf from the partners' card the bot posted.
      cardActionActivity(at(PEOPLE.police, 'conv-decision'), 'partner.disagree', { caseRef: CASE_REF, rationale: 'Not met on what we know.' }),
      cardActionActivity(at(PEOPLE.health, 'conv-decision'), 'partner.agree', { caseRef: CASE_REF, comment: 'Met on what we know.' }),
    ];
    const before = identity.requests.length;
    const result = await runChild(
      {
        BUNDLE_ENTRY: pathToFileURL(join(outdir, 'index.js')).href,
        TEST_CLICKS: JSON.stringify(clicks),
        TEST_BOT_METADATA: authority.botOpenIdMetadataUrl,
        TEST_BOT_AUTHORIZATION: await authority.botAuthorization({ audience: IDENTITY, serviceUrl: TEAMS_SERVICE_URL }),
        TEST_CONNECTOR_URL: connector.url,
        ...(await productionSettings(configPath)),
      },
      DISPUTE_CHILD,
      DisputeResultSchema,
    );

    expect(result.statuses).toEqual([200, 200, 200, 200, 200, 200, 200]);
    // Free/busy read, then the meeting created, in the organiser mailbox only.
    const organiser = `/v1.0/users/${encodeURIComponent(ORGANISER)}`;
    expect(result.graphCalls.map((c) => c.path)).toEqual([`${organiser}/calendar/getSchedule`, `${organiser}/events`]);
    // Each with a token the identity endpoint issued for Graph, asked for as the user-assigned identity.
    const graphRequests = identity.requests.slice(before).filter((r) => r.resource.replace(/\/$/, '') === 'https://graph.microsoft.com');
    expect(graphRequests.length).toBeGreaterThan(0);
    for (const r of graphRequests) expect(r.clientId).toBe(IDENTITY);
    const graphTokens = [...identity.issued.entries()].filter(([resource]) => resource.replace(/\/$/, '') === 'https://graph.microsoft.com').flatMap(([, tokens]) => tokens.map((t) => `Bearer ${t}`));
    for (const call of result.graphCalls) expect(graphTokens).toContain(call.authorization);
    // And the meeting reached the partners: its join link was posted to Teams.
    expect(result.joinLinkPosted).toBe(true);
  }, 120_000);
});
