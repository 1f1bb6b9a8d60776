import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createGraphBounceInbox } from '../../graph/bounces.js';
import { GRAPH, graphError, graphFaults, recorder, testClient } from './graphTestKit.js';

/**
 * Reading non-delivery reports from the shared mailbox through the real Graph client, with msw in
 * place of Graph: the documented query (message class filter, received time first because it is
 * also the sort order), paging on Graph's own host only, and what each failure means.
 */
const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const MAILBOX = 'sin-partnership@partnership.example.org';
const INBOX = `${GRAPH}/users/${encodeURIComponent(MAILBOX)}/mailFolders/inbox/messages`;
const SINCE = new Date('2026-05-05T09:00:00.000Z');

const message = (n: number, extra: Record<string, unknown> = {}) => ({
  '@odata.etag': 'W/"x"',
  id: `AAMk-${n}`,
  internetMessageId: `<ndr-${n}@eur.prod.outlook.com>`,
  subject: `Undeliverable: IOWSCP RR-2026-00${n}: a reminder`,
  receivedDateTime: `2026-05-05T09:0${n}:00Z`,
  body: { contentType: 'text', content: `report ${n}` },
  ...extra,
});

describe('the shared mailbox read for non-delivery reports', () => {
  it('asks Graph for NDR-class messages received since the watermark, oldest first, as text, and follows the next page', async () => {
    const { requests, record } = recorder();
    server.use(
      http.get(INBOX, async ({ request }) => {
        await record(request);
        const url = new URL(request.url);
        if (url.searchParams.get('$skip') === '1') return HttpResponse.json({ value: [message(2, { internetMessageId: null })] });
        const next = new URL(url);
        next.searchParams.set('$skip', '1');
        return HttpResponse.json({ value: [message(1)], '@odata.nextLink': next.toString() });
      }),
    );
    const inbox = createGraphBounceInbox({ client: testClient().client, mailbox: MAILBOX });
    const read = await inbox.reportsSince(SINCE);

    expect(read).toEqual({
      ok: true,
      more: false,
      reports: [
        { id: '<ndr-1@eur.prod.outlook.com>', receivedAt: new Date('2026-05-05T09:01:00Z'), subject: 'Undeliverable: IOWSCP RR-2026-001: a reminder', text: 'report 1' },
        // No Internet message id: Graph's own id stands in.
        { id: 'AAMk-2', receivedAt: new Date('2026-05-05T09:02:00Z'), subject: 'Undeliverable: IOWSCP RR-2026-002: a reminder', text: 'report 2' },
      ],
    });
    expect(requests).toHaveLength(2);
    const first = new URL(requests[0]!.url);
    expect(first.searchParams.get('$filter')).toBe(
      "receivedDateTime ge 2026-05-05T09:00:00.000Z and singleValueExtendedProperties/Any(ep: ep/id eq 'String 0x001A' and startswith(ep/value, 'REPORT.IPM.Note.NDR'))",
    );
    expect(first.searchParams.get('$orderby')).toBe('receivedDateTime asc');
    expect(first.searchParams.get('$select')).toBe('id,internetMessageId,subject,receivedDateTime,body');
    expect(first.searchParams.get('$top')).toBe('50');
    expect(requests[0]!.headers.get('prefer')).toBe('outlook.body-content-type="text"');
    expect(requests[0]!.headers.get('authorization')).toBe('Bearer test-token');
    expect(requests[1]!.headers.get('authorization')).toBe('Bearer test-token');
  });

  it('reads a refused inbox (403: Mail.Read not granted for the mailbox) as denied', async () => {
    const faults = graphFaults();
    server.use(http.get(INBOX, () => faults.inject(graphError(403, 'ErrorAccessDenied', 'Access is denied. Check credentials and try again.'))));
    const read = await createGraphBounceInbox({ client: testClient().client, mailbox: MAILBOX }).reportsSince(SINCE);
    expect(read).toMatchObject({ ok: false, kind: 'denied' });
    expect(!read.ok && read.detail).toContain('ErrorAccessDenied');
    faults.survived(!read.ok && read.kind === 'denied');
  });

  it('reads a throttled Graph (after the client retries) and a body that is not a page as unavailable: tried again next time', async () => {
    const faults = graphFaults();
    server.use(http.get(INBOX, () => faults.inject(graphError(429, 'TooManyRequests', 'Slow down', { 'Retry-After': '0' }))));
    const throttled = await createGraphBounceInbox({ client: testClient().client, mailbox: MAILBOX }).reportsSince(SINCE);
    expect(throttled).toMatchObject({ ok: false, kind: 'unavailable' });
    server.resetHandlers();
    server.use(http.get(INBOX, () => faults.inject(HttpResponse.json({ value: [{ subject: 'no id, no time' }] }))));
    const malformed = await createGraphBounceInbox({ client: testClient().client, mailbox: MAILBOX }).reportsSince(SINCE);
    expect(malformed).toMatchObject({ ok: false, kind: 'unavailable' });
    faults.survived(!throttled.ok && !malformed.ok);
  });

  it('does not follow a next page on another host (the token would go with it)', async () => {
    let elsewhere = 0;
    server.use(
      http.get(INBOX, () => HttpResponse.json({ value: [message(1)], '@odata.nextLink': 'https://attacker.example/v1.0/users/x/messages?$skip=1' })),
      http.get('https://attacker.example/*', () => {
        elsewhere++;
        return HttpResponse.json({ value: [] });
      }),
    );
    const read = await createGraphBounceInbox({ client: testClient().client, mailbox: MAILBOX }).reportsSince(SINCE);
    expect(read).toMatchObject({ ok: false, kind: 'unavailable' });
    expect(elsewhere).toBe(0);
  });

  it('answers notConfigured without a Graph client or a mailbox, asking nothing', async () => {
    expect(await createGraphBounceInbox({ client: undefined, mailbox: MAILBOX }).reportsSince(SINCE)).toMatchObject({ ok: false, kind: 'notConfigured' });
    expect(await createGraphBounceInbox({ client: testClient().client, mailbox: ' ' }).reportsSince(SINCE)).toMatchObject({ ok: false, kind: 'notConfigured' });
  });
});
