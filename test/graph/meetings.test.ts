import type { Event, ScheduleInformation } from '@microsoft/microsoft-graph-types';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createGraphClient } from '../../graph/graphClient.js';
import { createMeetingService, type MeetingRequest, type MeetingService } from '../../graph/meetings.js';
import { meetingTransactionId } from '../../graph/transactionId.js';
import { fakeOrganiserCalendar, graphError, graphFaults, ORGANISER, ORGANISER_PATH, recorder, testClient } from './graphTestKit.js';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const POLICE = 'police.rep@police.example.net';
const HEALTH = 'designated.nurse@icb.example.nhs.uk';
const DIRECTOR = 'director@council.example.gov.uk';
const SCRUTINEER = 'scrutineer@partnership.example.org';

function service(): MeetingService {
  return createMeetingService({ client: testClient().client, organiserUpn: ORGANISER, allowedWords: ['IOWSCP'] });
}

const transactionId = meetingTransactionId({ caseRef: 'RR-2026-014', stage: 'sin-dispute', key: 'evt-0007' });

const meeting: MeetingRequest = {
  subject: 'IOWSCP SIN decision meeting RR-2026-014',
  start: new Date('2026-05-05T09:00:00+01:00'),
  end: new Date('2026-05-05T09:30:00+01:00'),
  required: [POLICE, HEALTH, DIRECTOR],
  optional: [SCRUTINEER, POLICE.toUpperCase()],
  transactionId,
  bodyText:
    'The partner representatives could not agree in writing whether to notify the national panel of serious incident RR-2026-014.\n' +
    'This short meeting is to reach a decision within 1 working day. Please prioritise attendance. The details are in the case thread in Teams.',
};

describe('getSchedules', () => {
  it('asks getSchedule for the window in London wall time and reads each availabilityView', async () => {
    const faults = graphFaults();
    const { requests, record } = recorder();
    server.use(
      http.post(`${ORGANISER_PATH}/calendar/getSchedule`, async ({ request }) => {
        await record(request);
        const value: ScheduleInformation[] = [
          // Answered out of order and in another case: matched by address.
          { scheduleId: HEALTH.toUpperCase(), availabilityView: '0220', scheduleItems: [] },
          // A partner in another tenant: Graph answers this schedule with an error.
          faults.inject({ scheduleId: POLICE, availabilityView: '', error: { message: 'Cross-tenant free/busy is not shared', responseCode: 'ErrorFreeBusyGenerationFailed' } }),
          { scheduleId: DIRECTOR, availabilityView: '0000' },
        ];
        return HttpResponse.json({ value });
      }),
    );
    const result = await service().getSchedules(
      [POLICE, HEALTH, DIRECTOR, SCRUTINEER],
      new Date('2026-05-05T09:00:00+01:00'),
      new Date('2026-05-05T11:00:00+01:00'),
      30,
    );
    // Survived: the others' free/busy is still read, and the police are "cannot tell", not an error.
    faults.survived(result.ok && result.value.length === 4 && result.value[0]?.availability === undefined && result.value[1]?.availability === '0220');

    expect(requests).toHaveLength(1);
    expect(requests[0]?.body).toEqual({
      schedules: [POLICE, HEALTH, DIRECTOR, SCRUTINEER],
      startTime: { dateTime: '2026-05-05T09:00:00', timeZone: 'Europe/London' },
      endTime: { dateTime: '2026-05-05T11:00:00', timeZone: 'Europe/London' },
      availabilityViewInterval: 30,
    });
    expect(result).toEqual({
      ok: true,
      value: [
        { email: POLICE, availability: undefined }, // an error entry: cannot tell
        { email: HEALTH, availability: '0220' },
        { email: DIRECTOR, availability: '0000' },
        { email: SCRUTINEER, availability: undefined }, // missing from the answer
      ],
    });
  });

  it('sends winter times as GMT wall time', async () => {
    const { requests, record } = recorder();
    server.use(http.post(`${ORGANISER_PATH}/calendar/getSchedule`, async ({ request }) => (await record(request), HttpResponse.json({ value: [] }))));
    await service().getSchedules([POLICE], new Date('2026-01-06T09:00:00Z'), new Date('2026-01-06T17:00:00Z'), 15);
    expect(requests[0]?.body).toMatchObject({
      startTime: { dateTime: '2026-01-06T09:00:00', timeZone: 'Europe/London' },
      endTime: { dateTime: '2026-01-06T17:00:00', timeZone: 'Europe/London' },
    });
  });

  it('asks for at most 20 schedules per call, and de-duplicates addresses', async () => {
    const { requests, record } = recorder();
    server.use(
      http.post(`${ORGANISER_PATH}/calendar/getSchedule`, async ({ request }) => {
        const body = (await record(request)) as { schedules: string[] };
        const value: ScheduleInformation[] = body.schedules.map((scheduleId) => ({ scheduleId, availabilityView: '0' }));
        return HttpResponse.json({ value });
      }),
    );
    const emails = Array.from({ length: 45 }, (_, i) => `person${i}@partnership.example.org`);
    const result = await service().getSchedules([...emails, emails[0]!.toUpperCase()], new Date('2026-05-05T09:00:00+01:00'), new Date('2026-05-05T09:30:00+01:00'), 30);
    expect(requests.map((r) => (r.body as { schedules: string[] }).schedules.length)).toEqual([20, 20, 5]);
    expect(result.ok && result.value.map((s) => s.email)).toEqual(emails);
  });

  it('returns an unexpected-shape error, without throwing, for a malformed answer', async () => {
    const faults = graphFaults();
    server.use(http.post(`${ORGANISER_PATH}/calendar/getSchedule`, () => faults.inject(HttpResponse.json({ value: [{ availabilityView: 7 }] }))));
    const result = await service().getSchedules([POLICE], new Date('2026-05-05T09:00:00+01:00'), new Date('2026-05-05T10:00:00+01:00'), 30);
    faults.survived(!result.ok && result.error.kind === 'unexpectedResponse');
    expect(result).toMatchObject({ ok: false, error: { kind: 'unexpectedResponse' } });
  });

  it('refuses a window Graph would reject, without calling it', async () => {
    const result = await service().getSchedules([POLICE], new Date('2026-05-05T10:00:00+01:00'), new Date('2026-05-05T09:00:00+01:00'), 30);
    expect(result).toMatchObject({ ok: false, error: { kind: 'refused' } });
  });
});

describe('bookMeeting', () => {
  it('creates a Teams meeting with typed attendees, London times and the transactionId, and returns the join URL', async () => {
    const calendar = fakeOrganiserCalendar();
    server.use(calendar.handler);

    const result = await service().bookMeeting(meeting);

    expect(calendar.posts).toHaveLength(1);
    const expected: Event = {
      subject: 'IOWSCP SIN decision meeting RR-2026-014',
      body: { contentType: 'text', content: meeting.bodyText },
      start: { dateTime: '2026-05-05T09:00:00', timeZone: 'Europe/London' },
      end: { dateTime: '2026-05-05T09:30:00', timeZone: 'Europe/London' },
      attendees: [
        { emailAddress: { address: POLICE }, type: 'required' },
        { emailAddress: { address: HEALTH }, type: 'required' },
        { emailAddress: { address: DIRECTOR }, type: 'required' },
        // The police rep was also listed as optional: required wins, and they are invited once.
        { emailAddress: { address: SCRUTINEER }, type: 'optional' },
      ],
      isOnlineMeeting: true,
      onlineMeetingProvider: 'teamsForBusiness',
      allowNewTimeProposals: false,
      transactionId,
    };
    expect(calendar.posts[0]?.body).toEqual(expected);
    expect(calendar.posts[0]?.headers.get('authorization')).toBe('Bearer test-token');
    expect(result).toEqual({ ok: true, value: { eventId: 'AAMkAD-event-1=', joinUrl: 'https://teams.microsoft.com/l/meetup-join/1' } });
  });

  it('returns the event without a join URL when Teams could not attach one (the invitations went out anyway)', async () => {
    const faults = graphFaults();
    server.use(http.post(`${ORGANISER_PATH}/events`, () => faults.inject(HttpResponse.json({ id: 'evt-1', onlineMeeting: null } satisfies Event, { status: 201 }))));
    const result = await service().bookMeeting(meeting);
    faults.survived(result.ok && result.value.eventId === 'evt-1' && result.value.joinUrl === undefined);
    expect(result).toEqual({ ok: true, value: { eventId: 'evt-1', joinUrl: undefined } });
  });

  it('retries a 429 with Retry-After: 0 and sends the identical body, transactionId included', async () => {
    const faults = graphFaults();
    const calendar = fakeOrganiserCalendar();
    const sent = recorder();
    server.use(
      http.post(`${ORGANISER_PATH}/events`, async ({ request }) => {
        await sent.record(request);
        // First attempt throttled; later ones fall through to the calendar.
        return sent.requests.length === 1
          ? faults.inject(graphError(429, 'ApplicationThrottled', 'Too many requests', { 'Retry-After': '0' }))
          : undefined;
      }),
      calendar.handler,
    );
    const result = await service().bookMeeting(meeting);
    faults.survived(result.ok && calendar.events.size === 1);
    expect(result).toMatchObject({ ok: true, value: { eventId: 'AAMkAD-event-1=' } });
    expect(sent.requests).toHaveLength(2);
    expect(sent.requests[1]?.body).toEqual(sent.requests[0]?.body);
    expect(sent.requests[0]?.body).toMatchObject({ transactionId });
    expect(calendar.events.size).toBe(1);
  });

  it('gives up after the RetryHandler\'s retries on a persistent 503: "failed after retries", no throw', async () => {
    const faults = graphFaults();
    let calls = 0;
    server.use(http.post(`${ORGANISER_PATH}/events`, () => (calls++, faults.inject(graphError(503, 'ServiceUnavailable', 'Try later', { 'Retry-After': '0' })))));
    const result = await service().bookMeeting(meeting);
    // Survived: a result the caller turns into "arrange it by hand", after a bounded number of tries.
    faults.survived(!result.ok && result.error.kind === 'failedAfterRetries' && calls === 4);
    expect(result).toMatchObject({ ok: false, error: { kind: 'failedAfterRetries', status: 503 } });
    // The first try and the RetryHandler's default 3 retries.
    expect(calls).toBe(4);
  });

  it('reports "failed after retries" when the network never answers', async () => {
    const faults = graphFaults();
    let calls = 0;
    server.use(http.post(`${ORGANISER_PATH}/events`, () => (calls++, faults.inject(HttpResponse.error()))));
    const result = await service().bookMeeting(meeting);
    faults.survived(!result.ok && result.error.kind === 'failedAfterRetries' && calls === 3);
    expect(result).toMatchObject({ ok: false, error: { kind: 'failedAfterRetries' } });
    expect(calls).toBe(3);
  });

  it.each([
    { sentence: '403 → permission denied', response: () => graphError(403, 'ErrorAccessDenied', 'Access is denied. Check credentials and try again.'), kind: 'permissionDenied' },
    { sentence: '404 ErrorInvalidUser → mailbox not found', response: () => graphError(404, 'ErrorInvalidUser', "The requested user 'sin-meetings@partnership.example.org' is invalid."), kind: 'mailboxNotFound' },
    { sentence: '404 MailboxNotEnabledForRESTAPI → mailbox not found', response: () => graphError(404, 'MailboxNotEnabledForRESTAPI', 'The mailbox is either inactive, soft-deleted, or is hosted on-premise.'), kind: 'mailboxNotFound' },
    { sentence: '401 → authentication failed', response: () => graphError(401, 'InvalidAuthenticationToken', 'Access token validation failure.'), kind: 'authenticationFailed' },
    { sentence: '400 → rejected', response: () => graphError(400, 'ErrorInvalidRequest', 'Your request is invalid.'), kind: 'rejected' },
    { sentence: 'a 201 without an id → unexpected shape', response: () => HttpResponse.json({ subject: 'x' }, { status: 201 }), kind: 'unexpectedResponse' },
    { sentence: 'a join URL that is not https → unexpected shape', response: () => HttpResponse.json({ id: 'e', onlineMeeting: { joinUrl: 'javascript:alert(1)' } }, { status: 201 }), kind: 'unexpectedResponse' },
    { sentence: 'a body that is not JSON → unexpected shape', response: () => HttpResponse.text('<html>gateway</html>', { status: 200 }), kind: 'unexpectedResponse' },
  ])('$sentence, as a result, not a throw', async ({ response, kind }) => {
    const faults = graphFaults();
    server.use(http.post(`${ORGANISER_PATH}/events`, () => faults.inject(response())));
    const result = await service().bookMeeting(meeting);
    faults.survived(!result.ok && result.error.kind === kind);
    expect(result).toMatchObject({ ok: false, error: { kind } });
  });

  it('reports a rejected client secret as "authentication failed" (the real ClientSecretCredential path)', async () => {
    const faults = graphFaults();
    server.use(
      http.post('https://login.microsoftonline.com/tenant-1/oauth2/v2.0/token', () =>
        faults.inject(
          HttpResponse.json(
            { error: 'invalid_client', error_description: 'AADSTS7000215: Invalid client secret provided.', error_codes: [7000215] },
            { status: 401 },
          ),
        ),
      ),
    );
    const client = createGraphClient({ credential: { tenantId: 'tenant-1', clientId: 'client-1', clientSecret: 'wrong' } });
    const result = await createMeetingService({ client, organiserUpn: ORGANISER, allowedWords: ['IOWSCP'] }).bookMeeting(meeting);
    faults.survived(!result.ok && result.error.kind === 'authenticationFailed');
    expect(result).toMatchObject({ ok: false, error: { kind: 'authenticationFailed' } });
  });

  it('is "not configured" without a client or an organiser, and sends nothing', async () => {
    const unconfigured = [
      createMeetingService({ client: undefined, organiserUpn: ORGANISER }),
      createMeetingService({ client: testClient().client, organiserUpn: undefined }),
      createMeetingService({ client: testClient().client, organiserUpn: ' ' }),
    ];
    for (const meetings of unconfigured) {
      await expect(meetings.bookMeeting(meeting)).resolves.toMatchObject({ ok: false, error: { kind: 'notConfigured' } });
      await expect(meetings.getSchedules([POLICE], meeting.start, meeting.end, 30)).resolves.toMatchObject({ ok: false, error: { kind: 'notConfigured' } });
      await expect(meetings.cancelMeeting('evt-1', 'Cancelled')).resolves.toMatchObject({ ok: false, error: { kind: 'notConfigured' } });
    }
  });

  it.each([
    { sentence: 'a name in the subject', change: { subject: 'SIN decision meeting RR-2026-014 Jayden Smith' } },
    { sentence: 'a name in the body', change: { bodyText: 'Meeting about Jayden, RR-2026-014.' } },
    { sentence: 'an address in the body', change: { bodyText: 'Meeting at 12 Acacia Avenue.' } },
    { sentence: 'an apostrophe in the subject', change: { subject: "O'Brien RR-2026-014" } },
    { sentence: 'no required attendee', change: { required: [] } },
    { sentence: 'an empty transactionId', change: { transactionId: ' ' } },
    { sentence: 'an end before the start', change: { end: new Date('2026-05-05T08:30:00+01:00') } },
  ])('refuses $sentence without sending anything, and does not echo it', async ({ change }) => {
    // onUnhandledRequest: 'error' would fail the test if anything were sent.
    const result = await service().bookMeeting({ ...meeting, ...change });
    expect(result).toMatchObject({ ok: false, error: { kind: 'refused' } });
    expect(JSON.stringify(result)).not.toMatch(/Jayden|Smith|Acacia|Brien/);
  });

  it('after a crash between booking and recording, the re-run sends the same transactionId and one event exists', async () => {
    const faults = graphFaults();
    const calendar = fakeOrganiserCalendar();
    server.use(calendar.handler);
    // The booking step as the outbox will run it: the id comes from what is booked, never from the attempt.
    const bookingStep = async (record: (eventId: string) => void) => {
      const id = meetingTransactionId({ caseRef: 'RR-2026-014', stage: 'sin-dispute', key: 'evt-0007' });
      const result = await service().bookMeeting({ ...meeting, transactionId: id });
      if (!result.ok) throw new Error(result.error.kind);
      record(result.value.eventId);
    };
    const recorded: string[] = [];

    await expect(
      bookingStep(() => {
        throw faults.inject(new Error('process killed before the event id was recorded'));
      }),
    ).rejects.toThrow(/killed/);
    await bookingStep((eventId) => recorded.push(eventId));
    faults.survived(calendar.events.size === 1 && recorded.length === 1 && new Set(calendar.posts.map((p) => (p.body as Event).transactionId)).size === 1);

    expect(calendar.posts).toHaveLength(2);
    expect((calendar.posts[0]?.body as Event).transactionId).toBe(transactionId);
    expect((calendar.posts[1]?.body as Event).transactionId).toBe(transactionId);
    expect(calendar.events.size).toBe(1);
    expect(recorded).toEqual(['AAMkAD-event-1=']);
  });
});

describe('cancelMeeting', () => {
  it('posts the comment to the event\'s cancel action, with the event id escaped in the path', async () => {
    const { requests, record } = recorder();
    server.use(http.post(`${ORGANISER_PATH}/events/:id/cancel`, async ({ request }) => (await record(request), new HttpResponse(null, { status: 202 }))));
    const result = await service().cancelMeeting('AAMkAD/x+y=', 'Cancelled: the partners reached a decision in writing.');
    expect(result).toEqual({ ok: true, value: undefined });
    expect(requests[0]?.url).toBe(`${ORGANISER_PATH}/events/AAMkAD%2Fx%2By%3D/cancel`);
    expect(requests[0]?.body).toEqual({ comment: 'Cancelled: the partners reached a decision in writing.' });
  });

  it('reports an event that is no longer there as "event not found", not a missing mailbox', async () => {
    const faults = graphFaults();
    server.use(http.post(`${ORGANISER_PATH}/events/:id/cancel`, () => faults.inject(graphError(404, 'ErrorItemNotFound', 'The specified object was not found in the store.'))));
    const result = await service().cancelMeeting('evt-gone', 'Cancelled');
    faults.survived(!result.ok && result.error.kind === 'eventNotFound');
    expect(result).toMatchObject({ ok: false, error: { kind: 'eventNotFound' } });
  });
});
