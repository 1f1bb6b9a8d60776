import functions from '@azure/functions';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { silentLogger } from '../../app/ports.js';
import { buildServices, withLiveRoster, type Services } from '../../functions/compositionRoot.js';
import { readEnvironment } from '../../functions/environment.js';
import { createRosterHandlers } from '../../functions/rosterHandlers.js';
import { PEOPLE } from '../support/sampleConfig.js';
import { RecordingMessenger } from '../support/recordingMessenger.js';
import { TestClock, uniquePrefix, writeConfig } from '../support/services.js';
import { startLocalTokenAuthority, type LocalTokenAuthority } from '../support/localTokenAuthority.js';

/**
 * The roster routes outside local mode: Teams SSO tokens from the loopback token authority, as
 * for the rest of the tab. Only the business unit keeps the roster; anyone on the roster records
 * their own absence; the local identity header means nothing here.
 */

const { HttpRequest } = functions;
const APP_ID = '11111111-2222-3333-4444-555555555555';
const HOST = 'sin.example.org';
const TENANT = 'tenant-1';
const clock = new TestClock(new Date('2026-05-05T09:00:00.000Z'));
let authority: LocalTokenAuthority;
let services: Services;
let roster: ReturnType<typeof createRosterHandlers>;

beforeAll(async () => {
  authority = await startLocalTokenAuthority();
  const env = readEnvironment({
    PARTNERSHIP_CONFIG: await writeConfig(),
    STORAGE_CONNECTION_STRING: inject('azuriteConnectionString'),
    TABLE_PREFIX: uniquePrefix(),
    LOCAL_MODE: 'false',
    MicrosoftAppId: APP_ID,
    MicrosoftAppPassword: 'not-used-by-these-tests',
    MicrosoftAppTenantId: TENANT,
    EXPORT_LINK_SECRET: 'x'.repeat(40),
    PUBLIC_BASE_URL: `https://${HOST}`,
    ENTRA_JWKS_URL: authority.entraJwksUrl,
  });
  services = await buildServices(env, { clock, log: silentLogger, messenger: new RecordingMessenger() });
  roster = createRosterHandlers(withLiveRoster(async () => services));
});
afterAll(async () => {
  await authority?.close();
});

const token = (oid: string, tenantId = TENANT) => authority.entraAuthorization({ audience: `api://${HOST}/${APP_ID}`, tenantId, oid });
const get = (path: string, headers: Record<string, string>) => new HttpRequest({ method: 'GET', url: `https://${HOST}${path}`, headers });
const post = (path: string, headers: Record<string, string>, body: unknown) => new HttpRequest({ method: 'POST', url: `https://${HOST}${path}`, headers: { ...headers, 'content-type': 'application/json' }, body: { string: JSON.stringify(body) } });

describe('the roster routes with Teams sign-in', () => {
  it.each([
    ['the business unit', PEOPLE.business.aadObjectId, TENANT, 200],
    ['a partner representative', PEOPLE.police.aadObjectId, TENANT, 403],
    ['someone off the roster', 'aad-stranger', TENANT, 403],
    ['the business unit’s object id from another tenant', PEOPLE.business.aadObjectId, 'tenant-elsewhere', 403],
  ])('reading the roster: %s → %i', async (_name, oid, tenantId, status) => {
    const response = await roster.read(get('/api/tab/roster', { authorization: await token(oid, tenantId) }));
    expect(response.status).toBe(status);
    if (status !== 200) expect(JSON.stringify(response.jsonBody)).not.toContain('Quinn Police');
  });

  it('the local identity header is not an identity outside local mode', async () => {
    const response = await roster.read(get('/api/tab/roster', { 'x-local-user': PEOPLE.business.aadObjectId }));
    expect(response.status).toBe(401);
  });

  it('a partner records their own absence with their sign-in; the business unit sees it on the roster', async () => {
    const absence = { from: '2026-05-11T00:00:00+01:00', to: '2026-05-15T18:00:00+01:00' };
    const recorded = await roster.absence(post('/api/tab/roster/absence', { authorization: await token(PEOPLE.police.aadObjectId) }, absence));
    expect(recorded.status).toBe(200);
    const read = await roster.read(get('/api/tab/roster', { authorization: await token(PEOPLE.business.aadObjectId) }));
    expect((read.jsonBody as { roster: { absences: unknown[] } }).roster.absences).toEqual([{ aadObjectId: PEOPLE.police.aadObjectId, ...absence }]);
  });
});
