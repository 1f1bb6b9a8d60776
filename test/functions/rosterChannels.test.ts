import functions from '@azure/functions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServices, withLiveRoster } from '../../functions/compositionRoot.js';
import { silentLogger } from '../../app/ports.js';
import { createRosterHandlers } from '../../functions/rosterHandlers.js';
import { processWithAdapter } from '../../bot/httpBridge.js';
import { CONFLICT_WORDS } from '../../app/liveRoster.js';
import type { CommandActor } from '../../workflow/commands.js';
import type { Person } from '../../workflow/partnership.js';
import { CASE_REF, DOCUMENT_URL, PEOPLE } from '../support/sampleConfig.js';
import { messageActivity } from '../support/activities.js';
import { RecordingConnector } from '../support/recordingConnector.js';
import { cardText } from '../support/recordingMessenger.js';
import { TestClock, testEnvironment, testServices, uniquePrefix, writeConfig } from '../support/services.js';
import { count } from '../faults/support/tally.js';

/**
 * The channels as live data (issue 16), through the bot (it learns where it has been added) and
 * the tab's roster API, on the real services and Azurite: the business unit chooses the
 * monitoring and decision channels among the conversations the bot is in, nobody else may, the
 * change is a roster version with who, when and why, and the next posts go there at once.
 */

const { HttpRequest } = functions;
const LOGGED = '2026-05-05T09:00:00.000Z';
const NOBODY = 'aad-nobody';
const as = (p: Person): CommandActor => ({ aadObjectId: p.aadObjectId, displayName: p.displayName });
type ChannelsBody = {
  version: number;
  channels: { monitoring: { conversationId: string; label: string; kind: string }; decision: { conversationId: string; label: string; kind: string } };
  offers: Record<'monitoring' | 'decision', { conversationId: string; name: string; kind: string; current: boolean }[]>;
  notOffered: { name: string; why: string }[];
};

function request(method: string, who: string | undefined, body?: unknown, params: Record<string, string> = {}) {
  return new HttpRequest({
    method,
    url: 'http://127.0.0.1:3978/api/tab/roster/channels',
    headers: { ...(who ? { 'x-local-user': who } : {}), ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
    params,
    ...(body !== undefined ? { body: { string: JSON.stringify(body) } } : {}),
  });
}

let connector: RecordingConnector;
beforeAll(async () => {
  connector = await new RecordingConnector().start();
});
afterAll(async () => {
  await connector?.stop();
});

/** Teams telling the bot it was added to (or removed from) a conversation; `channelData` as Teams sends it. */
function installation(o: { conversationId: string; conversationType: 'channel' | 'groupChat' | 'personal'; from: Person; tenantId?: string; fromTenantId?: string; channelData?: Record<string, unknown>; name?: string; action?: 'add' | 'remove' }) {
  const base = messageActivity({ from: o.from, conversationId: o.conversationId, conversationType: o.conversationType, serviceUrl: connector.url, ...(o.tenantId ? { tenantId: o.tenantId } : {}), ...(o.fromTenantId ? { fromTenantId: o.fromTenantId } : {}) }, '');
  return {
    ...base,
    type: 'installationUpdate',
    action: o.action ?? 'add',
    text: undefined,
    conversation: { ...base.conversation, ...(o.name ? { name: o.name } : {}) },
    channelData: { ...base.channelData, ...o.channelData },
  };
}

async function setUp() {
  const prefix = uniquePrefix();
  const clock = new TestClock(new Date(LOGGED));
  const s = await testServices({ prefix, clock });
  const roster = createRosterHandlers(withLiveRoster(async () => s));
  // A minute apart, as people add the app: the tab lists them in that order.
  let minute = 0;
  const turn = async (activity: Record<string, unknown>) => {
    clock.set(new Date(Date.parse(LOGGED) + ++minute * 60_000).toISOString());
    await turnNow(activity);
  };
  const turnNow = async (activity: Record<string, unknown>) => expect((await processWithAdapter(s.adapter, { method: 'POST', headers: {}, body: activity }, s.onTurn)).status).toBe(200);
  // The partnership file's channels: the bot was added there at deployment, so it can post there.
  for (const conversationId of ['conv-monitoring', 'conv-decision']) await s.conversations.saveConversation({ conversationId, serviceUrl: connector.url, channelId: 'msteams', tenantId: 'tenant-1', botId: '28:sin-bot', conversationType: 'channel' });
  // Where the bot has been added, as Teams tells it.
  await turn(installation({ conversationId: '19:monitoring-2@thread.tacv2', conversationType: 'channel', from: PEOPLE.business, channelData: { team: { name: 'Safeguarding' }, channel: { name: 'SIN monitoring 2', type: 'standard' } } }));
  await turn(installation({ conversationId: '19:partners-2026@thread.v2', conversationType: 'groupChat', from: PEOPLE.police, name: 'Partners 2026' }));
  // A shared channel hosted by the partnership, the bot added by a police officer from the force's own tenant.
  await turn(installation({ conversationId: '19:shared@thread.tacv2', conversationType: 'channel', from: PEOPLE.police, fromTenantId: 'tenant-police', channelData: { team: { name: 'Safeguarding' }, channel: { name: 'Partners shared', type: 'shared' } } }));
  // A standard channel the bot was added to by someone of another organisation: not offered.
  await turn(installation({ conversationId: '19:outsider@thread.tacv2', conversationType: 'channel', from: PEOPLE.police, fromTenantId: 'tenant-elsewhere', channelData: { team: { name: 'Elsewhere' }, channel: { name: 'Added from outside', type: 'standard' } } }));
  // A channel the bot was added to and then removed from: not offered.
  await turn(installation({ conversationId: '19:gone@thread.tacv2', conversationType: 'channel', from: PEOPLE.business, channelData: { team: { name: 'Old team' } } }));
  await turn(installation({ conversationId: '19:gone@thread.tacv2', conversationType: 'channel', from: PEOPLE.business, action: 'remove' }));
  // Another organisation's tenant: refused before anything is kept. A 1:1 chat is never a channel.
  const refused = await processWithAdapter(s.adapter, { method: 'POST', headers: {}, body: installation({ conversationId: '19:foreign@thread.tacv2', conversationType: 'channel', from: PEOPLE.police, tenantId: 'tenant-2', channelData: { team: { name: 'Foreign' } } }) }, s.onTurn);
  expect(refused.status).toBe(200);
  await turn(installation({ conversationId: 'personal-billie', conversationType: 'personal', from: PEOPLE.business }));
  clock.set(LOGGED);
  const read = async (who = PEOPLE.business.aadObjectId) => (await roster.channels(request('GET', who))).jsonBody as ChannelsBody;
  return { s, prefix, clock, roster, read };
}

const choice = (read: ChannelsBody, monitoring: string, decision: string, why = 'The partners have a new group chat for 2026') => ({
  baseVersion: read.version,
  why,
  monitoring: { conversationId: monitoring, label: read.offers.monitoring.find((o) => o.conversationId === monitoring)?.name ?? 'x' },
  decision: { conversationId: decision, label: read.offers.decision.find((o) => o.conversationId === decision)?.name ?? 'x' },
});

describe('the channels the business unit chooses', () => {
  let t: Awaited<ReturnType<typeof setUp>>;
  beforeAll(async () => {
    t = await setUp();
  });

  it('offers the channels in force and the conversations the bot has been added to, by name; says why the others are not offered', async () => {
    const read = await t.read();
    expect(read.version).toBe(0);
    expect(read.channels.monitoring).toEqual({ conversationId: 'conv-monitoring', kind: 'channel', label: 'SIN monitoring' });
    for (const role of ['monitoring', 'decision'] as const) {
      expect(read.offers[role].map((o) => [o.conversationId, o.name, o.kind])).toEqual([
        [read.channels[role].conversationId, read.channels[role].label, 'channel'],
        ['19:monitoring-2@thread.tacv2', 'Safeguarding › SIN monitoring 2', 'channel'],
        ['19:partners-2026@thread.v2', 'Partners 2026', 'groupChat'],
        ['19:shared@thread.tacv2', 'Safeguarding › Partners shared', 'channel'],
      ]);
    }
    expect(read.notOffered).toEqual([
      { name: 'Elsewhere › Added from outside', why: 'the bot was added by someone of another organisation, and it is not a shared channel hosted by the partnership' },
      { name: 'Old team', why: 'the bot has been removed from it' },
    ]);
    // Another tenant's conversation and the 1:1 chat were not kept at all.
    expect(JSON.stringify(read)).not.toContain('foreign');
    expect(JSON.stringify(read)).not.toContain('personal-billie');
  });

  it.each([
    ['a conversation id typed in', '19:typed-by-hand@thread.tacv2'],
    ['a channel the bot was added to from another organisation', '19:outsider@thread.tacv2'],
    ['a channel the bot was removed from', '19:gone@thread.tacv2'],
    ["another organisation's conversation", '19:foreign@thread.tacv2'],
  ])('refuses %s as the decision channel, and changes nothing', async (_name, conversationId) => {
    const read = await t.read();
    const response = await t.roster.changeChannels(request('PUT', PEOPLE.business.aadObjectId, { ...choice(read, 'conv-monitoring', 'conv-decision'), decision: { conversationId, label: 'Chosen by hand' } }));
    expect(response.status).toBe(400);
    expect((response.jsonBody as { issues: unknown[] }).issues).toEqual([{ path: ['channels', 'decision', 'conversationId'], message: 'Choose one of the conversations the bot has been added to (listed here).' }]);
    expect((await t.read()).version).toBe(read.version);
    expect(t.s.config.channels.decision.conversationId).toBe('conv-decision');
  });

  it('refuses a change without a reason or a name for a channel', async () => {
    const read = await t.read();
    const response = await t.roster.changeChannels(request('PUT', PEOPLE.business.aadObjectId, { ...choice(read, '19:monitoring-2@thread.tacv2', 'conv-decision', ' '), monitoring: { conversationId: '19:monitoring-2@thread.tacv2', label: '' } }));
    expect(response.status).toBe(400);
    expect(JSON.stringify(response.jsonBody)).toContain('say why the channels are changing');
    expect(JSON.stringify(response.jsonBody)).toContain('give the channel a name people will recognise');
    expect((await t.read()).version).toBe(read.version);
  });

  it('takes a shared channel hosted by the partnership as the decision channel', async () => {
    const read = await t.read();
    const response = await t.roster.changeChannels(request('PUT', PEOPLE.business.aadObjectId, choice(read, 'conv-monitoring', '19:shared@thread.tacv2', 'The partners meet in the shared channel now')));
    expect(response.status).toBe(200);
    expect(t.s.config.channels.decision).toEqual({ conversationId: '19:shared@thread.tacv2', kind: 'channel', label: 'Safeguarding › Partners shared' });
    // The partnership file's channel stays on offer, to move back to.
    expect((await t.read()).offers.decision.slice(0, 2).map((o) => [o.conversationId, o.current])).toEqual([
      ['19:shared@thread.tacv2', true],
      ['conv-decision', false],
    ]);
  });

  it('refuses a change based on an older version', async () => {
    const response = await t.roster.changeChannels(request('PUT', PEOPLE.business.aadObjectId, { ...choice(await t.read(), 'conv-monitoring', 'conv-decision'), baseVersion: 0 }));
    expect(response.status).toBe(409);
    expect(response.jsonBody).toEqual({ error: CONFLICT_WORDS });
    expect(t.s.config.channels.decision.conversationId).toBe('19:shared@thread.tacv2');
  });
});

describe("a team's channels", () => {
  it("when the app is added to a team, the team's other channels are offered too, by name, and follow the team's changes; a malformed entry is not kept", async () => {
    const s = await testServices({ prefix: uniquePrefix(), clock: new TestClock(new Date(LOGGED)) });
    const roster = createRosterHandlers(withLiveRoster(async () => s));
    const TEAM = '19:team-safeguarding@thread.tacv2';
    connector.channels = [{ id: TEAM }, { id: '19:sin-monitoring@thread.tacv2', name: 'SIN monitoring', type: 'standard' }, { id: '19:partners@thread.tacv2', name: 'Partners', type: 'shared' }, { id: '', name: 'malformed' }];
    try {
      const added = installation({ conversationId: TEAM, conversationType: 'channel', from: PEOPLE.business, channelData: { team: { id: TEAM, name: 'Safeguarding' } } });
      expect((await processWithAdapter(s.adapter, { method: 'POST', headers: {}, body: added }, s.onTurn)).status).toBe(200);
    } finally {
      connector.channels = [];
    }
    expect(connector.calls.some((c) => c.method === 'GET' && c.path === `/v3/teams/${encodeURIComponent(TEAM)}/conversations`)).toBe(true);
    const read = (await roster.channels(request('GET', PEOPLE.business.aadObjectId))).jsonBody as ChannelsBody;
    // Added in the same minute: in no particular order.
    expect(read.offers.monitoring.filter((o) => !o.current).map((o) => [o.conversationId, o.name]).sort()).toEqual([
      ['19:partners@thread.tacv2', 'Safeguarding › Partners'],
      ['19:sin-monitoring@thread.tacv2', 'Safeguarding › SIN monitoring'],
      [TEAM, 'Safeguarding'],
    ]);
    expect(await s.installed.get('19:partners@thread.tacv2')).toMatchObject({ channelType: 'shared', addedFromTenantId: 'tenant-1', tenantId: 'tenant-1' });

    // Teams tells the bot of the team's channels as they change.
    const event = (eventType: string, channel: Record<string, unknown>) => {
      const base = installation({ conversationId: TEAM, conversationType: 'channel', from: PEOPLE.business, channelData: { team: { id: TEAM, name: 'Safeguarding' }, eventType, channel } });
      return { ...base, type: 'conversationUpdate', action: undefined };
    };
    for (const e of [event('channelCreated', { id: '19:reviews@thread.tacv2', name: 'Reviews' }), event('channelRenamed', { id: '19:sin-monitoring@thread.tacv2', name: 'Monitoring' }), event('channelDeleted', { id: '19:partners@thread.tacv2', name: 'Partners' })]) {
      expect((await processWithAdapter(s.adapter, { method: 'POST', headers: {}, body: e }, s.onTurn)).status).toBe(200);
    }
    const offered = async () => ((await roster.channels(request('GET', PEOPLE.business.aadObjectId))).jsonBody as ChannelsBody).offers.decision.filter((o) => !o.current).map((o) => o.name).sort();
    expect(await offered()).toEqual(['Safeguarding', 'Safeguarding › Monitoring', 'Safeguarding › Reviews']);
    // The app removed from the team: none of its channels is offered any more.
    const removed = installation({ conversationId: TEAM, conversationType: 'channel', from: PEOPLE.business, action: 'remove', channelData: { team: { id: TEAM, name: 'Safeguarding' } } });
    expect((await processWithAdapter(s.adapter, { method: 'POST', headers: {}, body: removed }, s.onTurn)).status).toBe(200);
    expect(await offered()).toEqual([]);
  });
});

describe('who may choose the channels', () => {
  let t: Awaited<ReturnType<typeof setUp>>;
  beforeAll(async () => {
    t = await setUp();
  });
  const people: [string, string | undefined, number][] = [
    ['nobody signed in', undefined, 401],
    ['someone off the roster', NOBODY, 403],
    ['a partner’s representative', PEOPLE.police.aadObjectId, 403],
    ['a partner’s deputy', PEOPLE.policeDeputy.aadObjectId, 403],
    ['the review group chair (sees the tab, does not keep the roster)', PEOPLE.chair.aadObjectId, 403],
    ["the director of children's services", PEOPLE.director.aadObjectId, 403],
    ['the independent scrutineer', PEOPLE.scrutineer.aadObjectId, 403],
  ];
  for (const [route, method] of [['channels', 'GET'], ['changeChannels', 'PUT']] as const) {
    for (const [name, who, status] of people) {
      it(`${route}: ${name} is refused (${status}) and nothing changes`, async () => {
        const read = await t.read();
        const response = await t.roster[route](request(method, who, method === 'PUT' ? choice(read, '19:monitoring-2@thread.tacv2', '19:partners-2026@thread.v2', 'trying') : undefined));
        const after = await t.read();
        const leaked = response.status !== status || JSON.stringify(response.jsonBody ?? response.body).includes('monitoring-2') || after.version !== read.version || t.s.config.channels.monitoring.conversationId !== 'conv-monitoring';
        count({ accessProbes: 1, ...(leaked ? { accessLeaks: 1 } : {}) });
        expect(response.status).toBe(status);
        expect(JSON.stringify(response.jsonBody ?? response.body)).not.toContain('monitoring-2');
        expect(after.version).toBe(read.version);
        expect(t.s.config.channels).toEqual(after.channels);
        expect(t.s.config.channels.monitoring.conversationId).toBe('conv-monitoring');
      });
    }
  }
  it('the business unit is let through', async () => {
    const read = await t.read();
    expect(read.offers.monitoring.length).toBeGreaterThan(1);
    const response = await t.roster.changeChannels(request('PUT', PEOPLE.business.aadObjectId, choice(read, '19:monitoring-2@thread.tacv2', 'conv-decision', 'probe')));
    expect(response.status).toBe(200);
    expect(t.s.config.channels.monitoring.conversationId).toBe('19:monitoring-2@thread.tacv2');
  });
});

describe('moving the decision channel while a case is open', () => {
  it("new cases go to the new channel; the open case's partner card stays where it was posted and its updates still reach it; the change is in the history, its export, and another process", async () => {
    const { s, prefix, clock, roster, read } = await setUp();
    const at = (iso: string) => new Date(iso);
    const OTHER = 'RR-2026-015';
    const toPartners = async (caseRef: string, when: string) => {
      await s.cases.execute(caseRef, { type: 'LogReferral', actor: as(PEOPLE.business), referral: { caseRef, referringAgency: 'Police', awareAt: '2026-05-05T08:00:00.000Z', harm: 'death', location: 'inArea', lookedAfter: false, documentUrl: DOCUMENT_URL } }, at(when));
      await s.cases.execute(caseRef, { type: 'GiveInitialView', actor: as(PEOPLE.chair), view: 'notify', rationale: 'Death with neglect suspected; criteria met.' }, at(when));
      await s.cases.execute(caseRef, { type: 'ConcurInitialView', actor: as(PEOPLE.director) }, at(when));
      await s.effects.idle();
    };
    await toPartners(CASE_REF, '2026-05-05T10:00:00.000Z');
    const posted = s.messenger.sent.find((m) => m.to === 'conv-decision' && cardText(m.card).includes(CASE_REF));
    expect(posted).toBeDefined();

    clock.set('2026-05-05T11:00:00.000Z');
    const before = await read();
    const response = await roster.changeChannels(request('PUT', PEOPLE.business.aadObjectId, choice(before, '19:monitoring-2@thread.tacv2', '19:partners-2026@thread.v2')));
    expect(response.status).toBe(200);
    expect((response.jsonBody as { version: number }).version).toBe(1);
    // The roster itself is as it was: a channel change is not a roster change.
    expect(s.roster.current()).toEqual((await s.roster.history())[0]!.roster);
    // Nobody was replaced: the roster follow-up (run by the sweep) finishes at once and records nothing on the open case.
    expect(await s.rosterFollowUp.followUpPending(at('2026-05-05T11:01:00.000Z'))).toEqual({ cases: [], failed: [], finished: true });
    expect((await s.monitoring.caseDetail(CASE_REF, at('2026-05-05T11:01:00.000Z')))!.timeline.map((r) => r.what).join('\n')).not.toContain('Roster changed');

    // The police reply on the open case: its card is updated where it was posted, nothing goes to the new chat for it.
    const sentBefore = s.messenger.sent.length;
    const updatesBefore = s.messenger.updates.length;
    await s.cases.execute(CASE_REF, { type: 'ReplyAsPartner', actor: as(PEOPLE.police), reply: 'agree', rationale: 'Agreed on what is known.' }, at('2026-05-05T12:00:00.000Z'));
    await s.effects.idle();
    const updated = s.messenger.updates.slice(updatesBefore).filter((u) => u.activityId === posted!.activityId);
    expect(updated.map((u) => u.conversationId)).toEqual(['conv-decision']);
    expect(cardText(updated[0]!.card)).toContain(CASE_REF);
    expect(s.messenger.sent.slice(sentBefore).filter((m) => m.to === '19:partners-2026@thread.v2')).toEqual([]);

    // A new case's partner card goes to the new chat, and names it.
    await toPartners(OTHER, '2026-05-05T13:00:00.000Z');
    const newCase = s.messenger.sent.slice(sentBefore).filter((m) => cardText(m.card).includes(OTHER) && !m.to.startsWith('aad-'));
    expect(newCase.map((m) => m.to)).toEqual(['19:partners-2026@thread.v2']);

    // The views of the chair and the director differ on a third case: the business unit is told in the new monitoring channel.
    const THIRD = 'RR-2026-016';
    await s.cases.execute(THIRD, { type: 'LogReferral', actor: as(PEOPLE.business), referral: { caseRef: THIRD, referringAgency: 'Police', awareAt: '2026-05-05T08:00:00.000Z', harm: 'seriousHarm', location: 'inArea', lookedAfter: false, documentUrl: DOCUMENT_URL } }, at('2026-05-05T14:00:00.000Z'));
    await s.cases.execute(THIRD, { type: 'GiveInitialView', actor: as(PEOPLE.chair), view: 'notify', rationale: 'Serious harm; neglect suspected.' }, at('2026-05-05T14:00:00.000Z'));
    await s.cases.execute(THIRD, { type: 'GiveInitialView', actor: as(PEOPLE.director), view: 'doNotNotify', rationale: 'Harm not serious enough.' }, at('2026-05-05T14:00:00.000Z'));
    await s.effects.idle();
    const toMonitoring = s.messenger.sent.filter((m) => cardText(m.card).includes(THIRD) && !m.to.startsWith('aad-'));
    expect(toMonitoring.map((m) => m.to)).toEqual(['19:monitoring-2@thread.tacv2']);

    // Who, when, why, and where the channels went, in the history and both exports.
    const history = (await roster.history(request('GET', PEOPLE.business.aadObjectId))).jsonBody as { changes: unknown[] };
    expect(history.changes).toEqual([
      {
        version: 1,
        at: '2026-05-05T11:00:00.000Z',
        by: { aadObjectId: PEOPLE.business.aadObjectId, displayName: 'Billie Business' },
        why: 'The partners have a new group chat for 2026',
        channels: { monitoring: { conversationId: '19:monitoring-2@thread.tacv2', kind: 'channel', label: 'Safeguarding › SIN monitoring 2' }, decision: { conversationId: '19:partners-2026@thread.v2', kind: 'groupChat', label: 'Partners 2026' } },
      },
    ]);
    const csv = await roster.download(request('GET', PEOPLE.business.aadObjectId, undefined, { format: 'csv' }));
    expect(String(csv.body).split('\r\n')[0]).toBe('version,at,by,why,roster,channels');
    expect(String(csv.body)).toContain('19:partners-2026@thread.v2');
    const json = await roster.download(request('GET', PEOPLE.business.aadObjectId, undefined, { format: 'json' }));
    expect(JSON.parse(String(json.body)).changes[0].channels.decision.label).toBe('Partners 2026');

    // Another instance on the same storage posts there too, from its next request.
    const other = await withLiveRoster(async () => testServices({ prefix, clock }))();
    expect(other.config.channels.decision.conversationId).toBe('19:partners-2026@thread.v2');
    expect(other.config.channels.monitoring.conversationId).toBe('19:monitoring-2@thread.tacv2');

    // A roster change afterwards keeps the channels chosen.
    const rosterNow = (await roster.read(new HttpRequest({ method: 'GET', url: 'http://127.0.0.1:3978/api/tab/roster', headers: { 'x-local-user': PEOPLE.business.aadObjectId } }))).jsonBody as { version: number; roster: unknown };
    const changed = await roster.change(new HttpRequest({ method: 'PUT', url: 'http://127.0.0.1:3978/api/tab/roster', headers: { 'x-local-user': PEOPLE.business.aadObjectId, 'content-type': 'application/json' }, body: { string: JSON.stringify({ baseVersion: rosterNow.version, why: 'A roster change after the move', roster: rosterNow.roster }) } }));
    expect(changed.status).toBe(200);
    expect(s.config.channels.decision.conversationId).toBe('19:partners-2026@thread.v2');
    const fresh = await withLiveRoster(async () => testServices({ prefix, clock }))();
    expect(fresh.config.channels.decision.conversationId).toBe('19:partners-2026@thread.v2');
  });
});

describe("a team's channel chosen as the monitoring channel, posted to through the Bot Connector", () => {
  it("a channel listed when the app is added to a team (not the one the install came from) can be chosen, and the next monitoring post reaches it; a channel the bot has no reference for is neither offered nor taken", async () => {
    // The product's own TeamsMessenger and adapter (no messenger given), posting to the recording connector.
    const clock = new TestClock(new Date(LOGGED));
    const s = await buildServices(testEnvironment({ configPath: await writeConfig(), prefix: uniquePrefix() }), { clock, log: silentLogger });
    const roster = createRosterHandlers(withLiveRoster(async () => s));
    const TEAM = '19:team-referrals@thread.tacv2';
    const DESK = '19:referrals-desk@thread.tacv2';
    connector.channels = [{ id: TEAM }, { id: DESK, name: 'Referrals desk', type: 'standard' }];
    try {
      const added = installation({ conversationId: TEAM, conversationType: 'channel', from: PEOPLE.business, channelData: { team: { id: TEAM, name: 'Referrals' } } });
      expect((await processWithAdapter(s.adapter, { method: 'POST', headers: {}, body: added }, s.onTurn)).status).toBe(200);
    } finally {
      connector.channels = [];
    }
    // A channel kept before the bot saved a reference with each listed channel: nothing to post through.
    const STALE = '19:kept-without-reference@thread.tacv2';
    await s.installed.added({ conversationId: STALE, kind: 'channel', tenantId: 'tenant-1', name: 'Referrals › Old listing', teamId: TEAM, addedFromTenantId: 'tenant-1', addedAt: LOGGED });

    const read = (await roster.channels(request('GET', PEOPLE.business.aadObjectId))).jsonBody as ChannelsBody;
    expect(read.offers.monitoring.map((o) => o.conversationId)).toContain(DESK);
    expect(read.offers.monitoring.map((o) => o.conversationId)).not.toContain(STALE);
    expect(read.offers.decision.map((o) => o.conversationId)).not.toContain(STALE);
    expect(read.notOffered).toEqual([{ name: 'Referrals › Old listing', why: "the bot cannot post there yet: add the app to that channel's team again, or post @bot in the channel" }]);

    // Sent anyway: refused in words, nothing changed.
    const refused = await roster.changeChannels(request('PUT', PEOPLE.business.aadObjectId, { ...choice(read, STALE, 'conv-decision', 'Referrals moved'), monitoring: { conversationId: STALE, label: 'Old listing' } }));
    expect(refused.status).toBe(400);
    expect((refused.jsonBody as { issues: unknown[] }).issues).toEqual([{ path: ['channels', 'monitoring', 'conversationId'], message: "The bot cannot post there yet: add the app to that channel's team again, or post @bot in the channel." }]);
    expect(s.config.channels.monitoring.conversationId).toBe('conv-monitoring');

    const moved = await roster.changeChannels(request('PUT', PEOPLE.business.aadObjectId, choice(read, DESK, 'conv-decision', 'Referrals are handled at the referrals desk')));
    expect(moved.status).toBe(200);
    expect(s.config.channels.monitoring).toEqual({ conversationId: DESK, kind: 'channel', label: 'Referrals › Referrals desk' });

    // The chair and the director differ on a case: the business unit is told in the monitoring channel.
    const before = connector.calls.length;
    const at = new Date('2026-05-05T10:00:00.000Z');
    await s.cases.execute(CASE_REF, { type: 'LogReferral', actor: as(PEOPLE.business), referral: { caseRef: CASE_REF, referringAgency: 'Police', awareAt: '2026-05-05T08:00:00.000Z', harm: 'seriousHarm', location: 'inArea', lookedAfter: false, documentUrl: DOCUMENT_URL } }, at);
    await s.cases.execute(CASE_REF, { type: 'GiveInitialView', actor: as(PEOPLE.chair), view: 'notify', rationale: 'Serious harm; neglect suspected.' }, at);
    await s.cases.execute(CASE_REF, { type: 'GiveInitialView', actor: as(PEOPLE.director), view: 'doNotNotify', rationale: 'Harm not serious enough.' }, at);
    await s.effects.idle();
    const toChannels = connector.calls.slice(before).filter((c) => c.method === 'POST' && c.conversationId.startsWith('19:') && cardText((c.body.attachments as { content?: unknown }[] | undefined)?.[0]?.content).includes(CASE_REF));
    expect(toChannels.map((c) => [c.conversationId, (c.body.conversation as { id?: string } | undefined)?.id])).toEqual([[DESK, DESK]]);
    expect(cardText((toChannels[0]!.body.attachments as { content?: unknown }[])[0]!.content)).toContain('the chair and the director differ');
  });
});
