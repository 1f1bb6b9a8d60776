import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { silentLogger } from '../../app/ports.js';
import { readEnvironment } from '../../functions/environment.js';
import { buildServices } from '../../functions/compositionRoot.js';
import { loadPartnershipConfig } from '../../config/loadPartnershipConfig.js';
import type { LocalHost } from '../../local/host.js';
import { LocalClock } from '../../local/localClock.js';
import { CASE_REF, DOCUMENT_URL, PEOPLE, sampleConfig } from '../support/sampleConfig.js';
import { cardActionActivity, messageActivity, type ActivityOptions } from '../support/activities.js';
import { RecordingConnector } from '../support/recordingConnector.js';
import { cardText } from '../support/recordingMessenger.js';
import { startTestHost, uniquePrefix, writeConfig } from '../support/services.js';
import { request as httpRequest } from 'node:http';
import { readFile, writeFile } from 'node:fs/promises';
import { startLocalTokenAuthority } from '../support/localTokenAuthority.js';
import { MAX_ACTIVITY_BYTES } from '../../functions/handlers.js';
import { dirname, join } from 'node:path';
import type { Person } from '../../workflow/partnership.js';

/**
 * The `messages` function end to end in-process: real botbuilder adapter (local mode), real
 * storage (Azurite), and a recording Bot Connector. Every bad input gets a clear answer and
 * writes nothing.
 */

let host: LocalHost;
let connector: RecordingConnector;
const clock = new LocalClock(() => Date.parse('2026-05-05T09:00:00.000Z'));

beforeAll(async () => {
  connector = await new RecordingConnector().start();
  host = await startTestHost(clock);
  // The bot is installed in the monitoring channel and the decision channel: Teams tells it so.
  await post(messageActivity(at('conv-monitoring', PEOPLE.business), 'help'));
  await post(messageActivity(at('conv-decision', PEOPLE.police), 'help'));
});
afterAll(async () => {
  await host?.close();
  await connector?.stop();
});

const at = (conversationId: string, from: Person, extra: Partial<ActivityOptions> = {}): ActivityOptions => ({ from, conversationId, serviceUrl: connector.url, ...extra });

async function post(body: unknown, raw?: string) {
  const response = await fetch(`${host.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: raw ?? JSON.stringify(body) });
  const text = await response.text();
  return { status: response.status, body: text ? (JSON.parse(text) as { value?: unknown; statusCode?: number; error?: string; type?: string }) : undefined };
}

async function click(from: Person, verb: string, data: Record<string, unknown>, conversationId = 'conv-decision', extra: Partial<ActivityOptions> = {}) {
  const response = await post(cardActionActivity(at(conversationId, from, extra), verb, data));
  expect(response.status).toBe(200);
  expect(response.body?.type).toBe('application/vnd.microsoft.card.adaptive');
  // What the click sends to others goes out after it is answered: wait for it, as they would.
  await host.services.effects.idle();
  return cardText(response.body?.value);
}

const eventCount = async (caseRef = CASE_REF) => (await host.services.store.load(caseRef)).events.length;
const referralData = (overrides: Record<string, unknown> = {}) => ({
  caseRef: CASE_REF,
  referringAgency: 'Police',
  awareDate: '2026-05-05',
  awareTime: '08:30',
  harm: 'seriousHarm',
  location: 'inArea',
  lookedAfter: 'false',
  abuseOrNeglect: 'suspected',
  documentUrl: DOCUMENT_URL,
  ...overrides,
});

describe('the messages function', () => {
  it('answers "help" from anyone in the tenant with the command help, as a card', async () => {
    const before = connector.posted().length;
    await post(messageActivity(at('personal-x', PEOPLE.police, { conversationType: 'personal' }), 'help'));
    const reply = connector.posted().slice(before);
    expect(reply).toHaveLength(1);
    expect(cardText(reply[0]!.card)).toContain('new referral');
  });

  it('gives the business unit the referral form on "new referral", and refuses anyone else', async () => {
    const before = connector.posted().length;
    await post(messageActivity(at('conv-monitoring', PEOPLE.business), '<at>SIN decisions</at> new referral'));
    await post(messageActivity(at('conv-monitoring', PEOPLE.police), 'new referral'));
    const [form, refusal] = connector.posted().slice(before);
    expect(cardText(form!.card)).toMatch(/case reference/i);
    expect(cardText(refusal!.card)).toContain("Only members of the partnership's business unit can log a referral.");
  });

  it('refuses a referral whose case reference is a name, keeping what was typed, and writes nothing', async () => {
    const text = await click(PEOPLE.business, 'referral.submit', referralData({ caseRef: 'Jayden Smith' }), 'conv-monitoring');
    expect(text).toContain('That is not a case reference');
    expect(text).not.toContain('JAYDEN SMITH is not');
    expect(text).toContain(DOCUMENT_URL); // the typed link is still in the form
    expect(await eventCount('JAYDEN SMITH')).toBe(0);
  });

  it('keeps the form and says what to fix when a date is missing', async () => {
    const text = await click(PEOPLE.business, 'referral.submit', referralData({ awareDate: '' }), 'conv-monitoring');
    expect(text).toContain('Please check: the date the partnership became aware');
    expect(await eventCount()).toBe(0);
  });

  it('logs a referral, confirms what happens next and by when, and asks the chair and director 1:1', async () => {
    const before = connector.calls.length;
    const text = await click(PEOPLE.business, 'referral.submit', referralData(), 'conv-monitoring');
    expect(text).toContain(CASE_REF);
    expect(text).toContain('10:00 on Wednesday 6 May'); // 1 working day after 10:00 Tuesday
    const calls = connector.calls.slice(before);
    // The form is replaced for everyone in the channel, and two 1:1 chats are created and written to.
    expect(calls.filter((c) => c.method === 'PUT' && c.activityId === 'clicked-card')).toHaveLength(1);
    const created = calls.filter((c) => c.method === 'POST' && c.path === '/v3/conversations');
    // Neither has spoken to the bot yet, so the chat is created with their Entra object id.
    expect(created.map((c) => (c.body.members as { id: string }[])[0]!.id).sort()).toEqual([PEOPLE.chair.aadObjectId, PEOPLE.director.aadObjectId].sort());
    const { events } = await host.services.store.load(CASE_REF);
    expect(events[0]).toMatchObject({ type: 'ReferralLogged', by: { aadObjectId: PEOPLE.business.aadObjectId, displayName: PEOPLE.business.displayName } });
  });

  it.each([
    ['an unknown verb', 'case.delete', { caseRef: CASE_REF }, 'That action could not be understood'],
    ['missing card data', 'partner.agree', {}, 'That action could not be understood'],
    ['mistyped card data', 'initialView.submit', { caseRef: CASE_REF, view: 'maybe', rationale: 'x' }, 'That action could not be understood'],
  ])('answers %s plainly and writes nothing', async (_s, verb, data, message) => {
    expect(await click(PEOPLE.chair, verb, data)).toContain(message);
    expect(await eventCount()).toBe(1);
  });

  it('refuses a rationale over 2,000 characters and keeps it in the card', async () => {
    const text = await click(PEOPLE.chair, 'initialView.submit', { caseRef: CASE_REF, view: 'notify', rationale: 'a'.repeat(2001) }, 'personal-chair');
    expect(text).toContain('please keep it to 2000');
    expect(await eventCount()).toBe(1);
  });

  it('refuses a click from another tenant and saves nothing about it', async () => {
    const text = await click(PEOPLE.chair, 'initialView.submit', { caseRef: CASE_REF, view: 'notify', rationale: 'Criteria met.' }, 'personal-chair', { tenantId: 'other-tenant' });
    expect(text).toContain(`serves ${sampleConfig.partnership.name} only`);
    expect(await eventCount()).toBe(1);
  });

  it('refuses a partner reply from someone not on the roster', async () => {
    await click(PEOPLE.chair, 'initialView.submit', { caseRef: CASE_REF, view: 'notify', rationale: 'Serious harm, neglect suspected.' }, 'personal-chair');
    await click(PEOPLE.director, 'initialView.concur', { caseRef: CASE_REF }, 'personal-director');
    const stranger: Person = { aadObjectId: 'aad-stranger', displayName: 'Stranger', email: 's@example.org' };
    const text = await click(stranger, 'partner.disagree', { caseRef: CASE_REF, rationale: 'No.' });
    expect(text).toContain("Cases are shown only to people on the partnership's roster. Nothing was recorded.");
    expect((await host.services.store.load(CASE_REF)).state?.positions.police.status).toBe('awaiting');
  });

  it('takes the clicker from the activity, never from the card data', async () => {
    const before = await eventCount();
    const forged = { caseRef: CASE_REF, aadObjectId: PEOPLE.police.aadObjectId, from: { aadObjectId: PEOPLE.police.aadObjectId }, partner: 'police' };
    const text = await click(PEOPLE.business, 'partner.agree', forged);
    expect(text).toContain("you are not on the partnership's roster for any partner");
    expect((await host.services.store.load(CASE_REF)).state?.positions.police.status).toBe('awaiting');
    expect(await eventCount()).toBe(before);
  });

  it('shows nothing of a case to someone off the roster, even through a form\'s submit', async () => {
    const stranger: Person = { aadObjectId: 'aad-stranger', displayName: 'Stranger', email: 's@example.org' };
    const text = await click(stranger, 'initialView.submit', { caseRef: CASE_REF, view: 'notify', rationale: '' }, 'personal-stranger');
    expect(text).toContain("Cases are shown only to people on the partnership's roster");
    expect(text).not.toContain('Police'); // not even the referring agency
  });

  it("keeps nothing of a stranger's 1:1 chat: no conversation reference, so nothing can ever be posted there", async () => {
    const stranger: Person = { aadObjectId: 'aad-stranger-2', displayName: 'Stranger', email: 's2@example.org' };
    await post(messageActivity(at('personal-stranger-2', stranger, { conversationType: 'personal' }), 'help'));
    expect(await host.services.conversations.conversation('personal-stranger-2')).toBeUndefined();
    // The control: someone on the roster has their 1:1 chat remembered.
    await post(messageActivity(at('personal-police', PEOPLE.police, { conversationType: 'personal' }), 'help'));
    expect(await host.services.conversations.conversation('personal-police')).toBeDefined();
  });

  it('records a partner reply and updates the partners\' card in place for everyone', async () => {
    const before = connector.calls.length;
    const text = await click(PEOPLE.police, 'partner.agree', { caseRef: CASE_REF, comment: 'Agreed.' });
    expect(text).toContain('Recorded: Police agrees.');
    const updates = connector.calls.slice(before).filter((c) => c.method === 'PUT' && c.conversationId === 'conv-decision');
    expect(updates).toHaveLength(1);
    expect(cardText((updates[0]!.body.attachments as { content: unknown }[])[0]!.content)).toContain('Pat Police');
  });

  it('refuses a click on an older card: a second initial view after one was given', async () => {
    const before = await eventCount();
    const text = await click(PEOPLE.director, 'initialView.submit', { caseRef: CASE_REF, view: 'doNotNotify', rationale: 'Not met.' }, 'personal-director');
    expect(text).toContain('was already given by Casey Chair');
    expect(await eventCount()).toBe(before);
  });

  it('refuses a reply after the window closed, and after the decision, writing nothing', async () => {
    const before = await eventCount();
    clock.set(new Date('2026-05-07T09:00:00.000Z')); // past the 1 working-day window, before any sweep
    expect(await click(PEOPLE.health, 'partner.disagree', { caseRef: CASE_REF, rationale: 'Too late?' })).toContain('closed at');
    expect(await eventCount()).toBe(before);
    await host.services.runSweep(clock.now());
    const decided = await eventCount();
    expect(decided).toBeGreaterThan(before);
    expect(await click(PEOPLE.health, 'partner.disagree', { caseRef: CASE_REF, rationale: 'Too late?' })).toContain('replies are closed');
    expect(await eventCount()).toBe(decided);
  });

  it.each([
    ['malformed JSON', '{"type": "message",', 400, 'must be a JSON Bot Framework activity'],
    ['a JSON array', '[1,2,3]', 400, 'must be a JSON Bot Framework activity'],
    ['an empty object', '{}', 400, 'must be a JSON Bot Framework activity'],
    ['a message with no conversation', JSON.stringify({ type: 'message', channelId: 'msteams', serviceUrl: 'http://127.0.0.1:1/', text: 'help' }), 400, 'must be a JSON Bot Framework activity'],
    ['a body over 256 KB', JSON.stringify({ type: 'message', text: 'x'.repeat(300_000) }), 413, 'too large'],
  ])('answers %s with %s and writes nothing', async (_s, raw, status, message) => {
    const before = await eventCount();
    const response = await post(undefined, raw);
    expect(response.status).toBe(status);
    expect(response.body?.error).toContain(message);
    expect(await eventCount()).toBe(before);
  });

  it.each([
    ['from Web Chat', { channelId: 'webchat' }, 'Microsoft Teams only'],
    ['from Direct Line', { channelId: 'directline' }, 'Microsoft Teams only'],
    ['naming a connector that is not Teams', { serviceUrl: 'https://evil.example.com/' }, 'not a Microsoft Teams connector'],
    ['naming a Teams lookalike host', { serviceUrl: 'https://smba.trafficmanager.net.evil.example.com/uk/' }, 'not a Microsoft Teams connector'],
  ])('refuses an activity %s (403) and keeps nothing of it', async (_s, change, message) => {
    const before = await eventCount();
    const response = await post({ ...cardActionActivity(at('conv-new', PEOPLE.business), 'referral.submit', referralData()), ...change });
    expect(response.status).toBe(403);
    expect(response.body?.error).toContain(message);
    expect(await eventCount()).toBe(before);
    expect(await host.services.conversations.conversation('conv-new')).toBeUndefined();
  });

  it("keeps the Teams ids of a new team's members who are on the roster, and nothing about anyone else", async () => {
    const stranger = { id: '29:aad-stranger', name: 'Stella Stranger', aadObjectId: 'aad-stranger' };
    connector.members = [{ id: `29:${PEOPLE.scrutineer.aadObjectId}`, name: PEOPLE.scrutineer.displayName, aadObjectId: PEOPLE.scrutineer.aadObjectId }, stranger];
    const added = { ...messageActivity(at('conv-team', PEOPLE.business), ''), type: 'installationUpdate', action: 'add', text: undefined };
    expect((await post(added)).status).toBe(200);
    expect(connector.calls.some((c) => c.method === 'GET' && c.path.endsWith('/pagedmembers'))).toBe(true);
    expect(await host.services.conversations.member(PEOPLE.scrutineer.aadObjectId)).toMatchObject({ memberId: `29:${PEOPLE.scrutineer.aadObjectId}` });
    expect(await host.services.conversations.member(stranger.aadObjectId)).toBeUndefined();
    connector.members = [];
  });

  it('stops reading an activity sent without a content-length once it passes the limit (413)', async () => {
    const url = new URL(`${host.url}/api/messages`);
    let written = 0;
    // One upload until the host answers. Under load the host's close can reset the connection before the
    // client has read the answer (a TCP race in the test's client, not the host's decision): that attempt has
    // no answer to judge and is made again, at most three times; a 413 must still be seen.
    const upload = () =>
      new Promise<{ status: number; body: string } | 'reset before the answer was read'>((resolve, reject) => {
        written = 0;
        let answered = false;
        const req = httpRequest({ host: url.hostname, port: url.port, path: url.pathname, method: 'POST', headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked' } }, (res) => {
          answered = true;
          let body = '';
          res.on('data', (chunk: Buffer) => (body += chunk.toString()));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
          res.on('error', () => resolve('reset before the answer was read'));
        });
        // The host closing the connection on an abandoned upload is expected; the answer came first, or this attempt is void.
        req.on('error', (error) => (written > MAX_ACTIVITY_BYTES ? (answered ? undefined : resolve('reset before the answer was read')) : reject(error)));
        // Keep sending (up to 64 MB) until the host answers: it must not wait for the end.
        const chunk = Buffer.alloc(64 * 1024, 'x');
        const pump = () => {
          while (written < 64 * 1024 * 1024 && !req.destroyed) {
            written += chunk.length;
            if (!req.write(chunk)) return void req.once('drain', pump);
          }
          req.end();
        };
        req.write('{"type":"message","text":"');
        pump();
      });
    let answer = await upload();
    for (let attempt = 1; answer === 'reset before the answer was read' && attempt < 3; attempt++) answer = await upload();
    if (answer === 'reset before the answer was read') throw new Error('three uploads were reset before the answer could be read');
    expect(answer.status).toBe(413);
    expect(answer.body).toContain('too large');
    // Far less than was on offer was sent before the answer: the host did not read it all.
    expect(written).toBeLessThan(64 * 1024 * 1024);
    expect((await post(messageActivity(at('conv-monitoring', PEOPLE.business), 'help'))).status).toBe(200);
  });
});

describe('authentication and configuration', () => {
  it('requires a Bot Framework token when a bot app id is configured', async () => {
    // The channel's keys come from a token authority on loopback: nothing here reaches the internet.
    const authority = await startLocalTokenAuthority();
    const env = readEnvironment({
      ToBotFromChannelOpenIdMetadataUrl: authority.botOpenIdMetadataUrl,
      ToBotFromEmulatorOpenIdMetadataUrl: authority.botOpenIdMetadataUrl,
      PARTNERSHIP_CONFIG: await writeConfig(),
      STORAGE_CONNECTION_STRING: inject('azuriteConnectionString'),
      TABLE_PREFIX: uniquePrefix(),
      MicrosoftAppId: '11111111-1111-1111-1111-111111111111',
      MicrosoftAppPassword: 'not-used',
      MicrosoftAppTenantId: 'tenant-1',
      EXPORT_LINK_SECRET: 'x'.repeat(40),
      PUBLIC_BASE_URL: 'https://bot.example.org',
    });
    const services = await buildServices(env, { clock, log: silentLogger });
    const { processWithAdapter } = await import('../../bot/httpBridge.js');
    const activity = messageActivity(at('conv-monitoring', PEOPLE.business), 'help');
    const unsigned = await processWithAdapter(services.adapter, { method: 'POST', headers: {}, body: activity }, services.onTurn);
    expect(unsigned.status).toBe(401);
    const forged = await processWithAdapter(services.adapter, { method: 'POST', headers: { authorization: 'Bearer eyJhbGciOiJIUzI1NiJ9.eyJhdWQiOiJ4In0.c2ln' }, body: activity }, services.onTurn);
    expect(forged.status).toBe(401);
    await authority.close();
  });

  it.each([
    ['local mode with a bot app id', { LOCAL_MODE: 'true', MicrosoftAppId: 'abc' }, 'LOCAL_MODE: cannot be true when MicrosoftAppId is set'],
    ['local mode in production', { LOCAL_MODE: 'true', NODE_ENV: 'production' }, 'LOCAL_MODE: cannot be true when NODE_ENV is production'],
    ['no credentials outside local mode', {}, 'MicrosoftAppId: is required outside local mode'],
    ['local mode on an Azure instance', { LOCAL_MODE: 'true', WEBSITE_INSTANCE_ID: 'a1b2c3' }, 'LOCAL_MODE: cannot be true in Azure (WEBSITE_INSTANCE_ID is set)'],
    ['local mode in an Azure app', { LOCAL_MODE: 'true', WEBSITE_SITE_NAME: 'sin-bot' }, 'LOCAL_MODE: cannot be true in Azure (WEBSITE_SITE_NAME is set)'],
    ['export links over plain http outside local mode', { MicrosoftAppId: 'a', MicrosoftAppPassword: 'b', MicrosoftAppTenantId: 'c', EXPORT_LINK_SECRET: 'x'.repeat(40) }, 'PUBLIC_BASE_URL: must be an https:// address outside local mode'],
  ])('refuses to start with %s', (_s, extra, message) => {
    expect(() => readEnvironment({ PARTNERSHIP_CONFIG: 'x.json', STORAGE_CONNECTION_STRING: 'UseDevelopmentStorage=true', PUBLIC_BASE_URL: 'http://127.0.0.1:3978', ...extra })).toThrow(message);
  });

  it('refuses the example local settings when they are copied into Azure', async () => {
    const example = JSON.parse(await readFile(join(import.meta.dirname, '../../local.settings.example.json'), 'utf8')) as { Values: Record<string, string> };
    // As given it starts locally (on a developer's machine, against Azurite)...
    expect(readEnvironment(example.Values).LOCAL_MODE).toBe('true');
    // ...and on an App Service instance it does not start at all.
    expect(() => readEnvironment({ ...example.Values, WEBSITE_INSTANCE_ID: 'a1b2c3', WEBSITE_SITE_NAME: 'sin-bot' })).toThrow('LOCAL_MODE: cannot be true in Azure');
  });

  it('stops on an invalid partnership configuration, listing every problem with its path', async () => {
    const path = join(dirname(await writeConfig()), 'bad.json');
    const bad = { ...sampleConfig, nation: 'wales', tenantId: '', businessUnit: [], partners: { ...sampleConfig.partners, police: { organisation: 'Police' } } };
    const twoPartners = { ...sampleConfig, partners: { ...sampleConfig.partners, health: { ...sampleConfig.partners.health, deputies: [PEOPLE.policeDeputy] } } };
    const twoPath = join(dirname(path), 'two.json');
    await writeFile(twoPath, JSON.stringify(twoPartners));
    const twoError = await loadPartnershipConfig(twoPath).then(() => undefined, (e: unknown) => e as Error);
    expect(twoError?.message).toContain('partners.health.deputies.0: Quinn Police is already on the police roster');
    await writeFile(path, JSON.stringify(bad));
    const error = await loadPartnershipConfig(path).then(() => undefined, (e: unknown) => e as Error);
    expect(error?.message).toContain('nation:');
    expect(error?.message).toContain('tenantId:');
    expect(error?.message).toContain('businessUnit:');
    expect(error?.message).toContain('partners.police.representative:');
  });
});
