import { createSign, generateKeyPairSync, type KeyObject } from 'node:crypto';
import functions from '@azure/functions';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { silentLogger } from '../../app/ports.js';
import { buildServices } from '../../functions/compositionRoot.js';
import { readEnvironment } from '../../functions/environment.js';
import { createHandlers } from '../../functions/handlers.js';
import { TestClock, uniquePrefix, writeConfig } from '../support/services.js';
import { cardActionActivity } from '../support/activities.js';
import { PEOPLE } from '../support/sampleConfig.js';
import { forged } from './support/tally.js';

const { HttpRequest, InvocationContext } = functions;

/**
 * Bot Framework tokens against the real messages function with a bot app id configured (not local
 * mode). Teams' signing keys are replaced by a key pair made here: msw answers botbuilder's
 * requests for login.botframework.com's OpenID metadata and key set, so a correctly signed token
 * is accepted (the control) and every forgery is refused by botbuilder's own checks.
 */

const APP_ID = '11111111-2222-3333-4444-555555555555';
const SERVICE_URL = 'https://smba.trafficmanager.net/uk/';
const CHANNEL_ISSUER = 'https://api.botframework.com';
const KEYS_URL = 'https://login.botframework.com/v1/.well-known/keys';

const teams = generateKeyPairSync('rsa', { modulusLength: 2048 });
const attacker = generateKeyPairSync('rsa', { modulusLength: 2048 });
const webchatOnly = generateKeyPairSync('rsa', { modulusLength: 2048 });
const jwk = (key: KeyObject, kid: string, endorsements: string[]) => ({ ...key.export({ format: 'jwk' }), kid, use: 'sig', endorsements });

const server = setupServer(
  http.get('https://login.botframework.com/v1/.well-known/openidconfiguration', () =>
    HttpResponse.json({ issuer: CHANNEL_ISSUER, jwks_uri: KEYS_URL, id_token_signing_alg_values_supported: ['RS256'] }),
  ),
  http.get(KEYS_URL, () => HttpResponse.json({ keys: [jwk(teams.publicKey, 'teams-key', ['msteams']), jwk(webchatOnly.publicKey, 'webchat-key', ['webchat'])] })),
  // The emulator's and Entra's metadata: reachable, but they never list this test's keys.
  http.get(/https:\/\/login\.microsoftonline\.com\/.*openid-configuration/, () => HttpResponse.json({ issuer: 'https://login.microsoftonline.com/', jwks_uri: 'https://login.microsoftonline.com/keys' })),
  http.get('https://login.microsoftonline.com/keys', () => HttpResponse.json({ keys: [] })),
);

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
function token(claims: Record<string, unknown>, options: { key?: KeyObject; kid?: string; alg?: string } = {}): string {
  const header = { alg: options.alg ?? 'RS256', typ: 'JWT', kid: options.kid ?? 'teams-key' };
  const body = `${b64(header)}.${b64(claims)}`;
  if (header.alg === 'none') return `${body}.`;
  const signature = createSign('RSA-SHA256').update(body).sign(options.key ?? teams.privateKey).toString('base64url');
  return `${body}.${signature}`;
}
const now = () => Math.floor(Date.now() / 1000);
const goodClaims = () => ({ iss: CHANNEL_ISSUER, aud: APP_ID, serviceurl: SERVICE_URL, nbf: now() - 60, exp: now() + 3600, iat: now() - 60 });

let handlers: ReturnType<typeof createHandlers>;

beforeAll(async () => {
  // Storage (Azurite on loopback) goes through; anything else unexpected is an error.
  server.listen({ onUnhandledRequest: (request, print) => (new URL(request.url).hostname === '127.0.0.1' ? undefined : print.error()) });
  const env = readEnvironment({
    PARTNERSHIP_CONFIG: await writeConfig(),
    STORAGE_CONNECTION_STRING: inject('azuriteConnectionString'),
    TABLE_PREFIX: uniquePrefix(),
    MicrosoftAppId: APP_ID,
    MicrosoftAppPassword: 'not-used-no-outbound-call',
    MicrosoftAppTenantId: 'tenant-1',
    EXPORT_LINK_SECRET: 'x'.repeat(40),
    PUBLIC_BASE_URL: 'https://bot.example.org',
  });
  const services = await buildServices(env, { clock: new TestClock(new Date('2026-05-05T14:30:00.000Z')), log: silentLogger });
  handlers = createHandlers(async () => services);
});
afterAll(() => server.close());

async function deliver(authorization: string | undefined, activity = cardActionActivity({ from: PEOPLE.police, conversationId: 'conv-decision', serviceUrl: SERVICE_URL }, 'case.unknown', {})) {
  const request = new HttpRequest({
    method: 'POST',
    url: 'https://bot.example.org/api/messages',
    headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
    body: { string: JSON.stringify(activity) },
  });
  return handlers.messages(request, new InvocationContext({ functionName: 'messages' }));
}

describe('Bot Framework tokens', () => {
  it('accepts a token signed with the channel key, for this bot, for this serviceUrl (the control)', async () => {
    const response = await deliver(`Bearer ${token(goodClaims())}`);
    expect(response.status).toBe(200);
  });

  it.each([
    ['no token', () => undefined],
    ['a token signed with another key under the channel key id (wrong signature)', () => `Bearer ${token(goodClaims(), { key: attacker.privateKey })}`],
    ['a token signed by a key the channel never published', () => `Bearer ${token(goodClaims(), { key: attacker.privateKey, kid: 'attacker-key' })}`],
    ['a token for another bot (wrong audience)', () => `Bearer ${token({ ...goodClaims(), aud: '99999999-0000-0000-0000-000000000000' })}`],
    ['a token with no audience', () => `Bearer ${token({ ...goodClaims(), aud: undefined })}`],
    ['a token from another issuer', () => `Bearer ${token({ ...goodClaims(), iss: 'https://evil.example.com' })}`],
    ['a token claiming to be from the emulator', () => `Bearer ${token({ ...goodClaims(), iss: 'https://sts.windows.net/d6d49420-f39b-4df7-a1dc-d59a935871db/', ver: '1.0', appid: APP_ID })}`],
    ['an expired token', () => `Bearer ${token({ ...goodClaims(), nbf: now() - 7200, iat: now() - 7200, exp: now() - 3600 })}`],
    ['a token not valid yet', () => `Bearer ${token({ ...goodClaims(), nbf: now() + 3600, iat: now() + 3600, exp: now() + 7200 })}`],
    ['a token for another serviceUrl than the activity names', () => `Bearer ${token({ ...goodClaims(), serviceurl: 'https://evil.example.com/connector/' })}`],
    ['a token signed by a key endorsed only for Web Chat', () => `Bearer ${token(goodClaims(), { key: webchatOnly.privateKey, kid: 'webchat-key' })}`],
    ['an unsigned token (alg none)', () => `Bearer ${token(goodClaims(), { alg: 'none' })}`],
    ['a token signed HS256 with the public key as the secret', () => {
      const header = b64({ alg: 'HS256', typ: 'JWT', kid: 'teams-key' });
      const body = `${header}.${b64(goodClaims())}`;
      return `Bearer ${body}.${Buffer.from('forged').toString('base64url')}`;
    }],
    ['a token in the wrong scheme', () => `Basic ${Buffer.from(`${APP_ID}:secret`).toString('base64')}`],
    ['garbage', () => 'Bearer not.a.token'],
  ])('refuses %s', async (_name, authorization) => {
    const response = await deliver(authorization());
    const refused = response.status === 401 || response.status === 403;
    forged(refused);
    expect(response.status === 401 || response.status === 403, `status ${response.status}`).toBe(true);
  });

  // Tokens any Bot Framework channel signs are valid tokens: the channel and the connector the
  // activity names decide whether it is Teams (whose word alone gives a tenant and a person).
  it.each([
    ['an activity from Web Chat signed by the Web Chat key', { channelId: 'webchat' }, { key: webchatOnly.privateKey, kid: 'webchat-key' }, SERVICE_URL],
    ['an activity from Direct Line signed by the Web Chat key', { channelId: 'directline' }, { key: webchatOnly.privateKey, kid: 'webchat-key' }, SERVICE_URL],
    ['an activity from Web Chat signed by the Teams key', { channelId: 'webchat' }, {}, SERVICE_URL],
    ['an activity naming a connector outside Teams, with a token for it', { serviceUrl: 'https://evil.example.com/connector/' }, {}, 'https://evil.example.com/connector/'],
    ['an activity naming a Teams lookalike connector, with a token for it', { serviceUrl: 'https://smba.trafficmanager.net.evil.example.com/uk/' }, {}, 'https://smba.trafficmanager.net.evil.example.com/uk/'],
  ])('refuses %s', async (_name, change, signing, serviceurl) => {
    const activity = { ...cardActionActivity({ from: PEOPLE.police, conversationId: 'conv-decision', serviceUrl: SERVICE_URL }, 'case.unknown', {}), ...change };
    const response = await deliver(`Bearer ${token({ ...goodClaims(), serviceurl }, signing)}`, activity);
    const refused = response.status === 401 || response.status === 403;
    forged(refused);
    expect(response.status, JSON.stringify(response.jsonBody)).toBe(403);
  });

  it('refuses a correctly signed activity from another tenant with a refusal card', async () => {
    const activity = cardActionActivity({ from: PEOPLE.police, conversationId: 'conv-decision', serviceUrl: SERVICE_URL, tenantId: 'tenant-evil' }, 'partner.agree', { caseRef: 'RR-2026-014' });
    const response = await deliver(`Bearer ${token(goodClaims())}`, activity);
    const refused = response.status === 200 && JSON.stringify(response.jsonBody).includes('Nothing was recorded');
    forged(refused);
    expect(refused).toBe(true);
  });
});

describe('the anonymous local mode and the crash points cannot be switched on in a deployment', () => {
  it.each([
    ['local mode with a bot app id', { LOCAL_MODE: 'true', MicrosoftAppId: APP_ID }, 'LOCAL_MODE: cannot be true when MicrosoftAppId is set'],
    ['local mode in production', { LOCAL_MODE: 'true', NODE_ENV: 'production' }, 'LOCAL_MODE: cannot be true when NODE_ENV is production'],
    ['crash points outside local mode', { MicrosoftAppId: APP_ID, MicrosoftAppPassword: 'x', MicrosoftAppTenantId: 't', EXPORT_LINK_SECRET: 'x'.repeat(40), FAULT_CRASH_AT: 'committed' }, 'FAULT_CRASH_AT: is honoured only in local mode'],
    ['an unknown crash point', { LOCAL_MODE: 'true', FAULT_CRASH_AT: 'everywhere' }, 'FAULT_CRASH_AT: must name a crash point'],
    ['local mode on an Azure instance', { LOCAL_MODE: 'true', WEBSITE_INSTANCE_ID: 'a1b2c3', WEBSITE_SITE_NAME: 'sin-bot' }, 'LOCAL_MODE: cannot be true in Azure'],
    ['export links over plain http in a deployment', { MicrosoftAppId: APP_ID, MicrosoftAppPassword: 'x', MicrosoftAppTenantId: 't', EXPORT_LINK_SECRET: 'x'.repeat(40) }, 'PUBLIC_BASE_URL: must be an https:// address outside local mode'],
  ])('refuses to start with %s', (_name, extra, message) => {
    let refusedWith = '';
    try {
      readEnvironment({ PARTNERSHIP_CONFIG: 'x.json', STORAGE_CONNECTION_STRING: 'UseDevelopmentStorage=true', PUBLIC_BASE_URL: 'http://127.0.0.1:3978', ...extra });
    } catch (error) {
      refusedWith = (error as Error).message;
    }
    forged(refusedWith.includes(message));
    expect(refusedWith).toContain(message);
  });
});
