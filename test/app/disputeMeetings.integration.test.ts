import type { Event, ScheduleInformation } from '@microsoft/microsoft-graph-types';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { CommandActor } from '../../workflow/commands.js';
import { type Person } from '../../workflow/partnership.js';
import { PartnershipFileSchema } from '../../config/partnershipFile.js';
import { fakeOrganiserCalendar, graphError, ORGANISER, ORGANISER_PATH, recorder, testClient } from '../graph/graphTestKit.js';
import { OrganiserCalendar } from '../../local/organiserCalendar.js';
import { RecordingMessenger, cardText } from '../support/recordingMessenger.js';
import { CASE_REF, DOCUMENT_URL, PEOPLE, sampleConfig } from '../support/sampleConfig.js';
import { TestClock, testServices, uniquePrefix, writeConfig } from '../support/services.js';
import { startLocalManagedIdentity } from '../support/localManagedIdentity.js';

/**
 * Dispute meetings end to end below Teams: the real procedure, real storage (Azurite), the real
 * Graph client with its requests intercepted at fetch (msw), and Teams recorded.
 */

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'bypass' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const as = (p: Person): CommandActor => ({ aadObjectId: p.aadObjectId, displayName: p.displayName });
const config = PartnershipFileSchema.parse({ ...sampleConfig, meetings: { organiserUpn: ORGANISER } });
// Tuesday 5 May 2026; the window closes Wednesday 6 May 15:00 BST with police disagreeing.
const WINDOW_CLOSES = new Date('2026-05-06T14:00:00.000Z');

async function caseInDispute(options: { graph?: boolean; env?: Record<string, string> } = {}) {
  const clock = new TestClock(new Date('2026-05-05T09:00:00.000Z'));
  const messenger = new RecordingMessenger();
  const prefix = uniquePrefix();
  const configPath = await writeConfig(config);
  const graphClient = options.graph === false || options.env ? undefined : testClient().client;
  const s = await testServices({ prefix, clock, messenger, configPath, ...(graphClient ? { graphClient } : {}), ...(options.env ? { env: options.env } : {}) });
  // Each command's cards go out after it is answered; the next person acts on what they received.
  const at = (iso: string) => new Date(iso);
  const settle = () => s.effects.idle();
  await s.cases.execute(CASE_REF, { type: 'LogReferral', actor: as(PEOPLE.business), referral: { caseRef: CASE_REF, referringAgency: 'Police', awareAt: '2026-05-05T08:00:00.000Z', harm: 'death', location: 'inArea', lookedAfter: false, documentUrl: DOCUMENT_URL } }, at('2026-05-05T09:00:00.000Z'));
  await settle();
  await s.cases.execute(CASE_REF, { type: 'GiveInitialView', actor: as(PEOPLE.chair), view: 'notify', rationale: 'Death with neglect suspected; criteria met.' }, at('2026-05-05T14:00:00.000Z'));
  await s.cases.execute(CASE_REF, { type: 'ConcurInitialView', actor: as(PEOPLE.director) }, at('2026-05-05T14:00:00.000Z')); // the view is theirs together (002 step 3)
  await settle();
  await s.cases.execute(CASE_REF, { type: 'ReplyAsPartner', actor: as(PEOPLE.police), reply: 'disagree', rationale: 'Not met on what we know.' }, at('2026-05-05T15:00:00.000Z'));
  await settle();
  return { s, messenger, clock, prefix, configPath, graphClient };
}

/** Free/busy on a 15-minute grid from 15:00 BST Wednesday: police busy until 10:00 Thursday, the rest free. */
function freeBusy(): ScheduleInformation[] {
  const slotsWednesday = 8; // 15:00-17:00
  const nightGap = 16 * 4; // 17:00-09:00
  const policeThursday = '2222' + '0'.repeat(24);
  const free = '0'.repeat(slotsWednesday + nightGap + 28);
  return [
    { scheduleId: config.partners.localAuthority.representative.email, availabilityView: free },
    { scheduleId: config.partners.police.representative.email, availabilityView: '2'.repeat(slotsWednesday) + '0'.repeat(nightGap) + policeThursday },
    { scheduleId: config.partners.health.representative.email, availabilityView: '', error: { message: 'not shared', responseCode: 'ErrorFreeBusyGenerationFailed' } },
  ];
}

describe('dispute meetings through Microsoft Graph', () => {
  it('books the partners\' meeting at the earliest slot all can attend, and posts it with its join link', async () => {
    const calendar = fakeOrganiserCalendar();
    server.use(http.post(`${ORGANISER_PATH}/calendar/getSchedule`, () => HttpResponse.json({ value: freeBusy() })), calendar.handler);
    const { s, messenger } = await caseInDispute();
    await s.runSweep(WINDOW_CLOSES);

    const { state } = await s.store.load(CASE_REF);
    // Police are busy all Wednesday afternoon and until 10:00 Thursday: 10:00-10:30 BST Thursday.
    expect(state?.dispute?.meetings[1]).toMatchObject({ start: '2026-05-07T09:00:00.000Z', end: '2026-05-07T09:30:00.000Z', joinUrl: 'https://teams.microsoft.com/l/meetup-join/1' });
    expect(calendar.events.size).toBe(1);
    const body = calendar.posts[0]!.body as { subject: string; isOnlineMeeting: boolean; onlineMeetingProvider: string; attendees: { type: string; emailAddress: { address: string } }[]; start: { timeZone: string } };
    expect(body).toMatchObject({ subject: `${CASE_REF} SIN decision: partners meeting`, isOnlineMeeting: true, onlineMeetingProvider: 'teamsForBusiness', start: { timeZone: 'Europe/London' } });
    expect(body.attendees.filter((a) => a.type === 'required').map((a) => a.emailAddress.address).sort()).toEqual(
      [config.partners.localAuthority.representative.email, config.partners.police.representative.email, config.partners.health.representative.email].sort(),
    );
    expect(body.attendees.find((a) => a.type === 'optional')?.emailAddress.address).toBe(config.reviewGroupChair.email);
    const posted = messenger.sent.filter((m) => m.to.startsWith('conv-') && cardText(m.card).includes('Join the meeting')).map((m) => m.to);
    expect(posted.sort()).toEqual(['conv-decision', 'conv-monitoring']);
    // The chair's card to record the outcome carries the meeting too.
    expect(cardText(messenger.sent.find((m) => m.to === PEOPLE.chair.aadObjectId && JSON.stringify(m.card).includes('dispute.outcome'))!.card)).toContain('Join the meeting');
  });

  it('books through the client the composition root builds from the environment on first use (client secret, Entra token endpoint)', async () => {
    const calendar = fakeOrganiserCalendar();
    const tokens: string[] = [];
    server.use(
      http.post('https://login.microsoftonline.com/tenant-graph/oauth2/v2.0/token', async ({ request }) => {
        tokens.push(new URLSearchParams(await request.text()).get('client_id') ?? '');
        return HttpResponse.json({ token_type: 'Bearer', expires_in: 3599, ext_expires_in: 3599, access_token: 'app-token' });
      }),
      http.post(`${ORGANISER_PATH}/calendar/getSchedule`, () => HttpResponse.json({ value: freeBusy() })),
      calendar.handler,
    );
    const { s } = await caseInDispute({ env: { GRAPH_TENANT_ID: 'tenant-graph', GRAPH_CLIENT_ID: 'client-graph', GRAPH_CLIENT_SECRET: 's3cret' } });
    await s.runSweep(WINDOW_CLOSES);
    expect(tokens).toEqual(['client-graph']);
    expect(calendar.posts[0]!.headers.get('authorization')).toBe('Bearer app-token');
    expect((await s.store.load(CASE_REF)).state?.dispute?.meetings[1]).toMatchObject({ joinUrl: 'https://teams.microsoft.com/l/meetup-join/1' });
  });

  it('books in a national cloud when GRAPH_BASE_URL and ENTRA_AUTHORITY_HOST point there (US Government)', async () => {
    const US_ORGANISER_PATH = ORGANISER_PATH.replace('https://graph.microsoft.com', 'https://graph.microsoft.us');
    const calendar = new OrganiserCalendar();
    const { requests: posts, record } = recorder();
    const scopes: string[] = [];
    server.use(
      http.post('https://login.microsoftonline.us/tenant-graph/oauth2/v2.0/token', async ({ request }) => {
        scopes.push(new URLSearchParams(await request.text()).get('scope') ?? '');
        return HttpResponse.json({ token_type: 'Bearer', expires_in: 3599, ext_expires_in: 3599, access_token: 'us-token' });
      }),
      http.post(`${US_ORGANISER_PATH}/calendar/getSchedule`, () => HttpResponse.json({ value: freeBusy() })),
      http.post(`${US_ORGANISER_PATH}/events`, async ({ request }) => HttpResponse.json(calendar.create((await record(request)) as Event), { status: 201 })),
    );
    const { s } = await caseInDispute({ env: { GRAPH_TENANT_ID: 'tenant-graph', GRAPH_CLIENT_ID: 'client-graph', GRAPH_CLIENT_SECRET: 's3cret', GRAPH_BASE_URL: 'https://graph.microsoft.us', ENTRA_AUTHORITY_HOST: 'https://login.microsoftonline.us' } });
    await s.runSweep(WINDOW_CLOSES);
    expect(scopes.length).toBeGreaterThan(0);
    expect(scopes[0]).toContain('https://graph.microsoft.us/.default');
    expect(posts[0]!.headers.get('authorization')).toBe('Bearer us-token');
    expect((await s.store.load(CASE_REF)).state?.dispute?.meetings[1]).toMatchObject({ joinUrl: 'https://teams.microsoft.com/l/meetup-join/1' });
  });

  it('books as the managed identity when GRAPH_AUTH=managedIdentity: the token comes from the identity endpoint, no secret anywhere', async () => {
    const identity = await startLocalManagedIdentity({ tenantId: 'tenant-1', principalId: '99999999-8888-4777-8666-555555555555' });
    const saved = { IDENTITY_ENDPOINT: process.env.IDENTITY_ENDPOINT, IDENTITY_HEADER: process.env.IDENTITY_HEADER };
    Object.assign(process.env, identity.env);
    try {
      const calendar = fakeOrganiserCalendar();
      server.use(http.post(`${ORGANISER_PATH}/calendar/getSchedule`, () => HttpResponse.json({ value: freeBusy() })), calendar.handler);
      const clientId = '0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0';
      const { s } = await caseInDispute({ env: { GRAPH_AUTH: 'managedIdentity', MANAGED_IDENTITY_CLIENT_ID: clientId, MicrosoftAppTenantId: 'tenant-1' } });
      await s.runSweep(WINDOW_CLOSES);
      expect(identity.requests.map((r) => ({ resource: r.resource.replace(/\/$/, ''), clientId: r.clientId }))).toEqual([{ resource: 'https://graph.microsoft.com', clientId }]);
      const [token] = identity.issued.get(identity.requests[0]!.resource) ?? [];
      expect(calendar.posts[0]!.headers.get('authorization')).toBe(`Bearer ${token}`);
      expect((await s.store.load(CASE_REF)).state?.dispute?.meetings[1]).toMatchObject({ joinUrl: 'https://teams.microsoft.com/l/meetup-join/1' });
    } finally {
      for (const [key, value] of Object.entries(saved)) {
        if (value === undefined) delete process.env[key];
        else process.env[key] = value;
      }
      await identity.close();
    }
  });

  it('falls back to the business unit when Graph keeps failing (503), with the attendees and the deadline', async () => {
    server.use(http.post(`${ORGANISER_PATH}/calendar/getSchedule`, () => graphError(503, 'ServiceUnavailable', 'down', { 'Retry-After': '0' })));
    const { s, messenger } = await caseInDispute();
    await s.runSweep(WINDOW_CLOSES);
    const { state } = await s.store.load(CASE_REF);
    expect(state?.dispute?.bookingFailed[1]?.reason).toBe('Microsoft Graph did not answer after several tries');
    const arrange = messenger.sent.find((m) => m.to === 'conv-monitoring' && JSON.stringify(m.card).includes('meeting.arrange'));
    expect(arrange).toBeDefined();
    expect(cardText(arrange!.card)).toContain(config.partners.police.representative.email);
  });

  it('asks the business unit to arrange it when Graph is not configured at all (local mode)', async () => {
    const { s } = await caseInDispute({ graph: false });
    await s.runSweep(WINDOW_CLOSES);
    const { state } = await s.store.load(CASE_REF);
    expect(state?.dispute?.bookingFailed[1]?.reason).toBe('Microsoft Graph is not configured for this partnership, so the bot cannot book meetings');
  });

  it('a crash between booking and recording books no second meeting: the retry reuses the transactionId', async () => {
    const calendar = fakeOrganiserCalendar();
    server.use(http.post(`${ORGANISER_PATH}/calendar/getSchedule`, () => HttpResponse.json({ value: freeBusy() })), calendar.handler);
    const { s, prefix, clock, configPath, graphClient, messenger } = await caseInDispute();
    const record = s.effectRunner.record!;
    // This process "dies" every time between Graph creating the event and the event being recorded.
    s.effectRunner.record = async (caseRef, command) => {
      if (command.type === 'RecordMeetingBooked') throw new Error('process died after Graph created the event');
      return record(caseRef, command);
    };
    await s.runSweep(WINDOW_CLOSES);
    expect(calendar.events.size).toBe(1);
    expect((await s.store.load(CASE_REF)).state?.dispute?.meetings[1]).toBeUndefined();

    const restarted = await testServices({ prefix, clock, messenger, configPath, graphClient: graphClient! });
    // The booking's recovery entry: at least two minutes on, in a five-minute slot.
    await restarted.runSweep(new Date(WINDOW_CLOSES.getTime() + 5 * 60_000));
    expect(calendar.posts.length).toBeGreaterThanOrEqual(2);
    expect(new Set(calendar.posts.map((p) => (p.body as { transactionId: string }).transactionId)).size).toBe(1);
    expect(calendar.events.size).toBe(1);
    const { events } = await restarted.store.load(CASE_REF);
    expect(events.filter((e) => e.type === 'MeetingBooked')).toHaveLength(1);
  });

  it('cancels the meeting through Graph when the partners come to agree before it', async () => {
    const calendar = fakeOrganiserCalendar();
    const cancelled: string[] = [];
    server.use(
      http.post(`${ORGANISER_PATH}/calendar/getSchedule`, () => HttpResponse.json({ value: freeBusy() })),
      calendar.handler,
      http.post(`${ORGANISER_PATH}/events/:id/cancel`, ({ params }) => {
        cancelled.push(String(params.id));
        return new HttpResponse(null, { status: 202 });
      }),
    );
    const { s, messenger } = await caseInDispute();
    await s.runSweep(WINDOW_CLOSES);
    await s.cases.execute(CASE_REF, { type: 'ReplyAsPartner', actor: as(PEOPLE.police), reply: 'agree', rationale: 'Persuaded.' }, new Date('2026-05-06T15:00:00.000Z'));
    await s.effects.idle();
    expect(cancelled).toEqual([...calendar.events.keys()]);
    const notices = messenger.sent.filter((m) => m.to.startsWith('conv-') && /cancelled/i.test(cardText(m.card)) && !JSON.stringify(m.card).includes('Join the meeting'));
    expect(notices.map((m) => m.to).sort()).toEqual(['conv-decision', 'conv-monitoring']);
  });
});
